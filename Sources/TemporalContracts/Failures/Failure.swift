/// A failure as Temporal carries it (the `temporal.api.failure.v1.Failure` message), independent
/// of any transport: transports convert to and from the protobuf; `FailureConverter` converts to
/// and from typed Swift errors.
public struct Failure: Hashable, Sendable {
    /// What kind of failure, with the fields of that kind.
    public enum Info: Hashable, Sendable {
        case application(type: String, nonRetryable: Bool, details: [Payload], nextRetryDelay: Duration?)
        case timeout(type: TimeoutType, lastHeartbeatDetails: [Payload])
        case canceled(details: [Payload])
        case terminated
        case server(nonRetryable: Bool)
        case activity(
            activityType: String,
            activityID: String,
            scheduledEventID: Int64,
            startedEventID: Int64,
            identity: String,
            retryState: RetryState
        )
        case childWorkflow(
            namespace: String,
            workflowID: String,
            runID: String,
            workflowType: String,
            initiatedEventID: Int64,
            startedEventID: Int64,
            retryState: RetryState
        )
        case resetWorkflow(lastHeartbeatDetails: [Payload])
    }

    public var message: String
    /// The SDK that produced it, e.g. `PythonSDK`, `GoSDK`, `SwiftSDK`.
    public var source: String
    public var stackTrace: String
    /// A failure whose message and stack trace were encrypted by a codec, as the SDKs allow.
    public var encodedAttributes: Payload?
    public var info: Info
    public var cause: Failure? {
        get { causeBox?.value }
        set { causeBox = newValue.map(Box.init) }
    }
    private var causeBox: Box?

    public init(
        message: String,
        source: String = Failure.swiftSource,
        stackTrace: String = "",
        encodedAttributes: Payload? = nil,
        info: Info,
        cause: Failure? = nil
    ) {
        self.message = message
        self.source = source
        self.stackTrace = stackTrace
        self.encodedAttributes = encodedAttributes
        self.info = info
        self.causeBox = cause.map(Box.init)
    }

    public static let swiftSource = "SwiftSDK"

    /// Holds the cause so `Failure` stays a value type of finite size.
    private final class Box: Hashable, @unchecked Sendable {
        // Immutable after init, so sharing it across threads is safe.
        let value: Failure
        init(_ value: Failure) { self.value = value }
        static func == (lhs: Box, rhs: Box) -> Bool { lhs.value == rhs.value }
        func hash(into hasher: inout Hasher) { hasher.combine(value) }
    }
}

/// Which timeout fired (`temporal.api.enums.v1.TimeoutType`).
public enum TimeoutType: Int, Hashable, Sendable {
    case unspecified = 0
    case startToClose = 1
    case scheduleToStart = 2
    case scheduleToClose = 3
    case heartbeat = 4
}

/// Why the server stopped retrying (`temporal.api.enums.v1.RetryState`).
public enum RetryState: Int, Hashable, Sendable {
    case unspecified = 0
    case inProgress = 1
    case nonRetryableFailure = 2
    case timeout = 3
    case maximumAttemptsReached = 4
    case retryPolicyNotSet = 5
    case internalServerError = 6
    case cancelRequested = 7
}
