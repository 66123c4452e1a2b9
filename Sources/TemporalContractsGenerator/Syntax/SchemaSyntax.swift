/// A payload type as written in a contract: the JSON Schema subset of the YAML format, or a
/// protobuf message named by a `.proto` contract.
public indirect enum SchemaSyntax: Sendable {
    /// `$ref: Name` (or a bare type name in a handler position), resolved later.
    case reference(Located<String>)
    /// `type: string|integer|number|boolean` with an optional `format`.
    case scalar(type: Located<String>, format: Located<String>?)
    /// `type: array, items: …`
    case array(items: SchemaNode)
    /// `type: object, additionalProperties: …` — a map from string keys.
    case map(values: SchemaNode)
    /// `type: object, properties: …, required: […]`
    case object(properties: [PropertySyntax])
    /// `type: string|integer, enum: […]`, with `x-enum-varnames` naming integer cases.
    case enumeration(EnumSyntax)
    /// A message of a `.proto` contract, by its full protobuf name.
    case protoMessage(fullName: String, swiftName: String)
    /// A well-known protobuf type used as a payload (`google.protobuf.Empty` means no payload).
    case protoEmpty
}

/// A schema and the facts around it that every schema form may carry.
public struct SchemaNode: Sendable {
    public var schema: SchemaSyntax
    public var description: String?
    public var location: SourceLocation

    public init(_ schema: SchemaSyntax, description: String? = nil, at location: SourceLocation) {
        self.schema = schema
        self.description = description
        self.location = location
    }
}

/// One property of an object type.
public struct PropertySyntax: Sendable {
    /// The JSON field name, kept exactly on the wire.
    public var wireName: Located<String>
    public var type: SchemaNode
    public var isRequired: Bool
    /// For `.proto` contracts: the Swift property name swift-protobuf generates.
    public var swiftName: String?

    public init(wireName: Located<String>, type: SchemaNode, isRequired: Bool, swiftName: String? = nil) {
        self.wireName = wireName
        self.type = type
        self.isRequired = isRequired
        self.swiftName = swiftName
    }
}

/// The cases of an enumeration, string- or integer-valued.
public struct EnumSyntax: Sendable {
    public enum Cases: Sendable {
        case strings([Located<String>])
        case integers([Located<Int>], names: [Located<String>])
    }

    public var cases: Cases

    public init(cases: Cases) {
        self.cases = cases
    }
}
