/// A `priority:` mapping (`temporal.api.common.v1.Priority` in a `.proto` contract), as written.
public struct PrioritySyntax: Sendable {
    public var priorityKey: Located<Int>?
    public var fairnessKey: Located<String>?
    public var fairnessWeight: Located<Double>?
    public var location: SourceLocation

    public init(at location: SourceLocation) {
        self.location = location
    }
}
