import Foundation
import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsWorker
import TemporalDevServer
import Testing

/// A Swift parent (Guardian, on a `TemporalWorker` in this process) starts a Python child (Ward,
/// on a temporalio worker) and completes; the dev server applies the child's parent-close policy:
/// per call, or the contract's `parentClosePolicy` when the call sets none. The server also
/// records the contract's priorities on the start, the activity and the child.
@Suite(.timeLimit(.minutes(5)))
struct ChildOptionsInteropTests {
    /// The parent-close policy each case passes (or not), and the status the Python child ends in.
    static let cases: [(policy: String, status: String)] = [
        ("terminate", "TERMINATED"),
        ("requestCancel", "CANCELED"),
        ("abandon", "RUNNING"),
        ("contract", "CANCELED"),  // Ward's contract says requestCancel
    ]

    @Test func parentClosePolicyDecidesWhatHappensToThePythonChild() async throws {
        try await FamilyEnvironment.start().use { environment in
            for (policy, expected) in Self.cases {
                let ward = "ward-\(policy)-\(UUID().uuidString)"
                let guardian = "guardian-\(policy)-\(UUID().uuidString)"
                let stamp = try await environment.client.executeGuardian(
                    Family.Guardianship(ward: ward, policy: policy),
                    options: WorkflowStartOptions(id: guardian)
                )
                #expect(stamp == "stamped \(ward)")
                let status = try await environment.eventually("\(ward) is \(expected)") {
                    let status = try await environment.inspect(ward)["status"] as? String
                    return status == expected ? status : nil
                }
                #expect(status == expected, "policy \(policy)")
                if expected == "RUNNING" {
                    // Abandoned: still running after the parent closed; the test ends it.
                    try await environment.temporal.terminate(WorkflowExecution(workflowID: ward), reason: "test over")
                }
            }
        }
    }

    @Test func serverRecordsTheContractsPrioritiesAndAPerCallOverride() async throws {
        try await FamilyEnvironment.start().use { environment in
            let ward = "ward-priority-\(UUID().uuidString)"
            let guardian = "guardian-priority-\(UUID().uuidString)"
            _ = try await environment.client.executeGuardian(
                Family.Guardianship(ward: ward, policy: "terminate"),
                options: WorkflowStartOptions(id: guardian)
            )
            let recorded = try await environment.inspect(guardian)
            let priority = try #require(recorded["priority"] as? [String: Any])
            #expect(priority["priority_key"] as? Int == 2)
            #expect(priority["fairness_key"] as? String == "guardians")
            #expect(priority["fairness_weight"] as? Double == 2.5)
            let events = try #require(recorded["events"] as? [[String: Any]])
            let byType = Dictionary(events.map { ($0["type"] as? String ?? "", $0["priority"] as? [String: Any] ?? [:]) }) { first, _ in
                first
            }
            #expect(byType["activity_task_scheduled_event_attributes"]?["priority_key"] as? Int == 1)
            #expect(byType["activity_task_scheduled_event_attributes"]?["fairness_key"] as? String == "stamps")
            #expect(byType["activity_task_scheduled_event_attributes"]?["fairness_weight"] as? Double == 0.5)
            #expect(byType["start_child_workflow_execution_initiated_event_attributes"]?["priority_key"] as? Int == 4)
            #expect(byType["start_child_workflow_execution_initiated_event_attributes"]?["fairness_key"] as? String == "wards")
            let child = try await environment.inspect(ward)
            #expect((child["priority"] as? [String: Any])?["priority_key"] as? Int == 4)

            // A per-call priority replaces the contract's.
            let overridden = "guardian-override-\(UUID().uuidString)"
            _ = try await environment.client.executeGuardian(
                Family.Guardianship(ward: "ward-override-\(UUID().uuidString)", policy: "terminate"),
                options: WorkflowStartOptions(id: overridden, priority: TemporalContracts.Priority(priorityKey: 5))
            )
            let override = try await environment.inspect(overridden)
            #expect((override["priority"] as? [String: Any])?["priority_key"] as? Int == 5)
            #expect((override["priority"] as? [String: Any])?["fairness_key"] as? String == "")
        }
    }
}

/// Guardian: stamps the ward's name, starts Ward with the requested parent-close policy, and
/// returns once the child has started.
final class GuardianWorkflow: Family.GuardianWorkflow {
    init() {}

    func run(_ input: Family.Guardianship, context: any WorkflowContext) async throws -> String {
        let stamp = try await Family.ActivityStubs(context).stamp(input.ward)
        context.currentDetails = "stamped; starting **\(input.ward)**"
        try await context.sleep(for: .milliseconds(10), summary: "a short nap")
        let policy: ParentClosePolicy? =
            switch input.policy {
            case "terminate": .terminate
            case "requestCancel": .requestCancel
            case "abandon": .abandon
            default: nil
            }
        _ = try await Family.ChildWorkflowStubs(context).startWard(
            input.ward,
            options: ChildWorkflowOptions(id: input.ward, parentClosePolicy: policy)
        )
        return stamp
    }
}

/// A dev server, Python's Ward worker, and a Swift `TemporalWorker` with Guardian and Stamp.
final class FamilyEnvironment: TestEnvironment {
    let server: DevServer
    let pythonWorker: PythonWorker
    let connection: TemporalConnection
    let worker: TemporalWorker
    let workerRun: Task<Void, any Error>
    let temporal: TemporalClient
    let client: Family.Client

    private init(server: DevServer, pythonWorker: PythonWorker, connection: TemporalConnection, worker: TemporalWorker) {
        self.server = server
        self.pythonWorker = pythonWorker
        self.connection = connection
        self.worker = worker
        workerRun = Task { try await worker.run() }
        temporal = TemporalClient(connection: connection)
        client = Family.Client(temporal)

    }

    static func start() async throws -> FamilyEnvironment {
        let server = try await DevServer.start(DevServerOptions(searchDirectory: PythonPeer.repositoryRoot))
        do {
            let pythonWorker = try await PythonWorker.start(
                script: "family_worker.py",
                arguments: ["--address", server.address, "--namespace", server.namespace, "--task-queue", "family-python"]
            )
            let connection = try await TemporalConnection.connect(
                TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
            )
            let worker = try TemporalWorker(
                connection: connection,
                workflows: [GuardianWorkflow.registration],
                activities: [ActivityRegistration(Family.Activities.stamp) { input, _ in "stamped \(input)" }]
            )
            return FamilyEnvironment(server: server, pythonWorker: pythonWorker, connection: connection, worker: worker)
        } catch {
            await server.stop()
            throw error
        }
    }

    func stop() async {
        worker.shutdown()
        _ = await workerRun.result
        await connection.close()
        await pythonWorker.stop()
        await server.stop()
    }

    /// What the server recorded of a workflow, read by the Python client (family_client.py);
    /// with `metadata`, also what the `__temporal_workflow_metadata` query answers.
    func inspect(_ workflowID: String, metadata: Bool = false) async throws -> [String: Any] {
        let output = try await PythonCommand.run(
            script: "family_client.py",
            arguments: ["inspect", "--address", server.address, "--namespace", server.namespace, "--workflow-id", workflowID]
                + (metadata ? ["--metadata"] : []),
            timeout: .seconds(60)
        )
        let line = try #require(output.split(separator: "\n").last, "the Python client printed nothing")
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// Polls `probe` every half second for up to 30 seconds until it returns a value.
    func eventually<Value>(_ what: String, _ probe: () async throws -> Value?) async throws -> Value {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let value = try await probe() { return value }
            try await Task.sleep(for: .milliseconds(500))
        }
        throw PythonPeerError(description: "timed out waiting until \(what)")
    }
}

/// The contract's static summary and details (the description), per-call overrides, the summaries
/// of the activity, timer and child commands, and the current details the metadata query
/// answers: all read by the Python SDK from the dev server.
@Suite(.timeLimit(.minutes(5)))
struct UserMetadataInteropTests {
    @Test func pythonReadsTheStaticAndCurrentDetailsOfASwiftParentAndItsChild() async throws {
        try await FamilyEnvironment.start().use { environment in
            let ward = "ward-metadata-\(UUID().uuidString)"
            let guardian = "guardian-metadata-\(UUID().uuidString)"
            _ = try await environment.client.executeGuardian(
                Family.Guardianship(ward: ward, policy: "terminate"),
                options: WorkflowStartOptions(id: guardian)
            )
            let parent = try await environment.inspect(guardian, metadata: true)
            #expect(parent["summary"] as? String == "Guardian of a ward")
            #expect(parent["details"] as? String == "Stamps the ward's name, starts Ward as a child, and completes without waiting for it.")
            #expect(parent["current_details"] as? String == "stamped; starting **\(ward)**")
            let summaries = try #require(parent["event_summaries"] as? [[String: Any]])
            let byType = Dictionary(summaries.map { ($0["type"] as? String ?? "", $0["summary"] as? String ?? "") }) { first, _ in first }
            #expect(byType["activity_task_scheduled_event_attributes"] == "Stamping the ward's name")
            #expect(byType["timer_started_event_attributes"] == "a short nap")
            #expect(byType["start_child_workflow_execution_initiated_event_attributes"] == "Ward of a guardian")
            let child = try await environment.inspect(ward)
            #expect(child["summary"] as? String == "Ward of a guardian")
            #expect(child["details"] as? String == "Python's child; runs until it is cancelled or terminated.")

            // A call's own summary and details replace the contract's.
            let overridden = "guardian-override-\(UUID().uuidString)"
            _ = try await environment.client.executeGuardian(
                Family.Guardianship(ward: "ward-\(overridden)", policy: "terminate"),
                options: WorkflowStartOptions(id: overridden, summary: "Nightly run", details: "Started by **cron**")
            )
            let override = try await environment.inspect(overridden)
            #expect(override["summary"] as? String == "Nightly run")
            #expect(override["details"] as? String == "Started by **cron**")

            // Swift's describe() reads them back, as Python's does (static_summary, static_details).
            let described = try await environment.temporal.describe(WorkflowExecution(workflowID: guardian))
            #expect(described.staticSummary == "Guardian of a ward")
            #expect(described.staticDetails == parent["details"] as? String)
            #expect(described.priority?.fairnessKey == "guardians")
            let describedOverride = try await environment.temporal.describe(WorkflowExecution(workflowID: overridden))
            #expect(describedOverride.staticSummary == "Nightly run")
            #expect(describedOverride.staticDetails == "Started by **cron**")
        }
    }
}
