/// The payload messages of `.proto` contracts, in protobuf's JSON mapping: fields by JSON name,
/// 64-bit integers as strings, bytes as base64, enums by value name, maps as objects, well-known
/// types in their own forms.
extension JSONSchemaBuilder {
    /// The schema of a message or enum where it is used.
    func protoSchema(forMessage fullName: String) -> JSONValue {
        if let wellKnown = ProtoJSONMapping.wellKnownSchema(fullName) { return wellKnown }
        guard let key = names.protoMessages[fullName] else { return [:] }
        return ["$ref": .string("#/$defs/" + key)]
    }

    /// The `$defs` entry of a message or enum. Every field is optional, as in proto3: emitters
    /// leave out fields at their default value.
    func protoDefinition(of shape: ProtoMessageModel) -> JSONValue {
        if shape.isEnum {
            // Emitters write value names; parsers also accept the numbers.
            let values = shape.enumValues.sorted { $0.key < $1.key }.map { JSONValue.string($0.value) }
            return ["type": "string", "enum": .array(values), "x-protobuf-name": .string(shape.fullName)]
        }
        var properties: [String: JSONValue] = [:]
        for field in shape.fields {
            let schema: JSONValue
            if let value = ProtoJSONMapping.mapValue(of: field, in: shape, shapes: model.protoMessages) {
                schema = ["type": "object", "additionalProperties": protoFieldSchema(value)]
            } else if field.isRepeated {
                schema = ["type": "array", "items": protoFieldSchema(field)]
            } else {
                schema = protoFieldSchema(field)
            }
            properties[field.jsonName] = schema
        }
        return ["type": "object", "properties": .object(properties), "x-protobuf-name": .string(shape.fullName)]
    }

    /// One value of a field, whether it stands alone or in a repeated field or map.
    func protoFieldSchema(_ field: ProtoMessageModel.Field) -> JSONValue {
        switch field.type {
        case "message", "group", "enum":
            guard let typeName = field.typeName else { return [:] }
            return protoSchema(forMessage: typeName)
        default:
            return ProtoJSONMapping.scalarSchema(field.type)
        }
    }
}
