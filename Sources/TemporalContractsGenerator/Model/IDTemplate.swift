/// A workflow or update ID template such as `order-{order_id}` or `hello/${! name.or("World") }`:
/// literal text, input fields and Bloblang expressions.
public struct IDTemplate: Sendable {
    public enum Segment: Hashable, Sendable {
        case literal(String)
        /// A path of wire names into the input, e.g. `["customer", "id"]` (`{customer.id}`).
        case field([String])
        /// A `${! … }` expression; `source` is the text between `${!` and `}`.
        case expression(IDExpression, source: String)
    }

    public var source: String
    public var segments: [Segment]

    public init(source: String, segments: [Segment]) {
        self.source = source
        self.segments = segments
    }
}
