/// How protobuf's JSON mapping writes the fields of a `.proto` contract's payload messages, as
/// JSON Schema: what the Swift, Go and Python protobuf runtimes emit with their JSON encoders.
enum ProtoJSONMapping {
    /// The well-known types, which protobuf JSON writes in forms of their own rather than as messages.
    static func wellKnownSchema(_ fullName: String) -> JSONValue? {
        switch fullName {
        case "google.protobuf.Timestamp": ["type": "string", "format": "date-time"]
        // "1.5s": seconds with up to nine fractional digits and an `s`.
        case "google.protobuf.Duration": ["type": "string", "pattern": #"^-?[0-9]+(\.[0-9]{1,9})?s$"#]
        case "google.protobuf.FieldMask": ["type": "string"]
        case "google.protobuf.Struct", "google.protobuf.Empty": ["type": "object"]
        case "google.protobuf.Value": [:]
        case "google.protobuf.ListValue": ["type": "array"]
        case "google.protobuf.Any":
            ["type": "object", "properties": ["@type": ["type": "string"]], "required": ["@type"]]
        case "google.protobuf.DoubleValue": scalarSchema("double")
        case "google.protobuf.FloatValue": scalarSchema("float")
        case "google.protobuf.Int64Value": scalarSchema("int64")
        case "google.protobuf.UInt64Value": scalarSchema("uint64")
        case "google.protobuf.Int32Value": scalarSchema("int32")
        case "google.protobuf.UInt32Value": scalarSchema("uint32")
        case "google.protobuf.BoolValue": scalarSchema("bool")
        case "google.protobuf.StringValue": scalarSchema("string")
        case "google.protobuf.BytesValue": scalarSchema("bytes")
        case "google.protobuf.NullValue": ["type": "null"]
        default: nil
        }
    }

    /// A scalar field type as written in `.proto`. 64-bit integers are strings in protobuf JSON
    /// (JavaScript numbers lose precision beyond 2^53); parsers also accept numbers, emitters
    /// write strings.
    static func scalarSchema(_ type: String) -> JSONValue {
        switch type {
        case "double": ["type": "number", "format": "double"]
        case "float": ["type": "number", "format": "float"]
        case "int64", "sint64", "sfixed64": ["type": "string", "format": "int64", "pattern": "^-?[0-9]+$"]
        case "uint64", "fixed64": ["type": "string", "format": "uint64", "pattern": "^[0-9]+$"]
        case "int32", "sint32", "sfixed32": ["type": "integer", "format": "int32"]
        case "uint32", "fixed32": ["type": "integer", "format": "uint32", "minimum": 0, "maximum": .integer(4_294_967_295)]
        case "bool": ["type": "boolean"]
        case "string": ["type": "string"]
        case "bytes": ["type": "string", "contentEncoding": "base64"]
        default: [:]
        }
    }

    /// The value field of `field` when it is a `map<K, V>`: protoc turns a map into a repeated
    /// message `<FieldName>Entry` nested in the message, with fields `key` (1) and `value` (2), and
    /// forbids declaring a message of that name beside it, so the name identifies a map.
    static func mapValue(
        of field: ProtoMessageModel.Field,
        in message: ProtoMessageModel,
        shapes: [String: ProtoMessageModel]
    ) -> ProtoMessageModel.Field? {
        guard field.isRepeated, field.type == "message", let typeName = field.typeName,
            typeName == message.fullName + "." + mapEntryName(field.name),
            let entry = shapes[typeName], entry.fields.count == 2,
            entry.fields.contains(where: { $0.name == "key" && $0.number == 1 })
        else { return nil }
        return entry.fields.first { $0.name == "value" && $0.number == 2 }
    }

    /// protoc's name of a map field's entry message: `item_counts` → `ItemCountsEntry`.
    static func mapEntryName(_ fieldName: String) -> String {
        var name = ""
        var upperNext = true
        for character in fieldName {
            if character == "_" {
                upperNext = true
            } else if upperNext {
                // ASCII only, as protoc: its names are ASCII.
                name += character.isASCII ? character.uppercased() : String(character)
                upperNext = false
            } else {
                name.append(character)
            }
        }
        return name + "Entry"
    }

    /// The message and enum types `field` refers to by name, for following what a payload reaches;
    /// a map's entry stands for its value type.
    static func referencedType(
        of field: ProtoMessageModel.Field,
        in message: ProtoMessageModel,
        shapes: [String: ProtoMessageModel]
    ) -> String? {
        if let value = mapValue(of: field, in: message, shapes: shapes) { return value.typeName }
        return field.typeName
    }
}
