import Foundation
import TemporalAPI
@_spi(Generated) import TemporalContracts
import TemporalContractsEngine
import TemporalContractsTesting
import Testing

/// Former names (`aliases` in the fixture contract) reach the same workflow, handlers and
/// activities in the test environment and the replayer, as on a worker: senders still using an
/// old name keep working after a rename, while generated code sends the current names.
@Suite("aliases", .timeLimit(.minutes(1)))
struct AliasTests {
    // The definitions an old client or an old workflow version has: the former names only.
    static let oldApproval = WorkflowDefinition<Void, Engine.ApprovalState>(name: "Signoff", input: .void, output: .single())
    static let oldApprove = SignalDefinition<String>(name: "Accept", input: .single())
    static let oldStatus = QueryDefinition<Void, Engine.ApprovalState>(name: "GetStatus", input: .void, output: .single())
    static let oldSetLimit = UpdateDefinition<Int, Int>(name: "ChangeLimit", input: .single(), output: .single())
    static let oldGreet = ActivityDefinition<String, String>(
        name: "SayHello",
        input: .single(),
        output: .single(),
        defaults: ActivityDefaults(startToCloseTimeout: .seconds(10))
    )

    @Test("generated definitions and registrations carry the contract's aliases; the wire name stays the current one")
    func definitionsCarryAliases() {
        #expect(Engine.Workflows.approval.name == "Approval")
        #expect(Engine.Workflows.approval.aliases == ["Signoff"])
        #expect(Engine.Signals.approve.aliases == ["Accept"])
        #expect(Engine.Queries.status.aliases == ["GetStatus"])
        #expect(Engine.Updates.setLimit.aliases == ["ChangeLimit"])
        #expect(Engine.Activities.greet.aliases == ["SayHello"])
        #expect(ApprovalWorkflow.registration.names == ["Approval", "Signoff"])
        let greet = EngineActivities().registrations.first { $0.name == "Greet" }
        #expect(greet?.names == ["Greet", "SayHello"])
    }

    @Test("a run started under the former type name runs, and answers its handlers' former names")
    func formerNamesAreServed() async throws {
        let history = try await EngineFixture.use { fixture in
            let client = fixture.environment.client
            let execution = try await client.start(
                Self.oldApproval,
                input: (),
                options: WorkflowStartOptions(id: "signoff", taskQueue: "engine-tests")
            )
            let previous = try await client.startUpdate(
                Self.oldSetLimit,
                input: 9,
                execution: execution,
                options: UpdateOptions(waitFor: .completed)
            )
            #expect(try await previous.result() == 0)
            try await client.signal(Self.oldApprove, input: "ada", execution: execution)
            // Old and current names reach the same handler and state.
            let state = try await client.query(Self.oldStatus, input: (), execution: execution)
            #expect(state == Engine.ApprovalState(approved: true, notes: ["approved by ada"], limit: 9, timedOut: false))
            #expect(try await client.query(Engine.Queries.status, input: (), execution: execution) == state)
            #expect(try await client.result(of: Self.oldApproval, execution: execution) == state)
            return try await fixture.environment.history(of: execution)
        }
        // The history keeps the names the senders used.
        let started = try #require(history.events.first?.workflowExecutionStartedEventAttributes)
        #expect(started.workflowType.name == "Signoff")
        #expect(history.events.contains { $0.workflowExecutionSignaledEventAttributes.signalName == "Accept" })
        #expect(history.commandEvents.contains("UpdateAccepted ChangeLimit"))

        // The replayer finds the workflow by its former name too; the run's info keeps that name,
        // and the metadata the CLI shows lists the current handler names only.
        let engine = try WorkflowReplayer(workflows: [ApprovalWorkflow.registration]).replay(history)
        defer { engine.tearDown() }
        #expect(engine.info.workflowType == "Signoff")
        let payload = try #require(try engine.query("__temporal_workflow_metadata", input: []).first)
        let metadata = try #require(try JSONSerialization.jsonObject(with: payload.data) as? [String: Any])
        let definition = try #require(metadata["definition"] as? [String: Any])
        func names(_ key: String) -> [String]? { (definition[key] as? [[String: String]])?.compactMap { $0["name"] } }
        #expect(definition["type"] as? String == "Signoff")
        #expect(names("queryDefinitions") == ["MutatingStatus", "Status"])
        #expect(names("signalDefinitions") == ["AddNote", "Approve"])
        #expect(names("updateDefinitions") == ["SetLimit", "SlowNote"])
        // Replayed queries answer under either name.
        let converter = DefaultPayloadConverter()
        let answer = try #require(try engine.query("GetStatus", input: []).first)
        #expect(try converter.fromPayload(answer, as: Engine.ApprovalState.self).limit == 9)
    }

    @Test("an activity scheduled under its former type name runs, remote and local")
    func formerActivityNamesAreServed() async throws {
        let registration = ScriptedWorkflow.registration { _, context in
            let remote = try await context.executeActivity(Self.oldGreet, input: "Ada", options: ActivityOptions())
            let local = try await context.executeLocalActivity(Self.oldGreet, input: "Bo", options: ActivityOptions())
            return "\(remote) \(local)"
        }
        let greeting = try await EngineFixture.use(workflows: [registration]) { fixture in
            try await fixture.environment.client.result(
                of: ScriptedWorkflow.definition,
                execution: try await fixture.environment.client.start(
                    ScriptedWorkflow.definition,
                    input: (),
                    options: WorkflowStartOptions(id: "say-hello", taskQueue: "engine-tests")
                )
            )
        }
        #expect(greeting == "Hello, Ada! Hello, Bo!")
    }

    @Test("a workflow renamed to another's former name wins over that alias, whatever the order")
    func wireNamesWinOverAliases() async throws {
        func registration(_ definition: WorkflowDefinition<Void, String>, answer: String) -> WorkflowRegistration {
            WorkflowRegistration(definition, implementation: ScriptedWorkflow.self, run: { _, _, _ in answer })
        }
        let renamed = registration(
            WorkflowDefinition(name: "Invoice", aliases: ["Bill"], input: .void, output: .single()),
            answer: "invoice"
        )
        let newcomer = registration(WorkflowDefinition(name: "Bill", input: .void, output: .single()), answer: "bill")
        for workflows in [[renamed, newcomer], [newcomer, renamed]] {
            let answers = try await EngineFixture.use(workflows: workflows) { fixture in
                var answers: [String] = []
                for name in ["Bill", "Invoice"] {
                    let definition = WorkflowDefinition<Void, String>(name: name, input: .void, output: .single())
                    let client = fixture.environment.client
                    let execution = try await client.start(
                        definition,
                        input: (),
                        options: WorkflowStartOptions(id: "\(name)-\(answers.count)", taskQueue: "engine-tests")
                    )
                    answers.append(try await client.result(of: definition, execution: execution))
                }
                return answers
            }
            #expect(answers == ["bill", "invoice"])
        }
    }
}
