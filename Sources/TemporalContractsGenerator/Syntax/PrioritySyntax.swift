/// A `priority:` mapping (`temporal.api.common.v1.Priority` in a `.proto` contract), as written.
public struct PrioritySyntax: Sendable {
    /// `priorityKey`, checked by the resolver (1…5).
    public var priorityKey: Located<Int>?
    /// `fairnessKey`.
    public var fairnessKey: Located<String>?
    /// `fairnessWeight`, checked by the resolver (positive).
    public var fairnessWeight: Located<Double>?
    /// Where the mapping starts.
    public var location: SourceLocation

    /// An empty mapping at `location`.
    public init(at location: SourceLocation) {
        self.location = location
    }
}
