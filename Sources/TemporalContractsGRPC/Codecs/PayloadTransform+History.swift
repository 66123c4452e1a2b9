import TemporalAPI

extension PayloadTransform {
    /// `workflowExecutionSignaled` as `WorkflowExecutionSignaled`, as the API documents events.
    static func name(of type: some Any) -> String {
        let name = "\(type)"
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// Every payload and failure of a history event the engine or a client reads.
    func event(_ event: inout Temporal_Api_History_V1_HistoryEvent) async throws {
        let here = "event \(event.eventID) (\(Self.name(of: event.eventType)))"
        switch event.attributes {
        case .workflowExecutionStartedEventAttributes(var a):
            if a.hasInput { try await payloads(&a.input, at: "\(here) input") }
            if a.hasLastCompletionResult { try await payloads(&a.lastCompletionResult, at: "\(here) last completion result") }
            if a.hasContinuedFailure { try await failure(&a.continuedFailure, at: "\(here) continued failure") }
            event.workflowExecutionStartedEventAttributes = a
        case .workflowExecutionCompletedEventAttributes(var a):
            if a.hasResult { try await payloads(&a.result, at: "\(here) result") }
            event.workflowExecutionCompletedEventAttributes = a
        case .workflowExecutionFailedEventAttributes(var a):
            try await failure(&a.failure, at: "\(here) failure")
            event.workflowExecutionFailedEventAttributes = a
        case .workflowExecutionCanceledEventAttributes(var a):
            if a.hasDetails { try await payloads(&a.details, at: "\(here) details") }
            event.workflowExecutionCanceledEventAttributes = a
        case .workflowExecutionContinuedAsNewEventAttributes(var a):
            if a.hasInput { try await payloads(&a.input, at: "\(here) input") }
            if a.hasLastCompletionResult { try await payloads(&a.lastCompletionResult, at: "\(here) last completion result") }
            if a.hasFailure { try await failure(&a.failure, at: "\(here) failure") }
            event.workflowExecutionContinuedAsNewEventAttributes = a
        case .workflowExecutionSignaledEventAttributes(var a):
            if a.hasInput { try await payloads(&a.input, at: "\(here) input") }
            event.workflowExecutionSignaledEventAttributes = a
        case .workflowTaskFailedEventAttributes(var a):
            if a.hasFailure { try await failure(&a.failure, at: "\(here) failure") }
            event.workflowTaskFailedEventAttributes = a
        case .activityTaskScheduledEventAttributes(var a):
            if a.hasInput { try await payloads(&a.input, at: "\(here) input") }
            event.activityTaskScheduledEventAttributes = a
        case .activityTaskStartedEventAttributes(var a):
            if a.hasLastFailure { try await failure(&a.lastFailure, at: "\(here) last failure") }
            event.activityTaskStartedEventAttributes = a
        case .activityTaskCompletedEventAttributes(var a):
            if a.hasResult { try await payloads(&a.result, at: "\(here) result") }
            event.activityTaskCompletedEventAttributes = a
        case .activityTaskFailedEventAttributes(var a):
            try await failure(&a.failure, at: "\(here) failure")
            event.activityTaskFailedEventAttributes = a
        case .activityTaskTimedOutEventAttributes(var a):
            try await failure(&a.failure, at: "\(here) failure")
            event.activityTaskTimedOutEventAttributes = a
        case .activityTaskCanceledEventAttributes(var a):
            if a.hasDetails { try await payloads(&a.details, at: "\(here) details") }
            event.activityTaskCanceledEventAttributes = a
        case .markerRecordedEventAttributes(var a):
            try await payloadMap(&a.details, at: "\(here) details")
            if a.hasFailure { try await failure(&a.failure, at: "\(here) failure") }
            event.markerRecordedEventAttributes = a
        case .startChildWorkflowExecutionInitiatedEventAttributes(var a):
            if a.hasInput { try await payloads(&a.input, at: "\(here) input") }
            event.startChildWorkflowExecutionInitiatedEventAttributes = a
        case .childWorkflowExecutionCompletedEventAttributes(var a):
            if a.hasResult { try await payloads(&a.result, at: "\(here) result") }
            event.childWorkflowExecutionCompletedEventAttributes = a
        case .childWorkflowExecutionFailedEventAttributes(var a):
            try await failure(&a.failure, at: "\(here) failure")
            event.childWorkflowExecutionFailedEventAttributes = a
        case .childWorkflowExecutionCanceledEventAttributes(var a):
            if a.hasDetails { try await payloads(&a.details, at: "\(here) details") }
            event.childWorkflowExecutionCanceledEventAttributes = a
        case .signalExternalWorkflowExecutionInitiatedEventAttributes(var a):
            if a.hasInput { try await payloads(&a.input, at: "\(here) input") }
            event.signalExternalWorkflowExecutionInitiatedEventAttributes = a
        case .workflowExecutionUpdateAcceptedEventAttributes(var a):
            if a.acceptedRequest.input.hasArgs { try await payloads(&a.acceptedRequest.input.args, at: "\(here) update arguments") }
            event.workflowExecutionUpdateAcceptedEventAttributes = a
        case .workflowExecutionUpdateCompletedEventAttributes(var a):
            try await outcome(&a.outcome, at: "\(here) outcome")
            event.workflowExecutionUpdateCompletedEventAttributes = a
        case .workflowExecutionUpdateRejectedEventAttributes(var a):
            if a.rejectedRequest.input.hasArgs { try await payloads(&a.rejectedRequest.input.args, at: "\(here) update arguments") }
            try await failure(&a.failure, at: "\(here) failure")
            event.workflowExecutionUpdateRejectedEventAttributes = a
        case .workflowExecutionUpdateAdmittedEventAttributes(var a):
            if a.request.input.hasArgs { try await payloads(&a.request.input.args, at: "\(here) update arguments") }
            event.workflowExecutionUpdateAdmittedEventAttributes = a
        default:
            break
        }
    }

    /// Every payload and failure of a command the engine issues.
    func command(_ command: inout Temporal_Api_Command_V1_Command, index: Int) async throws {
        let here = "command \(index + 1) (\(Self.name(of: command.commandType)))"
        switch command.attributes {
        case .scheduleActivityTaskCommandAttributes(var a):
            if a.hasInput { try await payloads(&a.input, at: "\(here) input") }
            command.scheduleActivityTaskCommandAttributes = a
        case .completeWorkflowExecutionCommandAttributes(var a):
            if a.hasResult { try await payloads(&a.result, at: "\(here) result") }
            command.completeWorkflowExecutionCommandAttributes = a
        case .failWorkflowExecutionCommandAttributes(var a):
            try await failure(&a.failure, at: "\(here) failure")
            command.failWorkflowExecutionCommandAttributes = a
        case .cancelWorkflowExecutionCommandAttributes(var a):
            if a.hasDetails { try await payloads(&a.details, at: "\(here) details") }
            command.cancelWorkflowExecutionCommandAttributes = a
        case .recordMarkerCommandAttributes(var a):
            try await payloadMap(&a.details, at: "\(here) details")
            if a.hasFailure { try await failure(&a.failure, at: "\(here) failure") }
            command.recordMarkerCommandAttributes = a
        case .continueAsNewWorkflowExecutionCommandAttributes(var a):
            if a.hasInput { try await payloads(&a.input, at: "\(here) input") }
            if a.hasLastCompletionResult { try await payloads(&a.lastCompletionResult, at: "\(here) last completion result") }
            if a.hasFailure { try await failure(&a.failure, at: "\(here) failure") }
            command.continueAsNewWorkflowExecutionCommandAttributes = a
        case .startChildWorkflowExecutionCommandAttributes(var a):
            if a.hasInput { try await payloads(&a.input, at: "\(here) input") }
            command.startChildWorkflowExecutionCommandAttributes = a
        case .signalExternalWorkflowExecutionCommandAttributes(var a):
            if a.hasInput { try await payloads(&a.input, at: "\(here) input") }
            command.signalExternalWorkflowExecutionCommandAttributes = a
        default:
            break
        }
    }
}
