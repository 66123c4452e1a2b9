import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsConversion

/// The client side: what `TemporalClient` (and so the generated clients) call.
extension TestServer: TemporalTransport {
    func startWorkflow(_ request: StartWorkflowRequest) async throws -> StartWorkflowResponse {
        let response = try start(request)
        await pump()
        return response
    }

    private func start(_ request: StartWorkflowRequest, signal: SignalWorkflowRequest? = nil) throws -> StartWorkflowResponse {
        if let existing = latestRuns[request.workflowID] {
            if existing.isOpen {
                switch request.idConflictPolicy ?? .fail {
                case .useExisting:
                    return StartWorkflowResponse(runID: existing.runID, started: false)
                case .terminateExisting:
                    terminate(existing, reason: "terminated by a start with conflict policy terminateExisting")
                default:
                    throw WorkflowAlreadyStartedError(
                        workflowID: request.workflowID,
                        workflowType: request.workflowType,
                        runID: existing.runID
                    )
                }
            } else if request.idReusePolicy == .rejectDuplicate
                || (request.idReusePolicy == .allowDuplicateFailedOnly && existing.status == .completed)
            {
                throw WorkflowAlreadyStartedError(workflowID: request.workflowID, workflowType: request.workflowType, runID: existing.runID)
            }
        }
        let execution = startRun(
            workflowID: request.workflowID,
            workflowType: request.workflowType,
            taskQueue: request.taskQueue,
            input: request.input
        ) { attributes in
            if let timeout = request.executionTimeout { attributes.workflowExecutionTimeout = timeout.protobufDuration }
            if let timeout = request.runTimeout { attributes.workflowRunTimeout = timeout.protobufDuration }
            if let policy = request.retryPolicy { attributes.retryPolicy = policy.apiRetryPolicy }
            for (key, value) in request.memo { attributes.memo.fields[key] = value.apiPayload }
            if !request.searchAttributes.isEmpty { attributes.searchAttributes = request.searchAttributes.apiSearchAttributes }
            if let priority = request.priority { attributes.priority = priority.apiPriority }
            if !request.headers.isEmpty { attributes.header = request.headers.apiHeader }
        }
        if let metadata = request.apiUserMetadata { execution.events[0].userMetadata = metadata }
        if let signal {
            append(execution, .workflowExecutionSignaled) { event in
                event.workflowExecutionSignaledEventAttributes.signalName = signal.signalName
                event.workflowExecutionSignaledEventAttributes.input = signal.input.apiPayloads
                if !signal.headers.isEmpty { event.workflowExecutionSignaledEventAttributes.header = signal.headers.apiHeader }
            }
        }
        scheduleWorkflowTask(execution)
        return StartWorkflowResponse(runID: execution.runID)
    }

    func signalWorkflow(_ request: SignalWorkflowRequest) async throws {
        let execution = try execution(request.execution)
        guard execution.isOpen else { throw WorkflowNotFoundError(execution: request.execution) }
        guard execution.signalRequestIDs.insert(request.requestID).inserted else { return }
        appendOrBuffer(execution, .workflowExecutionSignaled) { event in
            event.workflowExecutionSignaledEventAttributes.signalName = request.signalName
            event.workflowExecutionSignaledEventAttributes.input = request.input.apiPayloads
            event.workflowExecutionSignaledEventAttributes.identity = "swift-test-environment"
            if !request.headers.isEmpty { event.workflowExecutionSignaledEventAttributes.header = request.headers.apiHeader }
        }
        await pump()
    }

    func signalWithStartWorkflow(_ start: StartWorkflowRequest, signal: SignalWorkflowRequest) async throws -> StartWorkflowResponse {
        // As the gRPC transport and the server do: one header, the start's joined with the
        // signal's (the start's winning), on both events.
        let headers = start.headers.merging(signal.headers) { startValue, _ in startValue }
        var start = start
        start.headers = headers
        var signal = signal
        signal.headers = headers
        if let existing = latestRuns[start.workflowID], existing.isOpen {
            signal.execution = WorkflowExecution(workflowID: existing.workflowID, runID: existing.runID)
            try await signalWorkflow(signal)
            return StartWorkflowResponse(runID: existing.runID, started: false)
        }
        let response = try self.start(start, signal: signal)
        await pump()
        return response
    }

    func queryWorkflow(_ request: QueryWorkflowRequest) async throws -> [Payload] {
        let execution = try execution(request.execution)
        await pump()
        switch request.rejectCondition {
        case .notOpen where !execution.isOpen,
            .notCompletedCleanly where execution.status != .running && execution.status != .completed:
            throw QueryRejectedError(queryName: request.queryName, status: execution.status)
        default:
            break
        }
        if let failure = execution.taskFailure {
            throw QueryFailedError(queryName: request.queryName, message: "the workflow's tasks fail: \(failure)")
        }
        guard let engine = execution.engine else {
            throw QueryFailedError(queryName: request.queryName, message: "the workflow has not run yet")
        }
        do {
            return try engine.query(request.queryName, input: request.input, headers: request.headers)
        } catch {
            throw QueryFailedError(queryName: request.queryName, message: "\(error)")
        }
    }

    func updateWorkflow(_ request: UpdateWorkflowRequest) async throws -> UpdateWorkflowResponse {
        let execution = try execution(request.execution)
        let reference = UpdateReference(
            execution: WorkflowExecution(workflowID: execution.workflowID, runID: execution.runID),
            updateID: request.updateID
        )
        if execution.updates[request.updateID] == nil {
            guard execution.isOpen else { throw WorkflowNotFoundError(execution: request.execution) }
            execution.updates[request.updateID] = TestExecution.UpdateState(name: request.updateName)
            var update = Temporal_Api_Update_V1_Request()
            update.meta.updateID = request.updateID
            update.meta.identity = "swift-test-environment"
            update.input.name = request.updateName
            update.input.args = request.input.apiPayloads
            if !request.headers.isEmpty { update.input.header = request.headers.apiHeader }
            execution.pendingUpdates.append(
                WorkflowUpdateRequest(
                    protocolInstanceID: request.updateID,
                    messageID: "\(request.updateID)/request",
                    sequencingEventID: Int64(execution.events.count),
                    request: update
                )
            )
            if !execution.inWorkflowTask { scheduleWorkflowTask(execution, speculative: true) }
        }
        return try await waitForUpdate(reference, of: execution, stage: request.waitFor)
    }

    func pollWorkflowUpdate(_ reference: UpdateReference, waitFor: UpdateWaitStage) async throws -> UpdateWorkflowResponse {
        let execution = try execution(reference.execution)
        guard execution.updates[reference.updateID] != nil else {
            throw WorkflowNotFoundError(execution: reference.execution)
        }
        return try await waitForUpdate(reference, of: execution, stage: waitFor)
    }

    private func waitForUpdate(
        _ reference: UpdateReference,
        of execution: TestExecution,
        stage: UpdateWaitStage
    ) async throws -> UpdateWorkflowResponse {
        guard let update = execution.updates[reference.updateID] else { throw WorkflowNotFoundError(execution: reference.execution) }
        await waitUntil {
            update.outcome != nil || execution.taskFailure != nil || (stage != .completed && update.accepted)
        } register: {
            update.waiters.append($0)
        }
        if let failure = execution.taskFailure, update.outcome == nil {
            throw WorkflowTaskFailureError(execution: reference.execution, cause: failure)
        }
        return UpdateWorkflowResponse(stage: update.outcome == nil ? .accepted : .completed, outcome: update.outcome, reference: reference)
    }

    func updateWithStartWorkflow(
        _ start: StartWorkflowRequest,
        update: UpdateWorkflowRequest
    ) async throws
        -> (StartWorkflowResponse, UpdateWorkflowResponse)
    {
        var start = start
        start.idConflictPolicy = start.idConflictPolicy ?? .useExisting
        let response = try self.start(start)
        var update = update
        update.execution = WorkflowExecution(workflowID: start.workflowID, runID: response.runID)
        return (response, try await updateWorkflow(update))
    }

    func awaitWorkflowOutcome(_ execution: WorkflowExecution) async throws -> WorkflowOutcome {
        var run = try self.execution(execution)
        while true {
            let current = run
            await waitUntil {
                !current.isOpen || current.taskFailure != nil
            } register: {
                current.outcomeWaiters.append($0)
            }
            if let failure = current.taskFailure, current.isOpen {
                throw WorkflowTaskFailureError(
                    execution: WorkflowExecution(workflowID: current.workflowID, runID: current.runID),
                    cause: failure
                )
            }
            guard let next = current.continuedRunID.flatMap({ runs[$0] }) else { break }
            run = next
        }
        return run.outcome ?? .timedOut
    }

    func requestCancelWorkflow(_ execution: WorkflowExecution, reason: String, requestID: String) async throws {
        let run = try self.execution(execution)
        guard run.isOpen else { throw WorkflowNotFoundError(execution: execution) }
        requestCancellation(of: run, reason: reason)
        await pump()
    }

    func terminateWorkflow(_ execution: WorkflowExecution, reason: String) async throws {
        let run = try self.execution(execution)
        guard run.isOpen else { throw WorkflowNotFoundError(execution: execution) }
        terminate(run, reason: reason)
        await pump()
    }

    private func terminate(_ execution: TestExecution, reason: String) {
        append(execution, .workflowExecutionTerminated) { event in
            event.workflowExecutionTerminatedEventAttributes.reason = reason
            event.workflowExecutionTerminatedEventAttributes.identity = "swift-test-environment"
        }
        close(execution, .terminated(reason: reason), status: .terminated)
    }

    func describeWorkflow(_ execution: WorkflowExecution) async throws -> WorkflowExecutionDescription {
        description(of: try self.execution(execution))
    }

    private func description(of execution: TestExecution) -> WorkflowExecutionDescription {
        WorkflowExecutionDescription(
            execution: WorkflowExecution(workflowID: execution.workflowID, runID: execution.runID),
            workflowType: execution.workflowType,
            taskQueue: execution.taskQueue,
            status: execution.status,
            startTime: execution.events.first?.eventTime.date,
            closeTime: execution.closeTime,
            historyLength: Int64(execution.events.count),
            memo: execution.memoPayloads,
            searchAttributes: execution.searchAttributePayloads,
            staticSummaryPayload: execution.staticMetadata.summary,
            staticDetailsPayload: execution.staticMetadata.details,
            priority: execution.startPriority
        )
    }

    func listWorkflows(query: String, pageSize: Int, nextPageToken: Data?) async throws -> WorkflowExecutionPage {
        let filter = try VisibilityQuery(query)
        return WorkflowExecutionPage(executions: executions.reversed().map(description(of:)).filter(filter.matches), nextPageToken: nil)
    }

    func completeActivity(taskToken: Data, result: [Payload]) async throws {
        try await finishAsynchronousActivity(taskToken, .completed(result))
    }

    func failActivity(taskToken: Data, failure: Failure, lastHeartbeatDetails: [Payload]) async throws {
        try await finishAsynchronousActivity(taskToken, .failed(failure, .nonRetryableFailure))
    }

    func reportActivityCanceled(taskToken: Data, details: [Payload]) async throws {
        try await finishAsynchronousActivity(taskToken, .canceled(details))
    }

    func heartbeatActivity(taskToken: Data, details: [Payload]) async throws -> Bool {
        let token = try ActivityTaskToken(taskToken)
        guard let attempt = runs[token.runID]?.activities[token.scheduledEventID] else { throw ActivityNotFoundError() }
        return attempt.cancellation.isSet
    }

    private func finishAsynchronousActivity(_ taskToken: Data, _ outcome: ActivityOutcome) async throws {
        let token = try ActivityTaskToken(taskToken)
        guard let execution = runs[token.runID], execution.activities.removeValue(forKey: token.scheduledEventID) != nil else {
            throw ActivityNotFoundError()
        }
        record(outcome, scheduledEventID: token.scheduledEventID, of: execution)
        await pump()
    }
}

/// The workflow's tasks fail (nondeterminism, an undecodable input, a bug in the workflow code),
/// so the workflow cannot make progress; a real server would retry the task until the code
/// is fixed.
public struct WorkflowTaskFailureError: Error, CustomStringConvertible, Sendable {
    public let execution: WorkflowExecution
    public let cause: any Error

    public var description: String {
        "the workflow task of workflow \(execution.workflowID) failed: \(cause)"
    }
}
