import Foundation
import GRPCCore
import SwiftProtobuf
import TemporalAPI
import TemporalContractsConversion
import TemporalContracts

extension GRPCTemporalTransport {
    public func updateWorkflow(_ request: UpdateWorkflowRequest) async throws -> UpdateWorkflowResponse {
        let sent = apiUpdateRequest(request)
        // The server answers once its own long-poll limit passes even if the stage is not reached;
        // the request (same update ID, so not applied twice) is sent again until it is.
        while true {
            let response = try await connection.call("UpdateWorkflowExecution", retry: .longPoll) { service, metadata, options in
                try await service.updateWorkflowExecution(sent, metadata: metadata, options: options)
            } mapError: { error in
                mapExecutionError(error, execution: request.execution)
            }
            let update = updateResponse(response.stage, response.hasOutcome ? response.outcome : nil, request: request)
            if update.stage.rawValue >= request.waitFor.rawValue || update.outcome != nil {
                return update
            }
        }
    }

    public func pollWorkflowUpdate(
        _ reference: UpdateReference,
        waitFor: UpdateWaitStage
    ) async throws
        -> UpdateWorkflowResponse
    {
        var message = Temporal_Api_Workflowservice_V1_PollWorkflowExecutionUpdateRequest()
        message.namespace = namespace
        message.updateRef.workflowExecution = reference.execution.apiExecution
        message.updateRef.updateID = reference.updateID
        message.identity = identity
        message.waitPolicy.lifecycleStage = waitFor.apiStage
        while true {
            let sent = message
            let response = try await connection.call("PollWorkflowExecutionUpdate", retry: .longPoll) { service, metadata, options in
                try await service.pollWorkflowExecutionUpdate(sent, metadata: metadata, options: options)
            } mapError: { error in
                mapExecutionError(error, execution: reference.execution)
            }
            let stage = UpdateWaitStage(response.stage) ?? .admitted
            let outcome = response.hasOutcome ? UpdateOutcome(response.outcome) : nil
            if stage.rawValue >= waitFor.rawValue || outcome != nil {
                return UpdateWorkflowResponse(stage: stage, outcome: outcome, reference: reference)
            }
        }
    }

    public func updateWithStartWorkflow(
        _ start: StartWorkflowRequest,
        update: UpdateWorkflowRequest
    ) async throws
        -> (StartWorkflowResponse, UpdateWorkflowResponse)
    {
        var startOperation = Temporal_Api_Workflowservice_V1_ExecuteMultiOperationRequest.Operation()
        startOperation.startWorkflow = apiStartRequest(start)
        var updateOperation = Temporal_Api_Workflowservice_V1_ExecuteMultiOperationRequest.Operation()
        // The server takes the run from the start; the update may name the workflow ID only.
        var updateMessage = apiUpdateRequest(update)
        updateMessage.workflowExecution.runID = ""
        updateOperation.updateWorkflow = updateMessage
        var message = Temporal_Api_Workflowservice_V1_ExecuteMultiOperationRequest()
        message.namespace = namespace
        message.operations = [startOperation, updateOperation]

        let sent = message

        let response = try await connection.call("ExecuteMultiOperation", retry: .longPoll) { service, metadata, options in
            try await service.executeMultiOperation(sent, metadata: metadata, options: options)
        } mapError: { error in
            mapMultiOperationError(error, start: start)
        }
        guard response.responses.count == 2,
            case .startWorkflow(let started) = response.responses[0].response,
            case .updateWorkflow(let updated) = response.responses[1].response
        else {
            throw TemporalRPCError(
                code: .internalError,
                message: "ExecuteMultiOperation answered \(response.responses.count) responses instead of a start and an update",
                method: "ExecuteMultiOperation"
            )
        }
        let execution = WorkflowExecution(workflowID: start.workflowID, runID: started.runID)
        var request = update
        request.execution = execution
        var result = updateResponse(updated.stage, updated.hasOutcome ? updated.outcome : nil, request: request)
        if result.stage.rawValue < update.waitFor.rawValue && result.outcome == nil {
            result = try await pollWorkflowUpdate(result.reference, waitFor: update.waitFor)
        }
        return (StartWorkflowResponse(runID: started.runID, started: started.started), result)
    }

    func apiUpdateRequest(_ request: UpdateWorkflowRequest) -> Temporal_Api_Workflowservice_V1_UpdateWorkflowExecutionRequest {
        var message = Temporal_Api_Workflowservice_V1_UpdateWorkflowExecutionRequest()
        message.namespace = namespace
        message.workflowExecution = request.execution.apiExecution
        message.waitPolicy.lifecycleStage = request.waitFor.apiStage
        message.request.meta.updateID = request.updateID
        message.request.meta.identity = identity
        message.request.input.name = request.updateName
        message.request.input.args = request.input.apiPayloads
        if !request.headers.isEmpty { message.request.input.header = request.headers.apiHeader }
        return message
    }

    private func updateResponse(
        _ stage: Temporal_Api_Enums_V1_UpdateWorkflowExecutionLifecycleStage,
        _ outcome: Temporal_Api_Update_V1_Outcome?,
        request: UpdateWorkflowRequest
    ) -> UpdateWorkflowResponse {
        UpdateWorkflowResponse(
            stage: UpdateWaitStage(stage) ?? .admitted,
            outcome: outcome.flatMap(UpdateOutcome.init),
            reference: UpdateReference(execution: request.execution, updateID: request.updateID)
        )
    }

    /// The start's error when the start failed; otherwise the update's.
    private func mapMultiOperationError(_ error: RPCError, start: StartWorkflowRequest) -> any Error {
        guard let failure = error.temporalDetail(Temporal_Api_Errordetails_V1_MultiOperationExecutionFailure.self) else {
            return mapStartError(error, request: start)
        }
        for status in failure.statuses {
            for detail in status.details where detail.isA(Temporal_Api_Errordetails_V1_WorkflowExecutionAlreadyStartedFailure.self) {
                let started = try? Temporal_Api_Errordetails_V1_WorkflowExecutionAlreadyStartedFailure(unpackingAny: detail)
                return WorkflowAlreadyStartedError(
                    workflowID: start.workflowID,
                    workflowType: start.workflowType,
                    runID: started.flatMap { $0.runID.isEmpty ? nil : $0.runID }
                )
            }
        }
        let messages = failure.statuses.map(\.message).filter { !$0.isEmpty && $0 != "Operation was aborted." }
        return TemporalRPCError(
            code: error.code,
            message: messages.isEmpty ? error.message : messages.joined(separator: "; "),
            method: "ExecuteMultiOperation"
        )
    }
}

extension UpdateWaitStage {
    var apiStage: Temporal_Api_Enums_V1_UpdateWorkflowExecutionLifecycleStage {
        switch self {
        case .admitted: .admitted
        case .accepted: .accepted
        case .completed: .completed
        }
    }

    init?(_ stage: Temporal_Api_Enums_V1_UpdateWorkflowExecutionLifecycleStage) {
        switch stage {
        case .admitted: self = .admitted
        case .accepted: self = .accepted
        case .completed: self = .completed
        default: return nil
        }
    }
}

extension UpdateOutcome {
    init?(_ outcome: Temporal_Api_Update_V1_Outcome) {
        switch outcome.value {
        case .success(let payloads): self = .success([Payload](payloads))
        case .failure(let failure): self = .failure(Failure(failure))
        case nil: return nil
        }
    }
}
