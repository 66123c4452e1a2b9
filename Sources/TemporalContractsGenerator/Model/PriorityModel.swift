/// A workflow's or activity's priority and fairness, validated: a key of 1…5, a positive weight.
public struct PriorityModel: Hashable, Sendable {
    /// The keys the server accepts: 1 is served first, 5 last.
    public static let priorityKeys = 1...5

    /// 1 (served first) to 5; nil for the server's default.
    public var priorityKey: Int?
    /// The tenant or group the work is shared fairly between.
    public var fairnessKey: String?
    /// The fairness key's share; positive.
    public var fairnessWeight: Double?

    /// A priority; the resolver only builds valid ones.
    public init(priorityKey: Int? = nil, fairnessKey: String? = nil, fairnessWeight: Double? = nil) {
        self.priorityKey = priorityKey
        self.fairnessKey = fairnessKey
        self.fairnessWeight = fairnessWeight
    }
}
