/// The shape of a protobuf message a `.proto` contract uses as a payload, as far as
/// compatibility is concerned: field numbers and types for the binary encoding, JSON names for
/// the JSON encoding. Only the breaking-change check reads it; generation uses swift-protobuf's types.
public struct ProtoMessageModel: Sendable, Hashable {
    /// One field of a message.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var number: Int
        /// The name in protobuf JSON (`json_name`, or the lowerCamelCase default).
        public var jsonName: String
        /// The protobuf type as written in `.proto` (`string`, `int64`, `message`, `enum`, …).
        public var type: String
        /// For `message` and `enum` fields: the full name of the type.
        public var typeName: String?
        public var isRepeated: Bool
        /// Whether the field tracks presence (`optional`, message fields, editions' explicit
        /// presence): protojson then writes it when set, even to its zero value.
        public var hasPresence = false
        public var location: SourceLocation

        public init(
            name: String,
            number: Int,
            jsonName: String,
            type: String,
            typeName: String?,
            isRepeated: Bool,
            location: SourceLocation
        ) {
            self.name = name
            self.number = number
            self.jsonName = jsonName
            self.type = type
            self.typeName = typeName
            self.isRepeated = isRepeated
            self.location = location
        }
    }

    /// The full protobuf name (`example.v1.CreateFooRequest`), also the payload's `messageType`.
    public var fullName: String
    public var fields: [Field]
    /// For enums: the value names by number; empty for messages.
    public var enumValues: [Int: String]
    public var isEnum: Bool
    public var location: SourceLocation

    public init(fullName: String, fields: [Field], enumValues: [Int: String] = [:], isEnum: Bool = false, location: SourceLocation) {
        self.fullName = fullName
        self.fields = fields
        self.enumValues = enumValues
        self.isEnum = isEnum
        self.location = location
    }
}
