/// How the server orders work on a task queue (`temporal.api.common.v1.Priority`): a priority
/// key, and a fairness key and weight that share a queue's throughput between tenants.
///
/// Every field is optional: an unset field takes the server's default, and a child workflow or
/// an activity inherits its workflow's priority unless it sets its own.
public struct Priority: Hashable, Sendable {
    /// The priority key served first.
    public static let highestPriorityKey = 1
    /// The priority key served last; the server's default is the middle one, 3.
    public static let lowestPriorityKey = 5

    /// 1 (served first) to 5 (served last); nil takes the server's default.
    public var priorityKey: Int?
    /// Work of one fairness key (a tenant, say) is dispatched in proportion to its weight.
    public var fairnessKey: String?
    /// The share of its fairness key; positive; nil takes the server's default of 1.
    public var fairnessWeight: Double?

    /// A priority; invalid values are reported by ``validate()`` and rejected by the server.
    public init(priorityKey: Int? = nil, fairnessKey: String? = nil, fairnessWeight: Double? = nil) {
        self.priorityKey = priorityKey
        self.fairnessKey = fairnessKey
        self.fairnessWeight = fairnessWeight
    }

    /// Whether no field is set, so the server's defaults (or the parent's priority) apply.
    public var isEmpty: Bool { priorityKey == nil && fairnessKey == nil && fairnessWeight == nil }

    /// Throws ``InvalidPriorityError`` for a priority key outside 1…5 or a weight that is not positive.
    public func validate() throws {
        if let key = priorityKey, !(Self.highestPriorityKey...Self.lowestPriorityKey).contains(key) {
            throw InvalidPriorityError("priority key \(key) is outside \(Self.highestPriorityKey)…\(Self.lowestPriorityKey)")
        }
        if let weight = fairnessWeight, !(weight > 0) || !weight.isFinite {
            throw InvalidPriorityError("fairness weight \(weight) is not a positive number")
        }
    }
}
