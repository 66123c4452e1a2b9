/// A type declared under `types:`.
public struct NamedType: Sendable {
    /// What the type is.
    public enum Kind: Sendable {
        case object([Property])
        case stringEnum([String])
        case integerEnum([(name: String, value: Int)])
        /// A named array, map or scalar.
        case alias(TypeReference)
    }

    public var name: String
    public var description: String?
    public var kind: Kind
    public var location: SourceLocation

    public init(name: String, description: String?, kind: Kind, location: SourceLocation) {
        self.name = name
        self.description = description
        self.kind = kind
        self.location = location
    }
}

/// One property of an object type.
public struct Property: Sendable {
    /// The JSON field name, exactly as every SDK writes it.
    public var wireName: String
    public var type: TypeReference
    public var isRequired: Bool
    public var description: String?
    public var location: SourceLocation

    public init(wireName: String, type: TypeReference, isRequired: Bool, description: String?, location: SourceLocation) {
        self.wireName = wireName
        self.type = type
        self.isRequired = isRequired
        self.description = description
        self.location = location
    }
}
