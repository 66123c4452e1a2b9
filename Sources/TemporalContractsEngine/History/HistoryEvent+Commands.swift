import TemporalAPI

extension Temporal_Api_History_V1_HistoryEvent {
    /// The command kind this event records, for events the server writes from a workflow task's
    /// commands; nil for events that come from elsewhere (results, signals, workflow tasks).
    var recordedCommandType: Temporal_Api_Enums_V1_CommandType? {
        switch attributes {
        case .activityTaskScheduledEventAttributes: .scheduleActivityTask
        case .activityTaskCancelRequestedEventAttributes: .requestCancelActivityTask
        case .timerStartedEventAttributes: .startTimer
        case .timerCanceledEventAttributes: .cancelTimer
        case .startChildWorkflowExecutionInitiatedEventAttributes: .startChildWorkflowExecution
        case .signalExternalWorkflowExecutionInitiatedEventAttributes: .signalExternalWorkflowExecution
        case .requestCancelExternalWorkflowExecutionInitiatedEventAttributes: .requestCancelExternalWorkflowExecution
        case .markerRecordedEventAttributes: .recordMarker
        case .workflowExecutionCompletedEventAttributes: .completeWorkflowExecution
        case .workflowExecutionFailedEventAttributes: .failWorkflowExecution
        case .workflowExecutionCanceledEventAttributes: .cancelWorkflowExecution
        case .workflowExecutionContinuedAsNewEventAttributes: .continueAsNewWorkflowExecution
        case .upsertWorkflowSearchAttributesEventAttributes: .upsertWorkflowSearchAttributes
        case .workflowPropertiesModifiedEventAttributes: .modifyWorkflowProperties
        case .workflowExecutionUpdateAcceptedEventAttributes, .workflowExecutionUpdateCompletedEventAttributes: .protocolMessage
        default: nil
        }
    }

    /// The event of the command this event reports on (an activity's scheduled event, a timer's
    /// started event, a child's or an external request's initiated event); 0 for none.
    var initiatingEventID: Int64 {
        switch attributes {
        case .activityTaskStartedEventAttributes(let attributes): attributes.scheduledEventID
        case .activityTaskCompletedEventAttributes(let attributes): attributes.scheduledEventID
        case .activityTaskFailedEventAttributes(let attributes): attributes.scheduledEventID
        case .activityTaskTimedOutEventAttributes(let attributes): attributes.scheduledEventID
        case .activityTaskCanceledEventAttributes(let attributes): attributes.scheduledEventID
        case .timerFiredEventAttributes(let attributes): attributes.startedEventID
        case .childWorkflowExecutionStartedEventAttributes(let attributes): attributes.initiatedEventID
        case .startChildWorkflowExecutionFailedEventAttributes(let attributes): attributes.initiatedEventID
        case .childWorkflowExecutionCompletedEventAttributes(let attributes): attributes.initiatedEventID
        case .childWorkflowExecutionFailedEventAttributes(let attributes): attributes.initiatedEventID
        case .childWorkflowExecutionCanceledEventAttributes(let attributes): attributes.initiatedEventID
        case .childWorkflowExecutionTimedOutEventAttributes(let attributes): attributes.initiatedEventID
        case .childWorkflowExecutionTerminatedEventAttributes(let attributes): attributes.initiatedEventID
        case .externalWorkflowExecutionSignaledEventAttributes(let attributes): attributes.initiatedEventID
        case .signalExternalWorkflowExecutionFailedEventAttributes(let attributes): attributes.initiatedEventID
        case .externalWorkflowExecutionCancelRequestedEventAttributes(let attributes): attributes.initiatedEventID
        case .requestCancelExternalWorkflowExecutionFailedEventAttributes(let attributes): attributes.initiatedEventID
        default: 0
        }
    }

    /// How the event reads in a nondeterminism report.
    var summary: String {
        let name = "\(eventType)".prefix(1).uppercased() + "\(eventType)".dropFirst()
        let detail: String =
            switch attributes {
            case .activityTaskScheduledEventAttributes(let attributes):
                " '\(attributes.activityType.name)' (activity ID \(attributes.activityID))"
            case .timerStartedEventAttributes(let attributes): " \(attributes.timerID)"
            case .timerCanceledEventAttributes(let attributes): " \(attributes.timerID)"
            case .startChildWorkflowExecutionInitiatedEventAttributes(let attributes):
                " '\(attributes.workflowType.name)' (workflow ID \(attributes.workflowID))"
            case .signalExternalWorkflowExecutionInitiatedEventAttributes(let attributes):
                " '\(attributes.signalName)' to \(attributes.workflowExecution.workflowID)"
            case .requestCancelExternalWorkflowExecutionInitiatedEventAttributes(let attributes):
                " \(attributes.workflowExecution.workflowID)"
            case .markerRecordedEventAttributes(let attributes): " '\(attributes.markerName)'"
            default: ""
            }
        return "\(name) event \(eventID)\(detail)"
    }
}
