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
