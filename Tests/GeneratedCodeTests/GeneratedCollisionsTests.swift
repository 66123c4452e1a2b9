import Foundation
import TemporalContracts
import Testing

/// The collisions fixture names its types, fields, enum values, workflows, handlers and activities
/// like the runtime's types, the generator's own declarations and Swift's names. That its golden
/// code compiles in this target is most of the test; these check it also works.
struct GeneratedCollisionsTests {
    static let payload = Collisions.Payload(
        self_: "me",
        default: true,
        description: Collisions.String(value: "a string"),
        hashValue_: 7,
        init_: Collisions.Data(bytes: Data([1, 2, 3])),
        type: UUID(uuidString: "0F8FAD5B-D9CB-469F-A165-70867728950E")!,
        protocol: Date(timeIntervalSince1970: 1_790_000_000),
        encoder: [UUID(uuidString: "7C9E6679-7425-40DE-944B-E07FC1F90AE7")!],
        container: [:],
        decoder: Collisions.Optional(wrapped: "w"),
        result: .self_,
        error: .type
    )

    @Test func aPayloadOfCollidingNamesRoundTripsWithItsWireNames() throws {
        let converter = DefaultPayloadConverter()
        let payload = try converter.toPayload(Self.payload)
        let json = try #require(try JSONSerialization.jsonObject(with: payload.data) as? [String: Any])
        #expect(json["self"] as? String == "me")
        #expect(json["hashValue"] as? Int == 7)
        #expect(json["Type"] as? String == "0f8fad5b-d9cb-469f-a165-70867728950e")
        #expect(json["encoder"] as? [String] == ["7c9e6679-7425-40de-944b-e07fc1f90ae7"])
        #expect((json["init"] as? [String: Any])?["bytes"] as? String == "AQID")
        #expect(json["result"] as? String == "self")
        #expect(json["error"] as? Int == 3)
        #expect(json["optional"] is NSNull)
        #expect(try converter.fromPayload(payload, as: Collisions.Payload.self) == Self.payload)
    }

    @Test func aWorkflowNamedClientThroughTheMockClient() async throws {
        let client = Collisions.MockClient()
        client.stubClient { payload in payload.result }
        #expect(try await client.executeClient(Self.payload) == .self_)
        #expect(client.mock.calls.first?.description == "start 'Client' on workflow 'client-me'")

        // Handlers named like the handle's own members take their kind as a suffix.
        client.mock.stub(Collisions.Queries.result) { _, _ in .default }
        let handle = client.client(workflowID: "client-me")
        #expect(try await handle.resultQuery() == .default)
        try await handle.cancelSignal(Collisions.Client_(name: "Ada"))
        #expect(client.mock.calls(.signal, "cancel").count == 1)
    }

    @Test func parametersNamedLikeTheGeneratedOnesKeepTheirLabels() async throws {
        let client = Collisions.MockClient()
        _ = try await client.startResult(
            options: Collisions.RetryPolicy(attempts: 1),
            context: "context",
            signal: .self_,
            update: .none,
            updateOptions: 2,
            body: Collisions.Data(bytes: Data()),
            workflowID: "wf",
            runID: "run",
            execution: Collisions.WorkflowExecution(workflowID: "other"),
            handle: "handle",
            backend: "backend",
            mock: "mock",
            client: Collisions.Client_(name: "Ada"),
            recorder: "recorder",
            input: Self.payload,
            self_: "me",
            default: false
        )
        let call = try #require(client.mock.calls(.start, "Result").first)
        // The ID template's `{workflowID}` and `${! context.slug() }/${! handle.or(uuid_v4()) }` read the parameters.
        #expect(call.description == "start 'Result' on workflow 'result-wf/context/handle'")
        #expect(call.input(as: Collisions.ResultArguments.self)?.execution.workflowID == "other")
    }

    @Test func activitiesNamedLikeTheGeneratedMembers() async throws {
        let activities = Collisions.MockActivities()
        activities.stubContext { _, _ in }
        activities.stubRecorder { _, _ in .allCases_ }
        let context = MockActivityContext()
        try await activities.context(Self.payload, context: context)
        #expect(try await activities.recorder(context: context) == .allCases_)
        #expect(activities.contextCalls == [Self.payload])
        let names = Set(activities.registrations.map(\.name))
        #expect(names.isSuperset(of: ["Client", "context", "recorder", "registrations", "self", "init", "default", "Type"]))
    }
}
