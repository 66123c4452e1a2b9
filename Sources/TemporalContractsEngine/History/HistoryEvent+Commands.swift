import TemporalAPI

extension Temporal_Api_History_V1_HistoryEvent {
    /// The command kind this event records, for events the server writes from a workflow task's
    /// commands; nil for events that come from elsewhere (results, signals, workflow tasks).
    ///
    /// Decided by `eventType`: reading `attributes` copies the whole oneof (over 1 KB) out of the
    /// message's storage, on every event of every replay. Events without a known type fall back
    /// to their attributes.
    var recordedCommandType: Temporal_Api_Enums_V1_CommandType? {
        switch eventType {
        case .activityTaskScheduled: .scheduleActivityTask
        case .activityTaskCancelRequested: .requestCancelActivityTask
        case .timerStarted: .startTimer
        case .timerCanceled: .cancelTimer
        case .startChildWorkflowExecutionInitiated: .startChildWorkflowExecution
        case .signalExternalWorkflowExecutionInitiated: .signalExternalWorkflowExecution
        case .requestCancelExternalWorkflowExecutionInitiated: .requestCancelExternalWorkflowExecution
        case .markerRecorded: .recordMarker
        case .workflowExecutionCompleted: .completeWorkflowExecution
        case .workflowExecutionFailed: .failWorkflowExecution
        case .workflowExecutionCanceled: .cancelWorkflowExecution
        case .workflowExecutionContinuedAsNew: .continueAsNewWorkflowExecution
        case .upsertWorkflowSearchAttributes: .upsertWorkflowSearchAttributes
        case .workflowPropertiesModified: .modifyWorkflowProperties
        case .workflowExecutionUpdateAccepted, .workflowExecutionUpdateCompleted: .protocolMessage
        case .unspecified, .UNRECOGNIZED: recordedCommandTypeFromAttributes
        default: nil
        }
    }

    private var recordedCommandTypeFromAttributes: Temporal_Api_Enums_V1_CommandType? {
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
    ///
    /// Dispatched on `eventType` and read through the one typed accessor, for the reason given at
    /// `recordedCommandType`; events without a known type fall back to their attributes.
    var initiatingEventID: Int64 {
        switch eventType {
        case .activityTaskStarted: activityTaskStartedEventAttributes.scheduledEventID
        case .activityTaskCompleted: activityTaskCompletedEventAttributes.scheduledEventID
        case .activityTaskFailed: activityTaskFailedEventAttributes.scheduledEventID
        case .activityTaskTimedOut: activityTaskTimedOutEventAttributes.scheduledEventID
        case .activityTaskCanceled: activityTaskCanceledEventAttributes.scheduledEventID
        case .timerFired: timerFiredEventAttributes.startedEventID
        case .childWorkflowExecutionStarted: childWorkflowExecutionStartedEventAttributes.initiatedEventID
        case .startChildWorkflowExecutionFailed: startChildWorkflowExecutionFailedEventAttributes.initiatedEventID
        case .childWorkflowExecutionCompleted: childWorkflowExecutionCompletedEventAttributes.initiatedEventID
        case .childWorkflowExecutionFailed: childWorkflowExecutionFailedEventAttributes.initiatedEventID
        case .childWorkflowExecutionCanceled: childWorkflowExecutionCanceledEventAttributes.initiatedEventID
        case .childWorkflowExecutionTimedOut: childWorkflowExecutionTimedOutEventAttributes.initiatedEventID
        case .childWorkflowExecutionTerminated: childWorkflowExecutionTerminatedEventAttributes.initiatedEventID
        case .externalWorkflowExecutionSignaled: externalWorkflowExecutionSignaledEventAttributes.initiatedEventID
        case .signalExternalWorkflowExecutionFailed: signalExternalWorkflowExecutionFailedEventAttributes.initiatedEventID
        case .externalWorkflowExecutionCancelRequested: externalWorkflowExecutionCancelRequestedEventAttributes.initiatedEventID
        case .requestCancelExternalWorkflowExecutionFailed:
            requestCancelExternalWorkflowExecutionFailedEventAttributes.initiatedEventID
        case .unspecified, .UNRECOGNIZED: initiatingEventIDFromAttributes
        default: 0
        }
    }

    private var initiatingEventIDFromAttributes: Int64 {
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
