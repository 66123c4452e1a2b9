import SwiftProtobuf
import SwiftProtobufPluginLibrary

extension ProtoContractReader {
    /// Records `message` and every message and enum it reaches, for the breaking-change check.
    func collectShapes(of message: Descriptor, into shapes: inout [String: ProtoMessageModel]) {
        guard shapes[message.fullName] == nil else { return }
        let path = displayPath(message.file.name)
        shapes[message.fullName] = ProtoMessageModel(fullName: message.fullName, fields: [], location: location(of: message, in: path))
        var fields: [ProtoMessageModel.Field] = []
        for field in message.fields {
            var typeName: String?
            if let nested = field.messageType {
                typeName = nested.fullName
                collectShapes(of: nested, into: &shapes)
            } else if let enumType = field.enumType {
                typeName = enumType.fullName
                if shapes[enumType.fullName] == nil {
                    shapes[enumType.fullName] = ProtoMessageModel(
                        fullName: enumType.fullName,
                        fields: [],
                        enumValues: Dictionary(enumType.values.map { (Int($0.number), $0.name) }, uniquingKeysWith: { a, _ in a }),
                        isEnum: true,
                        location: location(of: enumType, in: displayPath(enumType.file.name))
                    )
                }
            }
            var shape = ProtoMessageModel.Field(
                name: field.name,
                number: Int(field.number),
                jsonName: field.jsonName ?? field.name,
                type: Self.protoTypeName(field.type),
                typeName: typeName,
                isRepeated: field.isRepeated,
                location: location(of: field, in: path)
            )
            shape.hasPresence = field.hasPresence
            fields.append(shape)
        }
        shapes[message.fullName]?.fields = fields
    }

    static func protoTypeName(_ type: Google_Protobuf_FieldDescriptorProto.TypeEnum) -> String {
        switch type {
        case .double: "double"
        case .float: "float"
        case .int64: "int64"
        case .uint64: "uint64"
        case .int32: "int32"
        case .fixed64: "fixed64"
        case .fixed32: "fixed32"
        case .bool: "bool"
        case .string: "string"
        case .group: "group"
        case .message: "message"
        case .bytes: "bytes"
        case .uint32: "uint32"
        case .enum: "enum"
        case .sfixed32: "sfixed32"
        case .sfixed64: "sfixed64"
        case .sint32: "sint32"
        case .sint64: "sint64"
        }
    }
}
