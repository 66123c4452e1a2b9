import Foundation
import TemporalAPI
import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsWorker
import Testing

/// Eager workflow start on a real dev server: a start with `enableEagerStart` from a client that
/// shares its connection with a `TemporalWorker` of the task queue gets the first workflow task
/// in the start response, and the worker runs it without polling.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct EagerWorkflowStartTests {
    typealias Fixtures = EagerAndVersioningFixtures

    @Test func theFirstWorkflowTaskComesFromTheStartResponse() async throws {
        try await withEagerAndVersioningServer { _, connect in
            let connection = try await connect("eager-worker")
            let worker = try TemporalWorker(connection: connection, workflows: [Fixtures.Echo.registration])
            let workflowWorker = try #require(worker.workflowWorker)
            try await running(worker) {
                // Through the transport, to know the start's request ID.
                let request = StartWorkflowRequest(
                    workflowID: "eager-1",
                    workflowType: Fixtures.echo.name,
                    taskQueue: "eager-echo",
                    input: try await DataConverter.default.encode("hi", with: Fixtures.echo.input),
                    enableEagerStart: true
                )
                let response = try await GRPCTemporalTransport(connection: connection).startWorkflow(request)
                let execution = WorkflowExecution(workflowID: "eager-1", runID: response.runID)
                let client = TemporalClient(connection: connection)
                #expect(try await client.result(of: Fixtures.echo, execution: execution) == "echo: hi")
                #expect(workflowWorker.eagerWorkflowTaskCount == 1)
                let events = try await historyEvents(execution, on: connection)
                let kinds = events.prefix(4).map(\.eventType)
                #expect(kinds == [.workflowExecutionStarted, .workflowTaskScheduled, .workflowTaskStarted, .workflowTaskCompleted])
                // The server started the first task inside the start request: its started event
                // carries the start's request ID, where a polled task carries the poll's.
                let started = try #require(events.first { $0.eventType == .workflowTaskStarted })
                #expect(started.workflowTaskStartedEventAttributes.requestID == request.requestID)
                #expect(started.workflowTaskStartedEventAttributes.identity == "eager-worker")

                // The contract's default through the typed client: eager too.
                let second = try await client.start(Fixtures.echo, input: "again", options: WorkflowStartOptions(id: "eager-1b"))
                #expect(try await client.result(of: Fixtures.echo, execution: second) == "echo: again")
                #expect(workflowWorker.eagerWorkflowTaskCount == 2)
            }
        }
    }

    @Test func aClientOnAnotherConnectionStartsNormally() async throws {
        try await withEagerAndVersioningServer { _, connect in
            let workerConnection = try await connect("polling-worker")
            let clientConnection = try await connect("remote-client")
            let worker = try TemporalWorker(connection: workerConnection, workflows: [Fixtures.Echo.registration])
            let workflowWorker = try #require(worker.workflowWorker)
            try await running(worker) {
                let client = TemporalClient(connection: clientConnection)
                let execution = try await client.start(Fixtures.echo, input: "far", options: WorkflowStartOptions(id: "eager-2"))
                #expect(try await client.result(of: Fixtures.echo, execution: execution) == "echo: far")
                #expect(workflowWorker.eagerWorkflowTaskCount == 0)
                let events = try await historyEvents(execution, on: clientConnection)
                let started = try #require(events.first { $0.eventType == .workflowTaskStarted })
                #expect(started.workflowTaskStartedEventAttributes.identity == "polling-worker")
            }
        }
    }

    @Test func theCallCanTurnTheContractsEagerStartOff() async throws {
        try await withEagerAndVersioningServer { _, connect in
            let connection = try await connect("eager-worker")
            let worker = try TemporalWorker(connection: connection, workflows: [Fixtures.Echo.registration])
            let workflowWorker = try #require(worker.workflowWorker)
            try await running(worker) {
                let client = TemporalClient(connection: connection)
                let options = WorkflowStartOptions(id: "eager-3", enableEagerStart: false)
                let execution = try await client.start(Fixtures.echo, input: "no", options: options)
                #expect(try await client.result(of: Fixtures.echo, execution: execution) == "echo: no")
                #expect(workflowWorker.eagerWorkflowTaskCount == 0)
            }
        }
    }

    @Test func withoutAnyWorkerTheStartStillSucceeds() async throws {
        try await withEagerAndVersioningServer { _, connect in
            let connection = try await connect("lonely-client")
            let client = TemporalClient(connection: connection)
            let execution = try await client.start(Fixtures.echo, input: "later", options: WorkflowStartOptions(id: "eager-4"))
            #expect(!(execution.runID ?? "").isEmpty)
            // A worker that comes later picks the task up from the queue.
            let worker = try TemporalWorker(connection: connection, workflows: [Fixtures.Echo.registration])
            try await running(worker) {
                let result = try await client.result(of: Fixtures.echo, execution: execution)
                #expect(result == "echo: later")
                #expect(worker.workflowWorker?.eagerWorkflowTaskCount == 0)
            }
        }
    }
}
