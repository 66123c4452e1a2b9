import TemporalContracts
import Testing

struct MockClientTypedCallsTests {
    private static let workflow = WorkflowDefinition<String, String>(name: "Greet", input: .single(), output: .single())
    private static let rename = SignalDefinition<String>(name: "Rename", input: .single())
    private static let greeting = QueryDefinition<Void, String>(name: "Greeting", input: .void, output: .single())
    private static let shout = UpdateDefinition<Int, String>(name: "Shout", input: .single(), output: .single(), hasValidator: false)

    @Test func callsAreReadBackTypedByTheirDefinitions() async throws {
        let mock = MockWorkflowClient()
        mock.stub(Self.rename) { _, _ in }
        mock.stub(Self.greeting) { _, _ in "hi" }
        mock.stub(Self.shout) { times, _ in String(repeating: "!", count: times) }
        let execution = try await mock.start(Self.workflow, input: "ann", options: WorkflowStartOptions(id: "greet-1"))
        try await mock.signal(Self.rename, input: "bob", execution: execution)
        _ = try await mock.query(Self.greeting, input: (), execution: execution)
        _ = try await mock.startUpdate(Self.shout, input: 3, execution: execution, options: UpdateOptions())

        #expect(mock.starts(of: Self.workflow).map(\.input) == ["ann"])
        #expect(mock.calls(Self.rename).map(\.input) == ["bob"])
        #expect(mock.calls(Self.rename).map(\.workflowID) == ["greet-1"])
        #expect(mock.calls(Self.greeting).count == 1)
        #expect(mock.calls(Self.shout).map(\.input) == [3])
    }
}
