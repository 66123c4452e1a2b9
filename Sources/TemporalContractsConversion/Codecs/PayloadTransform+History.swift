import TemporalAPI

extension PayloadTransform {
    /// Every payload and failure of a history event: what workflows read (inputs, results, signals,
    /// updates, failures) and what clients and the UI read (memos, user metadata, termination details).
    func event(_ event: inout Temporal_Api_History_V1_HistoryEvent) async throws {
        // Copies, so that the lazily built location does not read the event while a field is being written.
        let id = event.eventID
        let type = event.eventType
        let attributes = event.attributes
        func at(_ field: String) -> String { "event \(id) (\(Self.kind(type, attributes))) \(field)" }

        if event.hasUserMetadata { try await userMetadata(&event.userMetadata, at: at("user metadata")) }
        switch event.attributes {
        case .workflowExecutionStartedEventAttributes(var a):
            if a.hasInput { try await payloads(&a.input, at: at("input")) }
            if a.hasContinuedFailure { try await failure(&a.continuedFailure, at: at("continued failure")) }
            if a.hasLastCompletionResult { try await payloads(&a.lastCompletionResult, at: at("last completion result")) }
            if a.hasMemo { try await memo(&a.memo, at: at("memo")) }
            event.workflowExecutionStartedEventAttributes = a
        case .workflowExecutionCompletedEventAttributes(var a) where a.hasResult:
            try await payloads(&a.result, at: at("result"))
            event.workflowExecutionCompletedEventAttributes = a
        case .workflowExecutionFailedEventAttributes(var a) where a.hasFailure:
            try await failure(&a.failure, at: at("failure"))
            event.workflowExecutionFailedEventAttributes = a
        case .workflowExecutionCanceledEventAttributes(var a) where a.hasDetails:
            try await payloads(&a.details, at: at("details"))
            event.workflowExecutionCanceledEventAttributes = a
        case .workflowExecutionTerminatedEventAttributes(var a) where a.hasDetails:
            try await payloads(&a.details, at: at("details"))
            event.workflowExecutionTerminatedEventAttributes = a
        case .workflowExecutionContinuedAsNewEventAttributes(var a):
            if a.hasInput { try await payloads(&a.input, at: at("input")) }
            if a.hasFailure { try await failure(&a.failure, at: at("failure")) }
            if a.hasLastCompletionResult { try await payloads(&a.lastCompletionResult, at: at("last completion result")) }
            if a.hasMemo { try await memo(&a.memo, at: at("memo")) }
            event.workflowExecutionContinuedAsNewEventAttributes = a
        case .workflowExecutionSignaledEventAttributes(var a) where a.hasInput:
            try await payloads(&a.input, at: at("input"))
            event.workflowExecutionSignaledEventAttributes = a
        case .workflowTaskFailedEventAttributes(var a) where a.hasFailure:
            try await failure(&a.failure, at: at("failure"))
            event.workflowTaskFailedEventAttributes = a
        case .workflowPropertiesModifiedEventAttributes(var a) where a.hasUpsertedMemo:
            try await memo(&a.upsertedMemo, at: at("upserted memo"))
            event.workflowPropertiesModifiedEventAttributes = a
        case .workflowPropertiesModifiedExternallyEventAttributes(var a) where a.hasUpsertedMemo:
            try await memo(&a.upsertedMemo, at: at("upserted memo"))
            event.workflowPropertiesModifiedExternallyEventAttributes = a

        case .activityTaskScheduledEventAttributes(var a) where a.hasInput:
            try await payloads(&a.input, at: at("input"))
            event.activityTaskScheduledEventAttributes = a
        case .activityTaskStartedEventAttributes(var a) where a.hasLastFailure:
            try await failure(&a.lastFailure, at: at("last failure"))
            event.activityTaskStartedEventAttributes = a
        case .activityTaskCompletedEventAttributes(var a) where a.hasResult:
            try await payloads(&a.result, at: at("result"))
            event.activityTaskCompletedEventAttributes = a
        case .activityTaskFailedEventAttributes(var a) where a.hasFailure:
            try await failure(&a.failure, at: at("failure"))
            event.activityTaskFailedEventAttributes = a
        case .activityTaskTimedOutEventAttributes(var a) where a.hasFailure:
            try await failure(&a.failure, at: at("failure"))
            event.activityTaskTimedOutEventAttributes = a
        case .activityTaskCanceledEventAttributes(var a) where a.hasDetails:
            try await payloads(&a.details, at: at("details"))
            event.activityTaskCanceledEventAttributes = a

        case .markerRecordedEventAttributes(var a):
            try await payloadMap(&a.details, at: at("details"))
            if a.hasFailure { try await failure(&a.failure, at: at("failure")) }
            event.markerRecordedEventAttributes = a

        case .startChildWorkflowExecutionInitiatedEventAttributes(var a):
            if a.hasInput { try await payloads(&a.input, at: at("input")) }
            if a.hasMemo { try await memo(&a.memo, at: at("memo")) }
            event.startChildWorkflowExecutionInitiatedEventAttributes = a
        case .childWorkflowExecutionCompletedEventAttributes(var a) where a.hasResult:
            try await payloads(&a.result, at: at("result"))
            event.childWorkflowExecutionCompletedEventAttributes = a
        case .childWorkflowExecutionFailedEventAttributes(var a) where a.hasFailure:
            try await failure(&a.failure, at: at("failure"))
            event.childWorkflowExecutionFailedEventAttributes = a
        case .childWorkflowExecutionCanceledEventAttributes(var a) where a.hasDetails:
            try await payloads(&a.details, at: at("details"))
            event.childWorkflowExecutionCanceledEventAttributes = a
        case .signalExternalWorkflowExecutionInitiatedEventAttributes(var a) where a.hasInput:
            try await payloads(&a.input, at: at("input"))
            event.signalExternalWorkflowExecutionInitiatedEventAttributes = a

        case .workflowExecutionUpdateAdmittedEventAttributes(var a) where a.hasRequest:
            try await updateRequest(&a.request, at: at("update"))
            event.workflowExecutionUpdateAdmittedEventAttributes = a
        case .workflowExecutionUpdateAcceptedEventAttributes(var a) where a.hasAcceptedRequest:
            try await updateRequest(&a.acceptedRequest, at: at("update"))
            event.workflowExecutionUpdateAcceptedEventAttributes = a
        case .workflowExecutionUpdateRejectedEventAttributes(var a):
            if a.hasRejectedRequest { try await updateRequest(&a.rejectedRequest, at: at("update")) }
            if a.hasFailure { try await failure(&a.failure, at: at("failure")) }
            event.workflowExecutionUpdateRejectedEventAttributes = a
        case .workflowExecutionUpdateCompletedEventAttributes(var a) where a.hasOutcome:
            try await outcome(&a.outcome, at: at("outcome"))
            event.workflowExecutionUpdateCompletedEventAttributes = a

        case .nexusOperationScheduledEventAttributes(var a) where a.hasInput:
            try await payload(&a.input, at: at("input"))
            event.nexusOperationScheduledEventAttributes = a
        case .nexusOperationCompletedEventAttributes(var a) where a.hasResult:
            try await payload(&a.result, at: at("result"))
            event.nexusOperationCompletedEventAttributes = a
        case .nexusOperationFailedEventAttributes(var a) where a.hasFailure:
            try await failure(&a.failure, at: at("failure"))
            event.nexusOperationFailedEventAttributes = a
        case .nexusOperationCanceledEventAttributes(var a) where a.hasFailure:
            try await failure(&a.failure, at: at("failure"))
            event.nexusOperationCanceledEventAttributes = a
        case .nexusOperationTimedOutEventAttributes(var a) where a.hasFailure:
            try await failure(&a.failure, at: at("failure"))
            event.nexusOperationTimedOutEventAttributes = a
        case .nexusOperationCancelRequestFailedEventAttributes(var a) where a.hasFailure:
            try await failure(&a.failure, at: at("failure"))
            event.nexusOperationCancelRequestFailedEventAttributes = a

        default:
            // Timers, workflow tasks, cancel requests, search attribute upserts and the rest: no payloads.
            break
        }
    }

    /// `WorkflowExecutionSignaled`, as the API and the UI name event types; from the attributes
    /// when the type is missing (hand-built events in tests and tools).
    static func kind(
        _ type: Temporal_Api_Enums_V1_EventType,
        _ attributes: Temporal_Api_History_V1_HistoryEvent.OneOf_Attributes?
    ) -> String {
        if type != .unspecified { return capitalized("\(type)") }
        guard let attributes, let label = Mirror(reflecting: attributes).children.first?.label else {
            return "Unspecified"
        }
        return capitalized(label.hasSuffix("EventAttributes") ? String(label.dropLast("EventAttributes".count)) : label)
    }

    /// `workflowExecutionSignaled` as `WorkflowExecutionSignaled`.
    static func capitalized(_ name: String) -> String {
        name.prefix(1).uppercased() + name.dropFirst()
    }
}
