/// An error that travels between workflows, activities and clients as a Temporal failure.
/// Every typed failure error conforms; `cause` keeps the chain.
public protocol TemporalFailureError: Error, Sendable {
    var message: String { get }
    var stackTrace: String { get }
    var cause: (any TemporalFailureError)? { get }
}

/// An error raised by workflow or activity code, with a type name other SDKs can match on
/// (Python's `ApplicationError`, Go's `temporal.NewApplicationError`).
public struct ApplicationError: TemporalFailureError {
    public var message: String
    /// The error type other SDKs see; retry policies list non-retryable types by it.
    public var type: String
    public var isNonRetryable: Bool
    /// Values attached to the error, as payloads; read them with `details(as:)`.
    public var details: [Payload]
    public var nextRetryDelay: Duration?
    public var stackTrace: String
    public var cause: (any TemporalFailureError)?

    public init(
        _ message: String,
        type: String = "",
        isNonRetryable: Bool = false,
        details: [Payload] = [],
        nextRetryDelay: Duration? = nil,
        stackTrace: String = "",
        cause: (any TemporalFailureError)? = nil
    ) {
        self.message = message
        self.type = type
        self.isNonRetryable = isNonRetryable
        self.details = details
        self.nextRetryDelay = nextRetryDelay
        self.stackTrace = stackTrace
        self.cause = cause
    }

    /// Decodes the detail at `index` as `type`.
    public func detail<Value>(
        _ index: Int = 0,
        as type: Value.Type,
        using converter: any PayloadConverter = DefaultPayloadConverter()
    )
        throws -> Value
    {
        guard details.indices.contains(index) else {
            throw PayloadConversionError(.missingArgument(index: index), encoding: nil, typeName: "\(Value.self)", fieldPath: "details")
        }
        return try converter.fromPayload(details[index], as: Value.self)
    }
}

/// Work that was canceled: an activity or child that acknowledged cancellation, or a canceled workflow.
public struct CanceledError: TemporalFailureError {
    public var message: String
    public var details: [Payload]
    public var stackTrace: String
    public var cause: (any TemporalFailureError)?

    public init(_ message: String = "canceled", details: [Payload] = [], stackTrace: String = "", cause: (any TemporalFailureError)? = nil)
    {
        self.message = message
        self.details = details
        self.stackTrace = stackTrace
        self.cause = cause
    }
}

/// A timeout fired.
public struct TimeoutError: TemporalFailureError {
    public var message: String
    public var timeoutType: TimeoutType
    /// The details of the last heartbeat before a heartbeat timeout.
    public var lastHeartbeatDetails: [Payload]
    public var stackTrace: String
    public var cause: (any TemporalFailureError)?

    public init(
        _ message: String,
        timeoutType: TimeoutType,
        lastHeartbeatDetails: [Payload] = [],
        stackTrace: String = "",
        cause: (any TemporalFailureError)? = nil
    ) {
        self.message = message
        self.timeoutType = timeoutType
        self.lastHeartbeatDetails = lastHeartbeatDetails
        self.stackTrace = stackTrace
        self.cause = cause
    }
}

/// The workflow was terminated.
public struct TerminatedError: TemporalFailureError {
    public var message: String
    public var stackTrace: String
    public var cause: (any TemporalFailureError)?

    public init(_ message: String = "terminated", stackTrace: String = "", cause: (any TemporalFailureError)? = nil) {
        self.message = message
        self.stackTrace = stackTrace
        self.cause = cause
    }
}

/// A failure raised by the server itself.
public struct ServerError: TemporalFailureError {
    public var message: String
    public var isNonRetryable: Bool
    public var stackTrace: String
    public var cause: (any TemporalFailureError)?

    public init(_ message: String, isNonRetryable: Bool = false, stackTrace: String = "", cause: (any TemporalFailureError)? = nil) {
        self.message = message
        self.isNonRetryable = isNonRetryable
        self.stackTrace = stackTrace
        self.cause = cause
    }
}

/// An activity failed; `cause` says how (application error, timeout, cancellation).
public struct ActivityError: TemporalFailureError {
    public var message: String
    public var activityType: String
    public var activityID: String
    public var scheduledEventID: Int64
    public var startedEventID: Int64
    public var identity: String
    public var retryState: RetryState
    public var stackTrace: String
    public var cause: (any TemporalFailureError)?

    public init(
        _ message: String = "activity failed",
        activityType: String,
        activityID: String,
        scheduledEventID: Int64 = 0,
        startedEventID: Int64 = 0,
        identity: String = "",
        retryState: RetryState = .unspecified,
        stackTrace: String = "",
        cause: (any TemporalFailureError)? = nil
    ) {
        self.message = message
        self.activityType = activityType
        self.activityID = activityID
        self.scheduledEventID = scheduledEventID
        self.startedEventID = startedEventID
        self.identity = identity
        self.retryState = retryState
        self.stackTrace = stackTrace
        self.cause = cause
    }
}

/// A child workflow failed; `cause` says how.
public struct ChildWorkflowError: TemporalFailureError {
    public var message: String
    public var namespace: String
    public var workflowID: String
    public var runID: String
    public var workflowType: String
    public var initiatedEventID: Int64
    public var startedEventID: Int64
    public var retryState: RetryState
    public var stackTrace: String
    public var cause: (any TemporalFailureError)?

    public init(
        _ message: String = "child workflow failed",
        namespace: String,
        workflowID: String,
        runID: String,
        workflowType: String,
        initiatedEventID: Int64 = 0,
        startedEventID: Int64 = 0,
        retryState: RetryState = .unspecified,
        stackTrace: String = "",
        cause: (any TemporalFailureError)? = nil
    ) {
        self.message = message
        self.namespace = namespace
        self.workflowID = workflowID
        self.runID = runID
        self.workflowType = workflowType
        self.initiatedEventID = initiatedEventID
        self.startedEventID = startedEventID
        self.retryState = retryState
        self.stackTrace = stackTrace
        self.cause = cause
    }
}
