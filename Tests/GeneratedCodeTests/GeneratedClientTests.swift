import Foundation
import Synchronization
import TemporalContracts
import Testing

/// The generated client over `TemporalClient`: what reaches the transport. The transport here
/// records requests and answers from a script; the gRPC transport to a real server has its own
/// tests against `temporal server start-dev`.
struct GeneratedClientTests {
    final class ScriptedTransport: TemporalTransport {
        struct State {
            var starts: [StartWorkflowRequest] = []
            var signals: [SignalWorkflowRequest] = []
            var updates: [UpdateWorkflowRequest] = []
            var polls = 0
            var outcome: WorkflowOutcome = .completed([])
        }

        let state = Mutex(State())

        func startWorkflow(_ request: StartWorkflowRequest) async throws -> StartWorkflowResponse {
            state.withLock { $0.starts.append(request) }
            return StartWorkflowResponse(runID: "run-1")
        }

        func signalWorkflow(_ request: SignalWorkflowRequest) async throws {
            state.withLock { $0.signals.append(request) }
        }

        func signalWithStartWorkflow(
            _ start: StartWorkflowRequest,
            signal: SignalWorkflowRequest
        ) async throws
            -> StartWorkflowResponse
        {
            state.withLock {
                $0.starts.append(start)
                $0.signals.append(signal)
            }
            return StartWorkflowResponse(runID: "run-2")
        }

        func queryWorkflow(_ request: QueryWorkflowRequest) async throws -> [Payload] {
            throw QueryFailedError(queryName: request.queryName, message: "boom")
        }

        func updateWorkflow(_ request: UpdateWorkflowRequest) async throws -> UpdateWorkflowResponse {
            state.withLock { $0.updates.append(request) }
            // Accepted but not finished: the handle must poll for the outcome.
            return UpdateWorkflowResponse(
                stage: .accepted,
                outcome: nil,
                reference: UpdateReference(execution: request.execution, updateID: request.updateID)
            )
        }

        func pollWorkflowUpdate(_ reference: UpdateReference, waitFor: UpdateWaitStage) async throws -> UpdateWorkflowResponse {
            let polls = state.withLock { state in
                state.polls += 1
                return state.polls
            }
            let failure = Failure(
                message: "item rejected",
                info: .application(type: "InvalidItem", nonRetryable: true, details: [], nextRetryDelay: nil)
            )
            return UpdateWorkflowResponse(
                stage: polls < 2 ? .accepted : .completed,
                outcome: polls < 2 ? nil : .failure(failure),
                reference: reference
            )
        }

        func updateWithStartWorkflow(
            _ start: StartWorkflowRequest,
            update: UpdateWorkflowRequest
        ) async throws
            -> (StartWorkflowResponse, UpdateWorkflowResponse)
        {
            state.withLock { $0.starts.append(start) }
            let order = try DefaultPayloadConverter().toPayload(GeneratedMocksTests.order)
            return (
                StartWorkflowResponse(runID: "run-3"),
                UpdateWorkflowResponse(
                    stage: .completed,
                    outcome: .success([order]),
                    reference: UpdateReference(execution: update.execution, updateID: update.updateID)
                )
            )
        }

        func awaitWorkflowOutcome(_ execution: WorkflowExecution) async throws -> WorkflowOutcome {
            state.withLock { $0.outcome }
        }

        func requestCancelWorkflow(_ execution: WorkflowExecution, reason: String, requestID: String) async throws {}
        func terminateWorkflow(_ execution: WorkflowExecution, reason: String) async throws {}
        func describeWorkflow(_ execution: WorkflowExecution) async throws -> WorkflowExecutionDescription {
            WorkflowExecutionDescription(execution: execution, workflowType: "ProcessOrder", taskQueue: "orders", status: .running)
        }

        func listWorkflows(query: String, pageSize: Int, nextPageToken: Data?) async throws -> WorkflowExecutionPage {
            WorkflowExecutionPage(executions: [], nextPageToken: nil)
        }

        func completeActivity(taskToken: Data, result: [Payload]) async throws {}
        func failActivity(taskToken: Data, failure: Failure, lastHeartbeatDetails: [Payload]) async throws {}
        func reportActivityCanceled(taskToken: Data, details: [Payload]) async throws {}
        func heartbeatActivity(taskToken: Data, details: [Payload]) async throws -> Bool { false }
    }

    @Test func contractDefaultsIDTemplateAndOverrides() async throws {
        let transport = ScriptedTransport()
        let client = Orders.Client(TemporalClient(transport: transport))
        let handle = try await client.startProcessOrder(GeneratedMocksTests.order)
        #expect(handle.execution == WorkflowExecution(workflowID: "order-o-42", runID: "run-1"))
        _ = try await client.startProcessOrder(
            GeneratedMocksTests.order,
            options: WorkflowStartOptions(id: "custom", taskQueue: "priority", retryPolicy: RetryPolicy(maximumAttempts: 9))
        )
        let starts = transport.state.withLock { $0.starts }
        #expect(starts[0].workflowType == "ProcessOrder")
        #expect(starts[0].taskQueue == "orders")
        #expect(starts[0].executionTimeout == .seconds(86_400))
        #expect(starts[0].retryPolicy?.maximumAttempts == 3)
        #expect(starts[0].idReusePolicy == .rejectDuplicate)
        #expect(starts[0].input.count == 1)
        #expect(starts[1].workflowID == "custom")
        #expect(starts[1].taskQueue == "priority")
        #expect(starts[1].retryPolicy?.maximumAttempts == 9)
        #expect(starts[1].executionTimeout == .seconds(86_400))
        #expect(starts[0].requestID != starts[1].requestID)
    }

    @Test func multiArgumentWorkflowsSendOnePayloadPerArgument() async throws {
        let transport = ScriptedTransport()
        let client = Orders.Client(TemporalClient(transport: transport))
        let address = Common.Address(line1: "1 Main St", city: "Springfield", country: "US")
        let handle = try await client.startShipOrder(orderID: "o-9", address: address, express: false)
        #expect(handle.workflowID == "ship-o-9")
        let start = try #require(transport.state.withLock { $0.starts.first })
        #expect(start.input.count == 3)
        #expect(start.taskQueue == "shipping")
        #expect(String(decoding: start.input[2].data, as: UTF8.self) == "false")
    }

    @Test func signalWithStartSendsBoth() async throws {
        let transport = ScriptedTransport()
        let client = Orders.Client(TemporalClient(transport: transport))
        let handle = try await client.startProcessOrder(GeneratedMocksTests.order, withCancelOrder: Orders.CancelRequest(reason: "r"))
        #expect(handle.execution.runID == "run-2")
        let signal = try #require(transport.state.withLock { $0.signals.first })
        #expect(signal.signalName == "CancelOrder")
        #expect(signal.execution.workflowID == "order-o-42")
        let start = try #require(transport.state.withLock { $0.starts.first })
        #expect(start.idConflictPolicy == nil, "the contract's `fail` policy does not apply to signal-with-start")
        #expect(start.idReusePolicy == .rejectDuplicate)
    }

    @Test func updatesArePolledUntilTheyCompleteAndFailuresAreTyped() async throws {
        let transport = ScriptedTransport()
        let handle = Orders.Client(TemporalClient(transport: transport)).processOrder(workflowID: "order-o-42")
        let error = await #expect(throws: WorkflowUpdateFailedError.self) {
            try await handle.addItem(Orders.LineItem(sku: "a", quantity: 0, unitPrice: 0))
        }
        #expect(transport.state.withLock { $0.polls } == 2)
        let cause = try #require(error?.cause as? ApplicationError)
        #expect(cause.type == "InvalidItem")
        #expect(cause.isNonRetryable)
        #expect(transport.state.withLock { $0.updates.first?.waitFor } == .completed)
    }

    @Test func theAwaitingUpdateMethodSendsTheUpdateIDItIsGiven() async throws {
        let transport = ScriptedTransport()
        // Through the connection initializer: the scripted transport stands in for a connection.
        let handle = Orders.Client(connection: ScriptedConnection(transport: transport)).processOrder(workflowID: "order-o-42")
        _ = try? await handle.addItem(Orders.LineItem(sku: "a", quantity: 1, unitPrice: 0), updateID: "add-a-once")
        _ = try? await handle.addItem(Orders.LineItem(sku: "b", quantity: 1, unitPrice: 0))
        let ids = transport.state.withLock { $0.updates.map(\.updateID) }
        #expect(ids.first == "add-a-once")
        #expect(ids.count == 2 && ids[1] != "add-a-once" && !ids[1].isEmpty)
    }

    /// A `TemporalClientConnection` over a scripted transport.
    struct ScriptedConnection: TemporalClientConnection {
        let transport: ScriptedTransport
        var clientTransport: any TemporalTransport { transport }
    }

    @Test func waitingForTheAdmittedStageIsRefusedBeforeSending() async throws {
        let transport = ScriptedTransport()
        let handle = Orders.Client(TemporalClient(transport: transport)).processOrder(workflowID: "order-o-42")
        await #expect(throws: UnsupportedOptionError.self) {
            try await handle.startAddItem(Orders.LineItem(sku: "a", quantity: 1, unitPrice: 1), options: UpdateOptions(waitFor: .admitted))
        }
        #expect(transport.state.withLock { $0.updates.isEmpty })
    }

    @Test func updateWithStartReturnsTheUpdateResult() async throws {
        let transport = ScriptedTransport()
        let (handle, update) = try await Orders.Client(TemporalClient(transport: transport))
            .startProcessOrder(GeneratedMocksTests.order, withAddItem: Orders.LineItem(sku: "a", quantity: 1, unitPrice: 1))
        #expect(handle.execution.runID == "run-3")
        #expect(try await update.result() == GeneratedMocksTests.order)
        // Update-with-start needs a conflict policy; the contract's `fail` is kept.
        #expect(transport.state.withLock { $0.starts.first?.idConflictPolicy } == .fail)
    }

    @Test func failedWorkflowsSurfaceTheirCauseChain() async throws {
        let transport = ScriptedTransport()
        let converter = DefaultPayloadConverter()
        let failure = Failure(
            message: "activity failed",
            info: .activity(
                activityType: "ChargeCard",
                activityID: "1",
                scheduledEventID: 5,
                startedEventID: 6,
                identity: "w",
                retryState: .maximumAttemptsReached
            ),
            cause: Failure(
                message: "card declined",
                stackTrace: "at charge()",
                info: .application(
                    type: "CardDeclined",
                    nonRetryable: true,
                    details: [try converter.toPayload("4242")],
                    nextRetryDelay: nil
                )
            )
        )
        transport.state.withLock { $0.outcome = .failed(failure) }
        let handle = Orders.Client(TemporalClient(transport: transport)).processOrder(workflowID: "order-o-42")
        let error = await #expect(throws: WorkflowFailedError.self) { try await handle.result() }
        let activity = try #require(error?.cause as? ActivityError)
        #expect(activity.activityType == "ChargeCard")
        #expect(activity.retryState == .maximumAttemptsReached)
        let application = try #require(activity.cause as? ApplicationError)
        #expect(application.type == "CardDeclined")
        #expect(application.stackTrace == "at charge()")
        #expect(try application.detail(as: String.self) == "4242")
        // And back: the typed chain converts to the same failure.
        #expect(DefaultFailureConverter().failure(from: activity) == failure)
    }

    @Test func queryFailuresAreTyped() async throws {
        let handle = Orders.Client(TemporalClient(transport: ScriptedTransport())).processOrder(workflowID: "x")
        let error = await #expect(throws: QueryFailedError.self) { try await handle.getStatus() }
        #expect(error?.queryName == "GetStatus")
    }
}
