import SwiftProtobuf
import TemporalAPI
import TemporalContracts

extension Failure {
    /// The failure as the API carries it, causes included.
    public var apiFailure: Temporal_Api_Failure_V1_Failure {
        var failure = Temporal_Api_Failure_V1_Failure()
        failure.message = message
        failure.source = source
        failure.stackTrace = stackTrace
        if let encodedAttributes { failure.encodedAttributes = encodedAttributes.apiPayload }
        if let cause { failure.cause = cause.apiFailure }
        switch info {
        case .application(let type, let nonRetryable, let details, let nextRetryDelay):
            var info = Temporal_Api_Failure_V1_ApplicationFailureInfo()
            info.type = type
            info.nonRetryable = nonRetryable
            if !details.isEmpty { info.details = details.apiPayloads }
            if let nextRetryDelay { info.nextRetryDelay = nextRetryDelay.protobufDuration }
            failure.applicationFailureInfo = info
        case .timeout(let type, let lastHeartbeatDetails):
            var info = Temporal_Api_Failure_V1_TimeoutFailureInfo()
            info.timeoutType = Temporal_Api_Enums_V1_TimeoutType(rawValue: type.rawValue) ?? .unspecified
            if !lastHeartbeatDetails.isEmpty { info.lastHeartbeatDetails = lastHeartbeatDetails.apiPayloads }
            failure.timeoutFailureInfo = info
        case .canceled(let details):
            var info = Temporal_Api_Failure_V1_CanceledFailureInfo()
            if !details.isEmpty { info.details = details.apiPayloads }
            failure.canceledFailureInfo = info
        case .terminated:
            failure.terminatedFailureInfo = Temporal_Api_Failure_V1_TerminatedFailureInfo()
        case .server(let nonRetryable):
            var info = Temporal_Api_Failure_V1_ServerFailureInfo()
            info.nonRetryable = nonRetryable
            failure.serverFailureInfo = info
        case .activity(let activityType, let activityID, let scheduledEventID, let startedEventID, let identity, let retryState):
            var info = Temporal_Api_Failure_V1_ActivityFailureInfo()
            info.activityType.name = activityType
            info.activityID = activityID
            info.scheduledEventID = scheduledEventID
            info.startedEventID = startedEventID
            info.identity = identity
            info.retryState = Temporal_Api_Enums_V1_RetryState(rawValue: retryState.rawValue) ?? .unspecified
            failure.activityFailureInfo = info
        case .childWorkflow(
            let namespace,
            let workflowID,
            let runID,
            let workflowType,
            let initiatedEventID,
            let startedEventID,
            let retryState
        ):
            var info = Temporal_Api_Failure_V1_ChildWorkflowExecutionFailureInfo()
            info.namespace = namespace
            info.workflowExecution.workflowID = workflowID
            info.workflowExecution.runID = runID
            info.workflowType.name = workflowType
            info.initiatedEventID = initiatedEventID
            info.startedEventID = startedEventID
            info.retryState = Temporal_Api_Enums_V1_RetryState(rawValue: retryState.rawValue) ?? .unspecified
            failure.childWorkflowExecutionFailureInfo = info
        case .resetWorkflow(let lastHeartbeatDetails):
            var info = Temporal_Api_Failure_V1_ResetWorkflowFailureInfo()
            if !lastHeartbeatDetails.isEmpty { info.lastHeartbeatDetails = lastHeartbeatDetails.apiPayloads }
            failure.resetWorkflowFailureInfo = info
        }
        return failure
    }

    /// The failure an API message describes. Kinds this runtime does not model (Nexus) arrive as
    /// application failures of their kind's name, so the message and cause chain are kept.
    public init(_ failure: Temporal_Api_Failure_V1_Failure) {
        let info: Info
        switch failure.failureInfo {
        case .applicationFailureInfo(let application):
            info = .application(
                type: application.type,
                nonRetryable: application.nonRetryable,
                details: [Payload](application.details),
                nextRetryDelay: application.hasNextRetryDelay ? Duration(application.nextRetryDelay) : nil
            )
        case .timeoutFailureInfo(let timeout):
            info = .timeout(
                type: TimeoutType(rawValue: timeout.timeoutType.rawValue) ?? .unspecified,
                lastHeartbeatDetails: [Payload](timeout.lastHeartbeatDetails)
            )
        case .canceledFailureInfo(let canceled):
            info = .canceled(details: [Payload](canceled.details))
        case .terminatedFailureInfo:
            info = .terminated
        case .serverFailureInfo(let server):
            info = .server(nonRetryable: server.nonRetryable)
        case .resetWorkflowFailureInfo(let reset):
            info = .resetWorkflow(lastHeartbeatDetails: [Payload](reset.lastHeartbeatDetails))
        case .activityFailureInfo(let activity):
            info = .activity(
                activityType: activity.activityType.name,
                activityID: activity.activityID,
                scheduledEventID: activity.scheduledEventID,
                startedEventID: activity.startedEventID,
                identity: activity.identity,
                retryState: RetryState(rawValue: activity.retryState.rawValue) ?? .unspecified
            )
        case .childWorkflowExecutionFailureInfo(let child):
            info = .childWorkflow(
                namespace: child.namespace,
                workflowID: child.workflowExecution.workflowID,
                runID: child.workflowExecution.runID,
                workflowType: child.workflowType.name,
                initiatedEventID: child.initiatedEventID,
                startedEventID: child.startedEventID,
                retryState: RetryState(rawValue: child.retryState.rawValue) ?? .unspecified
            )
        case .nexusOperationExecutionFailureInfo:
            info = .application(type: "NexusOperationFailure", nonRetryable: false, details: [], nextRetryDelay: nil)
        case .nexusHandlerFailureInfo(let handler):
            info = .application(type: handler.type, nonRetryable: false, details: [], nextRetryDelay: nil)
        case nil:
            info = .application(type: "", nonRetryable: false, details: [], nextRetryDelay: nil)
        }
        self.init(
            message: failure.message,
            source: failure.source,
            stackTrace: failure.stackTrace,
            encodedAttributes: failure.hasEncodedAttributes ? Payload(failure.encodedAttributes) : nil,
            info: info,
            cause: failure.hasCause ? Failure(failure.cause) : nil
        )
    }
}
