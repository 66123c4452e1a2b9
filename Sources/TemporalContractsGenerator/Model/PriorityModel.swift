/// A workflow's or activity's priority and fairness, validated: a key of 1…5, a positive weight.
public struct PriorityModel: Hashable, Sendable {
    /// The keys the server accepts: 1 is served first, 5 last.
    public static let priorityKeys = 1...5

    public var priorityKey: Int?
    public var fairnessKey: String?
    public var fairnessWeight: Double?

    public init(priorityKey: Int? = nil, fairnessKey: String? = nil, fairnessWeight: Double? = nil) {
        self.priorityKey = priorityKey
        self.fairnessKey = fairnessKey
        self.fairnessWeight = fairnessWeight
    }
}
