/// Converts between `Failure` values and typed Swift errors, keeping type, message,
/// non-retryable flag, details, stack trace and the whole cause chain.
public protocol FailureConverter: Sendable {
    func failure(from error: any Error) -> Failure
    func error(from failure: Failure) -> any TemporalFailureError
}

/// The SDKs' default mapping. Errors that are not Temporal failures become application errors
/// whose type is the Swift type name, as the Python SDK uses the exception class name.
public struct DefaultFailureConverter: FailureConverter {
    public init() {}

    public func failure(from error: any Error) -> Failure {
        switch error {
        case let error as ApplicationError:
            return Failure(
                message: error.message,
                stackTrace: error.stackTrace,
                info: .application(
                    type: error.type,
                    nonRetryable: error.isNonRetryable,
                    details: error.details,
                    nextRetryDelay: error.nextRetryDelay
                ),
                cause: error.cause.map(failure(from:))
            )
        case let error as CanceledError:
            return Failure(
                message: error.message,
                stackTrace: error.stackTrace,
                info: .canceled(details: error.details),
                cause: error.cause.map(failure(from:))
            )
        case let error as TimeoutError:
            return Failure(
                message: error.message,
                stackTrace: error.stackTrace,
                info: .timeout(type: error.timeoutType, lastHeartbeatDetails: error.lastHeartbeatDetails),
                cause: error.cause.map(failure(from:))
            )
        case let error as TerminatedError:
            return Failure(message: error.message, stackTrace: error.stackTrace, info: .terminated, cause: error.cause.map(failure(from:)))
        case let error as ServerError:
            return Failure(
                message: error.message,
                stackTrace: error.stackTrace,
                info: .server(nonRetryable: error.isNonRetryable),
                cause: error.cause.map(failure(from:))
            )
        case let error as ActivityError:
            return Failure(
                message: error.message,
                stackTrace: error.stackTrace,
                info: .activity(
                    activityType: error.activityType,
                    activityID: error.activityID,
                    scheduledEventID: error.scheduledEventID,
                    startedEventID: error.startedEventID,
                    identity: error.identity,
                    retryState: error.retryState
                ),
                cause: error.cause.map(failure(from:))
            )
        case let error as ChildWorkflowError:
            return Failure(
                message: error.message,
                stackTrace: error.stackTrace,
                info: .childWorkflow(
                    namespace: error.namespace,
                    workflowID: error.workflowID,
                    runID: error.runID,
                    workflowType: error.workflowType,
                    initiatedEventID: error.initiatedEventID,
                    startedEventID: error.startedEventID,
                    retryState: error.retryState
                ),
                cause: error.cause.map(failure(from:))
            )
        case is CancellationError:
            return Failure(message: "canceled", info: .canceled(details: []))
        default:
            return Failure(
                message: String(describing: error),
                info: .application(type: String(describing: type(of: error)), nonRetryable: false, details: [], nextRetryDelay: nil)
            )
        }
    }

    public func error(from failure: Failure) -> any TemporalFailureError {
        let cause = failure.cause.map(error(from:))
        switch failure.info {
        case .application(let type, let nonRetryable, let details, let nextRetryDelay):
            return ApplicationError(
                failure.message,
                type: type,
                isNonRetryable: nonRetryable,
                details: details,
                nextRetryDelay: nextRetryDelay,
                stackTrace: failure.stackTrace,
                cause: cause
            )
        case .timeout(let type, let details):
            return TimeoutError(
                failure.message,
                timeoutType: type,
                lastHeartbeatDetails: details,
                stackTrace: failure.stackTrace,
                cause: cause
            )
        case .canceled(let details):
            return CanceledError(failure.message, details: details, stackTrace: failure.stackTrace, cause: cause)
        case .terminated:
            return TerminatedError(failure.message, stackTrace: failure.stackTrace, cause: cause)
        case .server(let nonRetryable):
            return ServerError(failure.message, isNonRetryable: nonRetryable, stackTrace: failure.stackTrace, cause: cause)
        case .activity(let activityType, let activityID, let scheduled, let started, let identity, let retryState):
            return ActivityError(
                failure.message,
                activityType: activityType,
                activityID: activityID,
                scheduledEventID: scheduled,
                startedEventID: started,
                identity: identity,
                retryState: retryState,
                stackTrace: failure.stackTrace,
                cause: cause
            )
        case .childWorkflow(let namespace, let workflowID, let runID, let workflowType, let initiated, let started, let retryState):
            return ChildWorkflowError(
                failure.message,
                namespace: namespace,
                workflowID: workflowID,
                runID: runID,
                workflowType: workflowType,
                initiatedEventID: initiated,
                startedEventID: started,
                retryState: retryState,
                stackTrace: failure.stackTrace,
                cause: cause
            )
        case .resetWorkflow(let details):
            return CanceledError(failure.message, details: details, stackTrace: failure.stackTrace, cause: cause)
        }
    }
}
