/// A retry policy as the contract states it; unset fields keep the server's defaults.
public struct RetryPolicyModel: Hashable, Sendable {
    public var initialInterval: Duration?
    public var backoffCoefficient: Double?
    public var maximumInterval: Duration?
    public var maximumAttempts: Int?
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
