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

/// What the server does when a workflow ID was used by a closed workflow.
public enum IDReusePolicyModel: String, CaseIterable, Sendable {
    case allowDuplicate
    case allowDuplicateFailedOnly
    case rejectDuplicate
    case terminateIfRunning
}

/// What the server does when a workflow with the ID is running.
public enum IDConflictPolicyModel: String, CaseIterable, Sendable {
    case fail
    case useExisting
    case terminateExisting
}

/// A workflow or update ID template such as `order-{order_id}`: literal text and input fields.
public struct IDTemplate: Sendable {
    public enum Segment: Hashable, Sendable {
        case literal(String)
        /// A path of wire names into the input, e.g. `["customer", "id"]`.
        case field([String])
    }

    public var source: String
    public var segments: [Segment]

    public init(source: String, segments: [Segment]) {
        self.source = source
        self.segments = segments
    }
}
