import Foundation
import GRPCCore
import TemporalAPI
import TemporalContractsConversion
import TemporalContracts

extension GRPCTemporalTransport {
    /// Long-polls the history for the close event. A run that continued as new, or was retried
    /// or restarted by cron, is followed to the run that really ends, as the other SDKs do.
    public func awaitWorkflowOutcome(_ execution: WorkflowExecution) async throws -> WorkflowOutcome {
        var current = execution
        var message = Temporal_Api_Workflowservice_V1_GetWorkflowExecutionHistoryRequest()
        message.namespace = namespace
        message.execution = current.apiExecution
        message.waitNewEvent = true
        message.historyEventFilterType = .closeEvent
        message.skipArchival = true
        while true {
            try Task.checkCancellation()
            let request = message
            let response = try await connection.call("GetWorkflowExecutionHistory", retry: .longPoll) { service, metadata, options in
                try await service.getWorkflowExecutionHistory(request, metadata: metadata, options: options)
            } mapError: { [current] error in
                mapExecutionError(error, execution: current)
            }
            guard let event = response.history.events.last else {
                // The server's long poll ended with nothing new: ask again from where it left off.
                message.nextPageToken = response.nextPageToken
                continue
            }
            let nextRun: String
            switch event.attributes {
            case .workflowExecutionCompletedEventAttributes(let completed):
                guard !completed.newExecutionRunID.isEmpty else { return .completed([Payload](completed.result)) }
                nextRun = completed.newExecutionRunID
            case .workflowExecutionFailedEventAttributes(let failed):
                guard !failed.newExecutionRunID.isEmpty else { return .failed(Failure(failed.failure)) }
                nextRun = failed.newExecutionRunID
            case .workflowExecutionTimedOutEventAttributes(let timedOut):
                guard !timedOut.newExecutionRunID.isEmpty else { return .timedOut }
                nextRun = timedOut.newExecutionRunID
            case .workflowExecutionContinuedAsNewEventAttributes(let continued):
                nextRun = continued.newExecutionRunID
            case .workflowExecutionCanceledEventAttributes(let canceled):
                return .canceled(details: [Payload](canceled.details))
            case .workflowExecutionTerminatedEventAttributes(let terminated):
                return .terminated(reason: terminated.reason)
            default:
                throw TemporalRPCError(
                    code: .internalError,
                    message:
                        "the close-event history of \(current.workflowID) ended with event \(event.eventID) of type \(event.eventType)",
                    method: "GetWorkflowExecutionHistory"
                )
            }
            current = WorkflowExecution(workflowID: current.workflowID, runID: nextRun)
            message.execution = current.apiExecution
            message.nextPageToken = Data()
        }
    }
}
