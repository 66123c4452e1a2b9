import SwiftProtobuf

/// Checks that a descriptor set is self-consistent before swift-protobuf's `DescriptorSet` reads
/// it: that library traps on dangling type names or missing imports, and a descriptor set given
/// on the command line may be truncated, stale or hand-edited.
enum DescriptorSetChecker {
    /// The problems found, as messages; empty when the set can be read safely.
    static func problems(in set: Google_Protobuf_FileDescriptorSet) -> [String] {
        var problems: [String] = []
        var fileNames = Set<String>()
        var names = TypeNames()
        for file in set.file {
            if !fileNames.insert(file.name).inserted { problems.append("file '\(file.name)' appears twice") }
            if file.hasEdition {
                if ![.proto2, .proto3, .edition2023].contains(file.edition) {
                    problems.append("'\(file.name)' uses an unsupported edition")
                }
            } else if !["", "proto2", "proto3"].contains(file.syntax) {
                problems.append("'\(file.name)' has an unknown syntax '\(file.syntax)'")
            }
            let prefix = file.package.isEmpty ? "" : ".\(file.package)"
            for message in file.messageType { collect(message, prefix: prefix, into: &names, problems: &problems) }
            for enumeration in file.enumType { add(enumeration, prefix: prefix, into: &names, problems: &problems) }
        }
        for file in set.file {
            for dependency in file.dependency where !fileNames.contains(dependency) {
                problems.append("'\(file.name)' imports '\(dependency)', which the set does not contain")
            }
            for index in file.publicDependency + file.weakDependency where index < 0 || Int(index) >= file.dependency.count {
                problems.append("'\(file.name)' has an import index out of range")
            }
            for message in file.messageType { check(message, file: file.name, names: names, into: &problems) }
            for service in file.service {
                for method in service.method {
                    for type in [method.inputType, method.outputType] where !names.messages.contains(type) {
                        problems.append("method '\(service.name).\(method.name)' uses unknown type '\(type)'")
                    }
                }
            }
            check(fields: file.extension, owner: file.name, oneofCount: 0, file: file.name, names: names, into: &problems)
        }
        return problems
    }

    struct TypeNames {
        var messages = Set<String>()
        var enums = Set<String>()
    }

    static func collect(
        _ message: Google_Protobuf_DescriptorProto,
        prefix: String,
        into names: inout TypeNames,
        problems: inout [String]
    ) {
        let name = "\(prefix).\(message.name)"
        names.messages.insert(name)
        for nested in message.nestedType { collect(nested, prefix: name, into: &names, problems: &problems) }
        for enumeration in message.enumType { add(enumeration, prefix: name, into: &names, problems: &problems) }
    }

    static func add(
        _ enumeration: Google_Protobuf_EnumDescriptorProto,
        prefix: String,
        into names: inout TypeNames,
        problems: inout [String]
    ) {
        names.enums.insert("\(prefix).\(enumeration.name)")
        if enumeration.value.isEmpty { problems.append("enum '\(enumeration.name)' has no values") }
    }

    static func check(
        _ message: Google_Protobuf_DescriptorProto,
        file: String,
        names: TypeNames,
        into problems: inout [String]
    ) {
        check(
            fields: message.field + message.extension,
            owner: message.name,
            oneofCount: message.oneofDecl.count,
            file: file,
            names: names,
            into: &problems
        )
        for nested in message.nestedType { check(nested, file: file, names: names, into: &problems) }
    }

    static func check(
        fields: [Google_Protobuf_FieldDescriptorProto],
        owner: String,
        oneofCount: Int,
        file: String,
        names: TypeNames,
        into problems: inout [String]
    ) {
        for field in fields {
            let label = "field '\(owner).\(field.name)' in '\(file)'"
            switch field.type {
            case .message, .group:
                if !names.messages.contains(field.typeName) { problems.append("\(label) uses unknown message '\(field.typeName)'") }
            case .enum:
                if !names.enums.contains(field.typeName) { problems.append("\(label) uses unknown enum '\(field.typeName)'") }
            default:
                break
            }
            if field.hasExtendee, !names.messages.contains(field.extendee) {
                problems.append("\(label) extends unknown message '\(field.extendee)'")
            }
            if field.hasOneofIndex, field.oneofIndex < 0 || Int(field.oneofIndex) >= oneofCount {
                problems.append("\(label) names a oneof that does not exist")
            }
        }
    }
}
