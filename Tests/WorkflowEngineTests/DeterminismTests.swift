import Foundation
import Logging
import Synchronization
import TemporalAPI
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsTesting
import Testing

/// The engine's promise: the same history gives the same commands, whatever the threads do.
@Suite("Determinism and replay", .timeLimit(.minutes(2)))
struct DeterminismTests {
    /// Starts one execution of a fixture workflow, drives it to its end, returns its history.
    typealias Scenario = @Sendable (EngineFixture) async throws -> Temporal_Api_History_V1_History

    static let scenarios: [(String, Scenario)] = [
        (
            "Pipeline",
            { fixture in
                _ = try await fixture.client.executePipeline(steps: 10, options: WorkflowStartOptions(id: "w"))
                return try await fixture.environment.history(of: WorkflowExecution(workflowID: "w"))
            }
        ),
        (
            "Greeter",
            { fixture in
                _ = try await fixture.client.executeGreeter("Ada", options: WorkflowStartOptions(id: "w"))
                return try await fixture.environment.history(of: WorkflowExecution(workflowID: "w"))
            }
        ),
        (
            "Approval",
            { fixture in
                let handle = try await fixture.client.startApproval(options: WorkflowStartOptions(id: "w"))
                try await handle.addNote("a")
                _ = try await handle.setLimit(4)
                try await handle.approve("b")
                _ = try await handle.result()
                return try await fixture.environment.history(of: handle.execution)
            }
        ),
        (
            "Family",
            { fixture in
                _ = try await fixture.client.executeFamily(childID: "c", externalID: "none", options: WorkflowStartOptions(id: "w"))
                return try await fixture.environment.history(of: WorkflowExecution(workflowID: "w"))
            }
        ),
        (
            "Countdown",
            { fixture in
                let handle = try await fixture.client.startCountdown(remaining: 2, runs: 0, options: WorkflowStartOptions(id: "w"))
                _ = try await handle.result()
                return try await fixture.environment.history(of: handle.execution)
            }
        ),
        (
            "Compensating",
            { fixture in
                let handle = try await fixture.client.startCompensating(options: WorkflowStartOptions(id: "w"))
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...20)))
                try await handle.cancel()
                _ = try? await handle.result()
                return try await fixture.environment.history(of: handle.execution)
            }
        ),
        (
            "Sleeper",
            { fixture in
                _ = try await fixture.client.executeSleeper(days: 30, options: WorkflowStartOptions(id: "w"))
                return try await fixture.environment.history(of: WorkflowExecution(workflowID: "w"))
            }
        ),
    ]

    @Test(
        "50 runs of each fixture workflow under shuffled thread scheduling issue identical commands",
        .serialized,
        arguments: scenarios.map(\.0)
    )
    func identicalCommands(workflow: String) async throws {
        let scenario = try #require(Self.scenarios.first { $0.0 == workflow }?.1)
        let noise = Noise()
        noise.start()
        defer { noise.stop() }
        let sequences = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<50 {
                group.addTask {
                    try await EngineFixture.use(jitter: true) { fixture in try await scenario(fixture).commandEvents }
                }
            }
            return try await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        #expect(sequences.count == 50)
        #expect(!sequences[0].isEmpty)
        #expect(Set(sequences).count == 1, "different command sequences: \(Set(sequences))")
    }

    @Test("every fixture workflow's history replays on the same code", arguments: scenarios.map(\.0))
    func historiesReplay(workflow: String) async throws {
        let scenario = try #require(Self.scenarios.first { $0.0 == workflow }?.1)
        let history = try await EngineFixture.use { fixture in try await scenario(fixture) }
        let engine = try WorkflowReplayer(workflows: EngineFixture.allWorkflows).replay(history)
        #expect(engine.isFinished)
        engine.tearDown()
    }

    @Test("replaying a recorded history reproduces the workflow's state")
    func replayReproducesState() async throws {
        let (history, live) = try await EngineFixture.use { fixture in
            let handle = try await fixture.client.startApproval(options: WorkflowStartOptions(id: "approval"))
            try await handle.addNote("one")
            _ = try await handle.setLimit(9)
            try await handle.addNote("two")
            let status = try await handle.status()
            return (try await fixture.environment.history(of: handle.execution), status)
        }
        let engine = try WorkflowReplayer(workflows: [ApprovalWorkflow.registration]).replay(history)
        defer { engine.tearDown() }
        let replayed = try Engine.Queries.status.output.decode(try engine.query("Status", input: []), using: DefaultPayloadConverter())
        #expect(replayed == live)
        #expect(replayed == Engine.ApprovalState(approved: false, notes: ["one", "two"], limit: 9))
    }

    @Test("a workflow changed incompatibly fails replay with a nondeterminism error naming the event")
    func changedWorkflowFailsReplay() async throws {
        let history = try await EngineFixture.use { fixture in
            _ = try await fixture.client.executePipeline(steps: 2, options: WorkflowStartOptions(id: "pipeline"))
            return try await fixture.environment.history(of: WorkflowExecution(workflowID: "pipeline"))
        }
        let scheduled = try #require(history.events.first { $0.eventType == .activityTaskScheduled })
        #expect(throws: NondeterminismError.self) {
            try WorkflowReplayer(workflows: [ReorderedPipelineWorkflow.registration]).replay(history)
        }
        do {
            try WorkflowReplayer(workflows: [ReorderedPipelineWorkflow.registration]).replay(history)
        } catch let error as NondeterminismError {
            #expect(error.eventID == scheduled.eventID)
            #expect(error.command == "StartTimer 1 (60s)")
            #expect(error.event == "ActivityTaskScheduled event \(scheduled.eventID) 'Step' (activity ID 1)")
            #expect("\(error)".contains("guard the change with `context.patched(_:)`"))
        }
    }

    @Test("__temporal_workflow_metadata names the workflow's handlers, as protobuf JSON the CLI reads")
    func workflowMetadata() async throws {
        let history = try await EngineFixture.use { fixture in
            let handle = try await fixture.client.startApproval(options: WorkflowStartOptions(id: "metadata"))
            try await handle.approve("x")
            _ = try await handle.result()
            return try await fixture.environment.history(of: handle.execution)
        }
        let engine = try WorkflowReplayer(workflows: [ApprovalWorkflow.registration]).replay(history)
        defer { engine.tearDown() }
        let payload = try #require(try engine.query("__temporal_workflow_metadata", input: []).first)
        #expect(payload.metadata["encoding"] == Data("json/protobuf".utf8))
        #expect(payload.metadata["messageType"] == Data("temporal.api.sdk.v1.WorkflowMetadata".utf8))
        let metadata = try #require(try JSONSerialization.jsonObject(with: payload.data) as? [String: Any])
        let definition = try #require(metadata["definition"] as? [String: Any])
        func names(_ key: String) -> [String]? { (definition[key] as? [[String: String]])?.compactMap { $0["name"] } }
        #expect(definition["type"] as? String == "Approval")
        #expect(names("queryDefinitions") == ["MutatingStatus", "Status"])
        #expect(names("signalDefinitions") == ["AddNote", "Approve"])
        #expect(names("updateDefinitions") == ["SetLimit", "SlowNote"])
    }

    @Test("a history written with SDK flags this version does not know is refused, not replayed differently")
    func unknownSDKFlagsAreRefused() async throws {
        var history = try await EngineFixture.use { fixture in
            _ = try await fixture.client.executePipeline(steps: 1, options: WorkflowStartOptions(id: "flags"))
            return try await fixture.environment.history(of: WorkflowExecution(workflowID: "flags"))
        }
        let replayer = WorkflowReplayer(workflows: [PipelineWorkflow.registration])
        let index = try #require(history.events.firstIndex { $0.eventType == .workflowTaskCompleted })
        // Another SDK's flags are its own business.
        history.events[index].workflowTaskCompletedEventAttributes.sdkMetadata.sdkName = "temporal-python"
        history.events[index].workflowTaskCompletedEventAttributes.sdkMetadata.langUsedFlags = [99]
        try replayer.replay(history).tearDown()
        history.events[index].workflowTaskCompletedEventAttributes.sdkMetadata.sdkName = WorkflowEngine.sdkName
        let error = #expect(throws: WorkflowTaskError.self) { try replayer.replay(history) }
        #expect("\(error.map(String.init(describing:)) ?? "")".contains("[99]"))
    }

    @Test("a changed workflow's task fails in the test environment and the execution is untouched")
    func changedWorkflowInEnvironment() async throws {
        let history = try await EngineFixture.use(workflows: [UnpatchedGreeterWorkflow.registration]) { fixture in
            _ = try await fixture.client.executeGreeter("Ada", options: WorkflowStartOptions(id: "old"))
            return try await fixture.environment.history(of: WorkflowExecution(workflowID: "old"))
        }
        // The unpatched history replays on the patched code, which takes the old branch.
        let engine = try WorkflowReplayer(workflows: [GreeterWorkflow.registration]).replay(history)
        engine.tearDown()
        // The patched history does not replay on the unpatched code: the patch marker is unknown to it.
        let patched = try await EngineFixture.use { fixture in
            _ = try await fixture.client.executeGreeter("Ada", options: WorkflowStartOptions(id: "new"))
            return try await fixture.environment.history(of: WorkflowExecution(workflowID: "new"))
        }
        #expect(throws: NondeterminismError.self) {
            try WorkflowReplayer(workflows: [UnpatchedGreeterWorkflow.registration]).replay(patched)
        }
    }

    @Test("the workflow logger writes during the first run and stays silent on replay")
    func replayAwareLogger() async throws {
        let capture = LogCapture()
        let logger = capture.logger(label: "test")
        let environment = WorkflowTestEnvironment(
            workflows: [GreeterWorkflow.registration],
            activities: EngineActivities().registrations,
            logger: logger
        )
        _ = try await Engine.Client(environment.client).executeGreeter("Ada", options: WorkflowStartOptions(id: "logged"))
        let history = try await environment.history(of: WorkflowExecution(workflowID: "logged"))
        await environment.shutdown()
        #expect(capture.lines.filter { $0 == "info: greeting Ada" }.count == 1)
        try WorkflowReplayer(workflows: [GreeterWorkflow.registration], logger: logger).replay(history).tearDown()
        #expect(capture.lines.filter { $0 == "info: greeting Ada" }.count == 1)
    }
}

/// Short bursts of work and sleeps beside the tests, so the threads around the workflows are
/// scheduled differently on every run without starving the other tests of the process.
final class Noise: Sendable {
    private let running = Atomic(false)

    func start() {
        running.store(true, ordering: .relaxed)
        for index in 0..<2 {
            Task.detached(priority: index.isMultiple(of: 2) ? .high : .low) { [self] in
                var value = UInt64(index)
                while running.load(ordering: .relaxed) {
                    for _ in 0..<Int.random(in: 100...2_000) { value = value &* 6_364_136_223_846_793_005 &+ 1 }
                    try? await Task.sleep(for: .microseconds(Int.random(in: 50...500)))
                }
                _ = value
            }
        }
    }

    func stop() {
        running.store(false, ordering: .relaxed)
    }
}
