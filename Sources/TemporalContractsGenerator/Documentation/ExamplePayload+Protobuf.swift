extension ExamplePayload {
    /// The JSON of the well-known protobuf types, which protobuf JSON writes as scalars or special
    /// forms rather than as their fields.
    static let wellKnownTypes: [String: JSONValue] = [
        "google.protobuf.Timestamp": .string(Sample.dateTime),
        "google.protobuf.Duration": .string("1s"),
        "google.protobuf.Empty": .object([:]),
        "google.protobuf.Struct": .object([:]),
        "google.protobuf.Value": .string(Sample.string),
        "google.protobuf.ListValue": .array([]),
        "google.protobuf.NullValue": .null,
        "google.protobuf.FieldMask": .string("path"),
        "google.protobuf.Any": .object(["@type": .string("type.googleapis.com/google.protobuf.Empty")]),
        "google.protobuf.DoubleValue": .number(Sample.number),
        "google.protobuf.FloatValue": .number(Sample.number),
        "google.protobuf.Int64Value": .string(String(Sample.integer)),
        "google.protobuf.UInt64Value": .string(String(Sample.integer)),
        "google.protobuf.Int32Value": .integer(Sample.integer),
        "google.protobuf.UInt32Value": .integer(Sample.integer),
        "google.protobuf.BoolValue": .bool(true),
        "google.protobuf.StringValue": .string(Sample.string),
        "google.protobuf.BytesValue": .string(Sample.bytes),
    ]

    /// Protobuf JSON of a message: fields by JSON name. Every proto3 field may be left out, so past
    /// ``fullDepth`` a message is `{}`; an enum is its lowest-numbered value's name.
    mutating func message(_ fullName: String, depth: Int) -> JSONValue {
        if let known = Self.wellKnownTypes[fullName] { return known }
        guard let shape = messages[fullName] else { return .object([:]) }
        if shape.isEnum {
            return shape.enumValues.min { $0.key < $1.key }.map { .string($0.value) } ?? .null
        }
        guard depth < Self.fullDepth else { return .object([:]) }
        let key = MessageKey(fullName: fullName, depth: depth)
        if let cached = messageCache[key] { return cached }
        var members: [String: JSONValue] = [:]
        for field in shape.fields {
            members[field.jsonName] = fieldValue(field, of: shape, depth: depth + 1)
        }
        let result = JSONValue.object(members)
        messageCache[key] = result
        return result
    }

    private mutating func fieldValue(_ field: ProtoMessageModel.Field, of message: ProtoMessageModel, depth: Int) -> JSONValue {
        if field.isRepeated, let entry = mapEntry(field, of: message) {
            guard depth < Self.fullDepth, let keyField = entry.fields.first(where: { $0.number == 1 }),
                let valueField = entry.fields.first(where: { $0.number == 2 })
            else { return .object([:]) }
            return .object([Self.mapKey(keyField.type): singleValue(valueField, depth: depth)])
        }
        if field.isRepeated {
            return depth < Self.fullDepth ? .array([singleValue(field, depth: depth)]) : .array([])
        }
        return singleValue(field, depth: depth)
    }

    private mutating func singleValue(_ field: ProtoMessageModel.Field, depth: Int) -> JSONValue {
        switch field.type {
        case "string": .string(Sample.string)
        case "bytes": .string(Sample.bytes)
        case "bool": .bool(true)
        case "double", "float": .number(Sample.number)
        case "int32", "sint32", "sfixed32", "uint32", "fixed32": .integer(Sample.integer)
        // Protobuf JSON writes 64-bit integers as strings, as JavaScript numbers cannot hold them.
        case "int64", "sint64", "sfixed64", "uint64", "fixed64": .string(String(Sample.integer))
        default: field.typeName.map { message($0, depth: depth) } ?? .null
        }
    }

    /// The synthesized `…Entry` message of a `map<K, V>` field, which protobuf JSON writes as an
    /// object: a nested message named after the field with exactly a `key` (1) and a `value` (2).
    func mapEntry(_ field: ProtoMessageModel.Field, of message: ProtoMessageModel) -> ProtoMessageModel? {
        guard field.type == "message", let typeName = field.typeName, typeName.hasPrefix(message.fullName + "."),
            typeName.hasSuffix("Entry"), let entry = messages[typeName], entry.fields.count == 2,
            entry.fields.contains(where: { $0.number == 1 && $0.name == "key" }),
            entry.fields.contains(where: { $0.number == 2 && $0.name == "value" })
        else { return nil }
        return entry
    }

    /// A map key of the entry's key type, as protobuf JSON spells keys: always a string.
    static func mapKey(_ type: String) -> String {
        switch type {
        case "string": Sample.mapKey
        case "bool": "true"
        default: String(Sample.integer)
        }
    }
}
