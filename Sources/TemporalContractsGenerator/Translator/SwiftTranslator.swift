import Foundation

/// Turns contract models into view models: Swift names for wire names, Swift types for payload
/// types, literals for options. Reports Swift identifier collisions that renaming creates.
public struct SwiftTranslator {
    let options: GeneratorOptions
    let generatorVersion: String
    var diagnostics = Diagnostics()
    /// Contracts by name, to qualify types of imported contracts.
    private let modelsByName: [String: ContractModel]

    public init(options: GeneratorOptions, generatorVersion: String, models: [ContractModel]) {
        self.options = options
        self.generatorVersion = generatorVersion
        self.modelsByName = Dictionary(models.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var access: String {
        switch options.accessLevel {
        case .public: "public "
        case .package: "package "
        case .internal: ""
        }
    }

    func namedType(_ name: QualifiedTypeName) -> NamedType? {
        modelsByName[name.contract]?.types.first { $0.name == name.name }
    }

    // MARK: Shared pieces

    func file(for model: ContractModel, imports: [String], declaresNamespace: Bool) -> FileViewModel {
        FileViewModel(
            sourceFile: (model.file as NSString).lastPathComponent,
            generatorVersion: generatorVersion,
            imports: imports,
            namespace: model.name,
            access: access,
            namespaceDoc: ["/// The payload types and definitions of the `\(model.name)` contract."],
            declaresNamespace: declaresNamespace
        )
    }

    static func doc(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return trimmed.isEmpty ? "///" : "/// \(trimmed)"
            }
    }

    /// The Swift spelling of a payload type, as seen from inside `contract`'s namespace.
    func swiftType(_ type: TypeReference, from contract: String) -> String {
        switch type {
        case .string: "String"
        case .integer: "Int"
        case .int32: "Int32"
        case .int64: "Int64"
        case .double: "Double"
        case .float: "Float"
        case .boolean: "Bool"
        case .bytes: "Data"
        case .dateTime: "Date"
        case .uuid: "UUID"
        case .array(let element): "[\(swiftType(element, from: contract))]"
        case .map(let value): "[String: \(swiftType(value, from: contract))]"
        case .named(let name):
            name.contract == contract
                ? SwiftNaming.typeName(name.name) : "\(name.contract).\(SwiftNaming.typeName(name.name))"
        case .protoMessage(_, let swiftName):
            options.protoMessagesModule.map { "\($0).\(swiftName)" } ?? swiftName
        }
    }

    /// Swift names must stay distinct after renaming; report the later of two that collide.
    mutating func checkCollisions(_ names: [(swift: String, wire: String, location: SourceLocation)], what: String) {
        var seen: [String: (wire: String, location: SourceLocation)] = [:]
        for entry in names {
            let key = SwiftNaming.unescaped(entry.swift)
            if let earlier = seen[key] {
                diagnostics.error(
                    "\(what) '\(entry.wire)' and '\(earlier.wire)' both become the Swift name '\(key)'",
                    at: entry.location,
                    hint: "rename one of them in the contract (the other is at \(earlier.location.description))"
                )
            } else {
                seen[key] = (entry.wire, entry.location)
            }
        }
    }

    // MARK: Types file

    mutating func types(for model: ContractModel) -> TypesViewModel {
        var declarations: [DeclarationViewModel] = []
        var typeNames: [(swift: String, wire: String, location: SourceLocation)] = []
        for type in model.types {
            let name = SwiftNaming.typeName(type.name)
            typeNames.append((name, type.name, type.location))
            var declaration = DeclarationViewModel(isFirst: declarations.isEmpty)
            switch type.kind {
            case .object(let properties):
                let structType = structType(name: name, type: type, properties: properties, contract: model.name)
                checkCollisions(
                    zip(properties, structType.properties).map { ($1.name, $0.wireName, $0.location) },
                    what: "properties of '\(type.name)'"
                )
                declaration.structType = structType
            case .stringEnum(let values):
                let cases = values.map { value in
                    (SwiftNaming.memberName(value), value)
                }
                checkCollisions(cases.map { ($0.0, $0.1, type.location) }, what: "enum values of '\(type.name)'")
                declaration.enumType = EnumViewModel(
                    doc: Self.doc(type.description),
                    name: name,
                    access: access,
                    rawType: "String",
                    cases: cases.map { caseName, value in
                        EnumCaseViewModel(
                            declaration: SwiftNaming.unescaped(caseName) == value
                                ? "case \(caseName)" : "case \(caseName) = \(SwiftNaming.stringLiteral(value))"
                        )
                    }
                )
            case .integerEnum(let cases):
                let named = cases.map { (SwiftNaming.memberName($0.name), $0.name, $0.value) }
                checkCollisions(named.map { ($0.0, $0.1, type.location) }, what: "enum cases of '\(type.name)'")
                declaration.enumType = EnumViewModel(
                    doc: Self.doc(type.description),
                    name: name,
                    access: access,
                    rawType: "Int",
                    cases: named.map { EnumCaseViewModel(declaration: "case \($0.0) = \($0.2)") }
                )
            case .alias(let target):
                declaration.alias = AliasViewModel(
                    doc: Self.doc(type.description),
                    name: name,
                    access: access,
                    type: swiftType(target, from: model.name)
                )
            }
            declarations.append(declaration)
        }
        for (owner, signature, location) in argumentOwners(model) {
            guard case .parameters(let parameters) = signature.input else { continue }
            let name = SwiftNaming.typeName(owner) + "Arguments"
            typeNames.append((name, "\(owner) arguments", location))
            var declaration = DeclarationViewModel(isFirst: declarations.isEmpty)
            declaration.arguments = arguments(name: name, owner: owner, parameters: parameters, contract: model.name)
            declarations.append(declaration)
        }
        checkCollisions(typeNames, what: "types")
        let conformances = protobufMessages(model).map {
            ProtobufConformanceViewModel(
                typeName: $0,
                conformance: options.protoMessagesModule == nil ? "ProtobufPayload" : "@retroactive ProtobufPayload"
            )
        }
        let imports =
            (["Foundation", "TemporalContracts"]
            + (model.format == .proto ? ["TemporalContractsProtobuf"] : [])
            + (options.protoMessagesModule.map { [$0] } ?? [])).sorted()
        return TypesViewModel(
            file: file(for: model, imports: imports, declaresNamespace: true),
            declarations: declarations,
            hasDeclarations: !declarations.isEmpty,
            protobufConformances: conformances,
            hasProtobufConformances: !conformances.isEmpty
        )
    }

    func structType(name: String, type: NamedType, properties: [Property], contract: String) -> StructViewModel {
        let rendered = properties.map { property -> PropertyViewModel in
            let swiftName = SwiftNaming.memberName(property.wireName)
            var swiftType = self.swiftType(property.type, from: contract)
            if !property.isRequired { swiftType += "?" }
            let key = SwiftNaming.unescaped(swiftName)
            return PropertyViewModel(
                doc: Self.doc(property.description),
                name: swiftName,
                type: swiftType,
                wireName: property.wireName,
                codingKeyCase: key == property.wireName
                    ? "case \(swiftName)" : "case \(swiftName) = \(SwiftNaming.stringLiteral(property.wireName))",
                encodeStatement: "try container.encode(\(wireValue(property, swiftName: swiftName)), forKey: .\(swiftName))"
            )
        }
        return StructViewModel(
            doc: Self.doc(type.description),
            name: name,
            access: access,
            properties: rendered,
            hasProperties: !rendered.isEmpty,
            initializerLines: initializer(
                zip(properties, rendered).map { property, view in
                    "\(view.name): \(view.type)" + (property.isRequired ? "" : " = nil")
                }
            )
        )
    }

    /// Generated lines stay within 120 columns, as swift-format's default would keep them.
    static let lineLimit = 120

    /// The initializer's first line(s), ending with `{`; members are indented 8 columns.
    func initializer(_ parameters: [String]) -> [String] {
        let oneLine = "\(access)init(\(parameters.joined(separator: ", "))) {"
        if oneLine.count + 8 <= Self.lineLimit { return [oneLine] }
        return ["\(access)init("]
            + parameters.enumerated().map { index, parameter in
                "    " + parameter + (index == parameters.count - 1 ? "" : ",")
            } + [") {"]
    }

    /// UUIDs are written in lowercase, as the Python, Go and TypeScript SDKs write them.
    func wireValue(_ property: Property, swiftName: String) -> String {
        let optional = property.isRequired ? "" : "?"
        switch property.type {
        case .uuid: return "\(swiftName)\(optional).uuidString.lowercased()"
        case .array(.uuid): return "\(swiftName)\(optional).map { $0.uuidString.lowercased() }"
        case .map(.uuid): return "\(swiftName)\(optional).mapValues { $0.uuidString.lowercased() }"
        default: return swiftName
        }
    }

    mutating func arguments(
        name: String,
        owner: String,
        parameters: [Parameter],
        contract: String
    )
        -> ArgumentsViewModel
    {
        let rendered = parameters.map {
            ArgumentViewModel(
                name: SwiftNaming.memberName($0.name),
                type: swiftType($0.type, from: contract),
                wireName: SwiftNaming.stringLiteral($0.name)
            )
        }
        checkCollisions(
            zip(parameters, rendered).map { ($1.name, $0.name, $0.location) },
            what: "parameters of '\(owner)'"
        )
        return ArgumentsViewModel(
            doc: ["/// The arguments of `\(owner)`, sent as one payload each, in this order."],
            name: name,
            access: access,
            parameters: rendered,
            initializerLines: initializer(rendered.map { "\($0.name): \($0.type)" })
        )
    }

    /// Everything that may take positional parameters, in contract order.
    func argumentOwners(_ model: ContractModel) -> [(String, HandlerSignature, SourceLocation)] {
        model.workflows.map { ($0.key, $0.signature, $0.location) }
            + (model.signals + model.queries + model.updates).map { ($0.key, $0.signature, $0.location) }
            + model.activities.map { ($0.key, $0.signature, $0.location) }
    }

    /// The swift-protobuf messages a `.proto` contract sends, each declared a payload once.
    func protobufMessages(_ model: ContractModel) -> [String] {
        guard model.format == .proto else { return [] }
        var seen = Set<String>()
        var messages: [String] = []
        for (_, signature, _) in argumentOwners(model) {
            for type in signature.inputTypes + [signature.output].compactMap({ $0 }) {
                guard case .protoMessage = type else { continue }
                let name = swiftType(type, from: model.name)
                if seen.insert(name).inserted { messages.append(name) }
            }
        }
        return messages.sorted()
    }
}

extension DeclarationViewModel {
    init(isFirst: Bool) {
        self.init(isFirst: isFirst, structType: nil, enumType: nil, alias: nil, arguments: nil)
    }
}
