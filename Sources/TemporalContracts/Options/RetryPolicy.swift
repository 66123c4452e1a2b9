/// How Temporal retries a failed workflow or activity. Unset fields keep the server's defaults.
public struct RetryPolicy: Hashable, Sendable {
    public var initialInterval: Duration?
    public var backoffCoefficient: Double?
    public var maximumInterval: Duration?
    /// 0 or nil: unlimited.
    public var maximumAttempts: Int?
    /// Application error types that are not retried.
    public var nonRetryableErrorTypes: [String]

    public init(
        initialInterval: Duration? = nil,
        backoffCoefficient: Double? = nil,
        maximumInterval: Duration? = nil,
        maximumAttempts: Int? = nil,
        nonRetryableErrorTypes: [String] = []
    ) {
        self.initialInterval = initialInterval
        self.backoffCoefficient = backoffCoefficient
        self.maximumInterval = maximumInterval
        self.maximumAttempts = maximumAttempts
        self.nonRetryableErrorTypes = nonRetryableErrorTypes
    }
}
