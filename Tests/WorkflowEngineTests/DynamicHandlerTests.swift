import Foundation
import TemporalAPI
@_spi(Generated) import TemporalContracts
import TemporalContractsEngine
import TemporalContractsTesting
import Testing

/// Dynamic handlers: fallbacks that serve workflow, activity, signal, query and update names no
/// registration declares, and never the names a registration does.
@Suite("dynamic handlers", .timeLimit(.minutes(1)))
struct DynamicHandlerTests {
    static let unregistered = WorkflowDefinition<String, String>(name: "NobodyRegisteredMe", input: .single(), output: .single())
    static let unknownSignal = SignalDefinition<String>(name: "Whatever", input: .single())
    static let unknownQuery = QueryDefinition<Void, String>(name: "HowMany", input: .void, output: .single())
    static let unknownUpdate = UpdateDefinition<Bool, String>(name: "Wrap", input: .single(), output: .single())
    static let unknownActivity = ActivityDefinition<String, String>(
        name: "NoSuchActivity",
        input: .single(),
        output: .single(),
        defaults: ActivityDefaults(startToCloseTimeout: .seconds(10))
    )

    static let dynamicActivity = ActivityRegistration.dynamic { input, _ in
        "\(input.name) got \(try input.decode(as: String.self)) in \(input.count) argument(s)"
    }

    @Test("a run of an unregistered type is served by the dynamic workflow, with unknown signals, queries and updates")
    func dynamicWorkflowServesUnknownNames() async throws {
        let history = try await EngineFixture.use(workflows: EngineFixture.allWorkflows + [DynamicFallbackWorkflow.registration]) {
            fixture in
            let client = fixture.environment.client
            let execution = try await client.start(
                Self.unregistered,
                input: "hi",
                options: WorkflowStartOptions(id: "dynamic", taskQueue: "engine-tests")
            )
            try await client.signal(Self.unknownSignal, input: "one", execution: execution)
            try await client.signal(Self.unknownSignal, input: "two", execution: execution)
            #expect(try await client.query(Self.unknownQuery, input: (), execution: execution) == "HowMany: 2")
            let update = try await client.startUpdate(
                Self.unknownUpdate,
                input: true,
                execution: execution,
                options: UpdateOptions(waitFor: .completed)
            )
            #expect(try await update.result() == "Wrap after 2")
            #expect(
                try await client.result(of: Self.unregistered, execution: execution) == "NobodyRegisteredMe(hi): Whatever=one, Whatever=two"
            )
            return try await fixture.environment.history(of: execution)
        }
        // The replayer serves the type with the dynamic workflow too, and replays it as it ran.
        let engine = try WorkflowReplayer(workflows: [DynamicFallbackWorkflow.registration]).replay(history)
        defer { engine.tearDown() }
        let answer = try #require(try engine.query("AnyName", input: []).first)
        #expect(try DefaultPayloadConverter().fromPayload(answer, as: String.self) == "AnyName: 2")
    }

    @Test("a registered workflow type wins over the dynamic workflow")
    func registeredWorkflowWins() async throws {
        let registered = ScriptedWorkflow.registration { _, _ in "registered" }
        for workflows in [[registered, DynamicFallbackWorkflow.registration], [DynamicFallbackWorkflow.registration, registered]] {
            let answer = try await EngineFixture.use(workflows: workflows) { fixture in
                let client = fixture.environment.client
                return try await client.result(
                    of: ScriptedWorkflow.definition,
                    execution: try await client.start(
                        ScriptedWorkflow.definition,
                        input: (),
                        options: WorkflowStartOptions(id: "registered", taskQueue: "engine-tests")
                    )
                )
            }
            #expect(answer == "registered")
        }
    }

    @Test("the dynamic activity runs unregistered activity types, remote and local; registered ones win")
    func dynamicActivityServesUnknownNames() async throws {
        let workflow = ScriptedWorkflow.registration { _, context in
            let remote = try await context.executeActivity(Self.unknownActivity, input: "Ada", options: ActivityOptions())
            let local = try await context.executeLocalActivity(Self.unknownActivity, input: "Bo", options: ActivityOptions())
            let registered = try await context.executeActivity(Engine.Activities.greet, input: "Cy", options: ActivityOptions())
            return "\(remote) | \(local) | \(registered)"
        }
        let environment = WorkflowTestEnvironment(
            workflows: [workflow],
            activities: [Self.dynamicActivity] + EngineActivities().registrations
        )
        do {
            let client = environment.client
            let answer = try await client.result(
                of: ScriptedWorkflow.definition,
                execution: try await client.start(
                    ScriptedWorkflow.definition,
                    input: (),
                    options: WorkflowStartOptions(id: "dynamic-activity", taskQueue: "engine-tests")
                )
            )
            #expect(answer == "NoSuchActivity got Ada in 1 argument(s) | NoSuchActivity got Bo in 1 argument(s) | Hello, Cy!")
            await environment.shutdown()
        } catch {
            await environment.shutdown()
            throw error
        }
    }

    @Test("dynamic values decode by position and report a missing argument")
    func dynamicValuesDecode() throws {
        let converter = DefaultPayloadConverter()
        let values = DynamicValues(name: "x", payloads: [try converter.toPayload("a"), try converter.toPayload(2)], converter: converter)
        #expect(try values.decode(as: String.self) == "a")
        #expect(try values.decode(at: 1, as: Int.self) == 2)
        #expect(throws: DynamicValuesError.self) { try values.decode(at: 2, as: Int.self) }
    }
}
