import Foundation

extension ContractDocumentation {
    // MARK: Types

    mutating func typeEntry(_ type: NamedType, in model: ContractModel) -> TypeViewModel {
        let name = QualifiedTypeName(contract: model.name, name: type.name)
        var facts = [fact("Swift name", [code(translator.swiftType(.named(name), from: ""))])]
        var fields: [FieldViewModel] = []
        var values: [EnumValueViewModel] = []
        switch type.kind {
        case .object(let properties):
            facts.append(fact("Kind", [text("object")]))
            fields = properties.map { property in
                let optional = property.isRequired ? "" : "?"
                return FieldViewModel(
                    name: markup.cellCode(property.wireName),
                    swift: markup.cellCode(
                        "\(SwiftNaming.memberName(property.wireName)): \(swiftType(property.type, in: model))\(optional)"
                    ),
                    type: typeRuns(property.type, from: model, inCell: true),
                    required: property.isRequired ? "yes" : "no",
                    format: Self.format(of: property.type).map { markup.cellCode($0) },
                    description: markup.cellText(property.description ?? "")
                )
            }
        case .stringEnum(let cases):
            facts.append(fact("Kind", [text("string enum")]))
            values = cases.map { value in
                EnumValueViewModel(
                    value: markup.cellCode(JSONValue.string(value).printed),
                    detail: markup.cellCode("." + SwiftNaming.unescaped(SwiftTranslator.caseName(value)))
                )
            }
        case .integerEnum(let cases):
            facts.append(fact("Kind", [text("integer enum")]))
            values = cases.map { entry in
                EnumValueViewModel(
                    value: markup.cellCode(String(entry.value)),
                    detail: markup.cellCode("." + SwiftNaming.unescaped(SwiftTranslator.caseName(entry.name)))
                )
            }
        case .alias(let target):
            facts.append(fact("Kind", [text("alias")]))
            facts.append(fact("Type", typeRuns(target, from: model)))
            if let format = Self.format(of: target) { facts.append(fact("Format", [code(format)])) }
        }
        let example = examples.example(of: .named(name)).printed
        let description = Self.paragraphs(type.description)
        return TypeViewModel(
            anchor: Self.anchor("type", type.name),
            name: markup.code(type.name),
            description: description,
            hasDescription: !description.isEmpty,
            facts: facts,
            fields: fields,
            hasFields: !fields.isEmpty,
            values: values,
            hasValues: !values.isEmpty,
            valueDetailHeading: "Swift case",
            example: example,
            fence: DocumentationMarkup.blockFence(for: example)
        )
    }

    /// The Swift spelling of a payload type in the generated code, seen from inside the contract's
    /// namespace, without the `Swift.` and `Foundation.` that generated code writes to stay clear
    /// of contract types of the same names.
    func swiftType(_ type: TypeReference, in model: ContractModel) -> String {
        var spelling = translator.swiftType(type, from: model.name)
        for module in ["Swift.", "Foundation."] where spelling.contains(module) {
            var result = ""
            var rest = Substring(spelling)
            while let range = rest.range(of: module) {
                // Only a whole name: `Swift.` after a bracket, space or colon, not `MySwift.`.
                let before = rest[..<range.lowerBound]
                let previous = before.last ?? result.last
                let atBoundary = previous.map { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") } ?? true
                result += before + (atBoundary ? "" : module)
                rest = rest[range.upperBound...]
            }
            spelling = result + rest
        }
        return spelling
    }

    /// The JSON type of a payload, with a link to the declaration of a named type or message.
    func typeRuns(_ type: TypeReference, from model: ContractModel, inCell: Bool = false) -> [TextRunViewModel] {
        switch type {
        case .string, .bytes, .dateTime, .uuid: [text("string")]
        case .integer, .int32, .int64: [text("integer")]
        case .double, .float: [text("number")]
        case .boolean: [text("boolean")]
        case .array(let element): [text("array of ")] + typeRuns(element, from: model, inCell: inCell)
        case .map(let element): [text("map of ")] + typeRuns(element, from: model, inCell: inCell)
        case .named(let name):
            [
                link(
                    code(name.contract == model.name ? name.name : "\(name.contract).\(name.name)", inCell: inCell),
                    href(Self.anchor("type", name.name), in: name.contract, from: model.name)
                )
            ]
        case .protoMessage(let fullName, _): [messageLink(fullName, from: model, inCell: inCell)]
        }
    }

    /// The `format` of a scalar, or of the scalar an array or map holds.
    static func format(of type: TypeReference) -> String? {
        switch type {
        case .int32: "int32"
        case .int64: "int64"
        case .double: "double"
        case .float: "float"
        case .bytes: "byte"
        case .dateTime: "date-time"
        case .uuid: "uuid"
        case .array(let element), .map(let element): format(of: element)
        case .string, .integer, .boolean, .named, .protoMessage: nil
        }
    }

    // MARK: Protobuf messages

    mutating func messageEntry(_ message: ProtoMessageModel, in model: ContractModel) -> TypeViewModel {
        var facts: [FactViewModel] = []
        if let swiftName = messageSwiftNames[message.fullName] { facts.append(fact("Swift name", [code(swiftName)])) }
        facts.append(fact("Kind", [text(message.isEnum ? "protobuf enum" : "protobuf message")]))
        let swiftNames = model.protoFieldSwiftNames[message.fullName] ?? [:]
        let fields = message.fields.map { field in
            FieldViewModel(
                name: markup.cellCode(field.jsonName),
                swift: swiftNames[field.jsonName].map { markup.cellCode($0) },
                type: messageFieldRuns(field, of: message, from: model),
                required: "no",
                format: nil,
                description: markup.cellText(
                    (["proto field \(field.name) = \(field.number)"] + [Self.jsonSpelling(of: field.type)].compactMap { $0 }).joined(
                        separator: "; "
                    )
                )
            )
        }
        let values = message.enumValues.sorted { $0.key < $1.key }.map { number, name in
            EnumValueViewModel(value: markup.cellCode(JSONValue.string(name).printed), detail: markup.cellCode(String(number)))
        }
        let example = examples.example(ofMessage: message.fullName).printed
        return TypeViewModel(
            anchor: Self.anchor("message", message.fullName),
            name: markup.code(message.fullName),
            description: [],
            hasDescription: false,
            facts: facts,
            fields: fields,
            hasFields: !fields.isEmpty,
            values: values,
            hasValues: !values.isEmpty,
            valueDetailHeading: "Number",
            example: example,
            fence: DocumentationMarkup.blockFence(for: example)
        )
    }

    /// A field's protobuf type, maps and repeated fields spelled out, messages and enums linked.
    func messageFieldRuns(_ field: ProtoMessageModel.Field, of message: ProtoMessageModel, from model: ContractModel) -> [TextRunViewModel]
    {
        if field.isRepeated, let entry = examples.mapEntry(field, of: message),
            let key = entry.fields.first(where: { $0.number == 1 }), let value = entry.fields.first(where: { $0.number == 2 })
        {
            return [text("map<\(key.type), ")] + messageFieldRuns(value, of: entry, from: model) + [text(">")]
        }
        let single: TextRunViewModel
        if let typeName = field.typeName {
            single = messageLink(typeName, from: model, inCell: true)
        } else {
            single = text(field.type)
        }
        return field.isRepeated ? [text("repeated "), single] : [single]
    }

    /// A message's full name, linked to its section on the page of a contract that documents it.
    func messageLink(_ fullName: String, from model: ContractModel, inCell: Bool) -> TextRunViewModel {
        let run = code(fullName, inCell: inCell)
        guard !fullName.hasPrefix("google.protobuf.") else { return run }
        let owner =
            model.protoMessages[fullName] != nil ? model.name : models.first { $0.protoMessages[fullName] != nil }?.name
        guard let owner else { return run }
        return link(run, href(Self.anchor("message", fullName), in: owner, from: model.name))
    }

    /// How protobuf JSON writes a scalar when it differs from the protobuf type.
    static func jsonSpelling(of protoType: String) -> String? {
        switch protoType {
        case "int64", "sint64", "sfixed64", "uint64", "fixed64": "a string in JSON"
        case "bytes": "base64 in JSON"
        case "enum": "the value's name in JSON"
        default: nil
        }
    }
}
