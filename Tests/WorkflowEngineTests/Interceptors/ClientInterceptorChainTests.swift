import Foundation
import TemporalAPI
import TemporalContracts
import TemporalContractsTesting
import Testing

/// The client's interceptor chain, in-process: every call of `TemporalClient` runs through it,
/// first interceptor outermost, and what an interceptor changes is what the server receives.
@Suite("Client interceptor chain", .timeLimit(.minutes(1)))
struct ClientInterceptorChainTests {
    private static func environment(_ interceptors: [any ClientInterceptor]) -> WorkflowTestEnvironment {
        WorkflowTestEnvironment(
            workflows: [ApprovalWorkflow.registration],
            startTime: Date(timeIntervalSince1970: 1_800_000_000),
            clientInterceptors: interceptors
        )
    }

    private static func tenant(_ header: Temporal_Api_Common_V1_Header) -> String {
        CallLog.text(header.fields["tenant"].map { Payload(metadata: $0.metadata, data: $0.data) })
    }

    private static func options(_ id: String) -> WorkflowStartOptions {
        WorkflowStartOptions(id: id, taskQueue: "engine-tests")
    }

    @Test("every client call passes both interceptors, the first outermost")
    func everyCallRunsThroughTheChain() async throws {
        let log = CallLog()
        let environment = Self.environment([ClientCallRecorder("A", log: log), ClientCallRecorder("B", log: log)])
        let client = environment.client
        let approval = Engine.Workflows.approval

        let execution = try await client.start(approval, input: (), options: Self.options("chain"))
        try await client.signal(Engine.Signals.addNote, input: "first", execution: execution)
        _ = try await client.query(Engine.Queries.status, input: (), execution: execution)
        let limit = try await client.startUpdate(
            Engine.Updates.setLimit,
            input: 3,
            execution: execution,
            options: UpdateOptions(waitFor: .completed)
        )
        #expect(try await limit.result() == 0)
        _ = try await client.describe(execution)
        _ = try await client.listWorkflows()
        _ = try await client.signalWithStart(
            approval,
            input: (),
            signal: Engine.Signals.approve,
            signalInput: "ada",
            options: Self.options("chain")
        )
        #expect(try await client.result(of: approval, execution: execution).approved)
        let (second, update) = try await client.updateWithStart(
            approval,
            input: (),
            update: Engine.Updates.setLimit,
            updateInput: 5,
            options: Self.options("chain-2"),
            updateOptions: UpdateOptions(waitFor: .completed)
        )
        #expect(try await update.result() == 0)
        try await client.cancel(second, reason: "test")
        let third = try await client.start(approval, input: (), options: Self.options("chain-3"))
        try await client.terminate(third, reason: "test")
        await environment.shutdown()

        let calls = [
            "start", "signal", "query", "update", "describe", "list", "signalWithStart", "result", "updateWithStart", "cancel",
            "start", "terminate",
        ]
        #expect(log.all == calls.flatMap { ["A>\($0)", "B>\($0)", "B<\($0)", "A<\($0)"] })
    }

    @Test("headers an interceptor sets reach the next interceptor and the history")
    func headersReachTheServer() async throws {
        let log = CallLog()
        let environment = Self.environment([
            ClientCallRecorder("outer", log: log, tenant: "acme"), ClientCallRecorder("inner", log: log),
        ])
        let client = environment.client
        let execution = try await client.start(Engine.Workflows.approval, input: (), options: Self.options("headers"))
        try await client.signal(Engine.Signals.approve, input: "ada", execution: execution)
        _ = try await client.result(of: Engine.Workflows.approval, execution: execution)
        let history = try await environment.history(of: execution)
        // Signal-with-start has one header on the wire: the signal's reaches the started event too.
        let both = try await client.signalWithStart(
            Engine.Workflows.approval,
            input: (),
            signal: Engine.Signals.approve,
            signalInput: "bo",
            options: Self.options("headers-sws")
        )
        let bothHistory = try await environment.history(of: both)
        await environment.shutdown()

        #expect(log.all.contains("inner saw acme on start"))
        #expect(log.all.contains("inner saw acme on signal"))
        let started = try #require(history.events.first?.workflowExecutionStartedEventAttributes)
        #expect(Self.tenant(started.header) == "acme")
        let signaled = try #require(history.events.first { $0.eventType == .workflowExecutionSignaled })
        #expect(Self.tenant(signaled.workflowExecutionSignaledEventAttributes.header) == "acme")
        #expect(log.all.contains("inner saw acme on signalWithStart"))
        let bothStarted = try #require(bothHistory.events.first?.workflowExecutionStartedEventAttributes)
        #expect(Self.tenant(bothStarted.header) == "acme")
        let bothSignaled = try #require(bothHistory.events.first { $0.eventType == .workflowExecutionSignaled })
        #expect(Self.tenant(bothSignaled.workflowExecutionSignaledEventAttributes.header) == "acme")
    }

    @Test("an interceptor that throws stops the call before the server")
    func aThrowingInterceptorStopsTheCall() async throws {
        let log = CallLog()
        let environment = Self.environment([
            ClientCallRecorder("guard", log: log, refusing: ["terminate"]), ClientCallRecorder("inner", log: log),
        ])
        let client = environment.client
        let execution = try await client.start(Engine.Workflows.approval, input: (), options: Self.options("refused"))
        await #expect(throws: ClientCallRecorder.Refused.self) { try await client.terminate(execution, reason: "no") }
        let status = try await client.describe(execution).status
        await environment.shutdown()

        #expect(status == .running)
        #expect(!log.all.contains("inner>terminate"))
    }
}
