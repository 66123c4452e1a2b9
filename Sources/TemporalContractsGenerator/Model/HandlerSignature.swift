/// What a workflow, handler or activity takes and returns.
public struct HandlerSignature: Sendable {
    /// How the input travels: nothing, one payload, or one payload per positional parameter.
    public enum Input: Sendable {
        case none
        case single(TypeReference)
        case parameters([Parameter])
    }

    public var input: Input
    /// nil for no result (a void result on the wire).
    public var output: TypeReference?

    public init(input: Input, output: TypeReference?) {
        self.input = input
        self.output = output
    }

    /// The payload types in wire order.
    public var inputTypes: [TypeReference] {
        switch input {
        case .none: []
        case .single(let type): [type]
        case .parameters(let parameters): parameters.map(\.type)
        }
    }
}

/// A positional parameter: one payload on the wire.
public struct Parameter: Sendable {
    public var name: String
    public var type: TypeReference
    public var location: SourceLocation

    public init(name: String, type: TypeReference, location: SourceLocation) {
        self.name = name
        self.type = type
        self.location = location
    }
}
