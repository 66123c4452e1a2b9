/// Builds the example JSON payload of a contract type from its schema, the same text on every run:
/// every field of a kind takes one stable sample value (`"string"`, `1`, `1.5`, `true`, a fixed
/// date and UUID), an enum its first value, an array one element and a map one key. What the
/// generated Swift types decode, and what a Python or TypeScript peer must send.
///
/// From ``fullDepth`` levels of nesting on, objects show only their required fields and arrays and
/// maps are empty: each level of a large contract's types could otherwise multiply the size of the
/// examples, and a type holding an array of itself would never end. The result stays valid, as a
/// struct never contains itself directly (the resolver rejects that).
struct ExamplePayload {
    /// Nesting levels of named objects that show every field.
    static let fullDepth = 3

    /// The value every field of a kind takes.
    enum Sample {
        static let string = "string"
        static let integer = 1
        static let number = 1.5
        /// `hello`, in base64.
        static let bytes = "aGVsbG8="
        static let dateTime = "2024-01-01T00:00:00Z"
        /// Lowercase, as the SDKs write UUIDs.
        static let uuid = "123e4567-e89b-42d3-a456-426614174000"
        static let mapKey = "key"
    }

    /// The type and the nesting level (capped at ``fullDepth``) an example was built for.
    private struct Key: Hashable {
        var name: QualifiedTypeName
        var depth: Int
    }

    /// A message and the nesting level it was built for.
    struct MessageKey: Hashable {
        var fullName: String
        var depth: Int
    }

    private var types: [QualifiedTypeName: NamedType] = [:]
    let messages: [String: ProtoMessageModel]
    private var cache: [Key: JSONValue] = [:]
    /// Messages already built; the extension building them lives in another file.
    var messageCache: [MessageKey: JSONValue] = [:]
    /// Named types being built where depth does not bound the recursion: aliases, and objects
    /// past ``fullDepth``. A cycle through them yields `null` rather than looping.
    private var visiting: Set<QualifiedTypeName> = []

    init(models: [ContractModel]) {
        var messages: [String: ProtoMessageModel] = [:]
        for model in models {
            for type in model.types {
                types[QualifiedTypeName(contract: model.name, name: type.name)] = type
            }
            messages.merge(model.protoMessages) { first, _ in first }
        }
        self.messages = messages
    }

    /// The example of a payload of `type`.
    mutating func example(of type: TypeReference) -> JSONValue {
        value(type, depth: 0)
    }

    /// The example of a swift-protobuf message or enum, by its full protobuf name.
    mutating func example(ofMessage fullName: String) -> JSONValue {
        message(fullName, depth: 0)
    }

    mutating func value(_ type: TypeReference, depth: Int) -> JSONValue {
        switch type {
        case .string: .string(Sample.string)
        case .integer, .int32, .int64: .integer(Sample.integer)
        case .double, .float: .number(Sample.number)
        case .boolean: .bool(true)
        case .bytes: .string(Sample.bytes)
        case .dateTime: .string(Sample.dateTime)
        case .uuid: .string(Sample.uuid)
        case .array(let element): depth >= Self.fullDepth ? .array([]) : .array([value(element, depth: depth)])
        case .map(let element): depth >= Self.fullDepth ? .object([:]) : .object([Sample.mapKey: value(element, depth: depth)])
        case .named(let name): named(name, depth: depth)
        case .protoMessage(let fullName, _): message(fullName, depth: depth)
        }
    }

    private mutating func named(_ name: QualifiedTypeName, depth: Int) -> JSONValue {
        let key = Key(name: name, depth: min(depth, Self.fullDepth))
        if let cached = cache[key] { return cached }
        guard let type = types[name] else { return .null }
        let isFull = depth < Self.fullDepth
        let guarded: Bool
        switch type.kind {
        case .object: guarded = !isFull
        case .alias: guarded = true
        case .stringEnum, .integerEnum: guarded = false
        }
        if guarded {
            guard visiting.insert(name).inserted else { return .null }
        }
        defer { if guarded { visiting.remove(name) } }
        let result: JSONValue
        switch type.kind {
        case .object(let properties):
            var members: [String: JSONValue] = [:]
            for property in properties where isFull || property.isRequired {
                members[property.wireName] = value(property.type, depth: depth + 1)
            }
            result = .object(members)
        case .stringEnum(let values):
            result = values.first.map(JSONValue.string) ?? .null
        case .integerEnum(let cases):
            result = cases.first.map { .integer($0.value) } ?? .null
        case .alias(let target):
            result = value(target, depth: depth)
        }
        cache[key] = result
        return result
    }
}
