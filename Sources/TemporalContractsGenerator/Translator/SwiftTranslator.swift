import Foundation

/// Turns contract models into view models: Swift names for wire names, Swift types for payload
/// types, code for declarations. Reports Swift identifier collisions that renaming creates.
///
/// Generated code names every type of another module with its module (`Swift.String`,
/// `TemporalContracts.WorkflowDefinition`), so no type of the contract or of the user's module can
/// take its place; see `QualifiedNames`.
public struct SwiftTranslator {
    let options: GeneratorOptions
    let generatorVersion: String
    var diagnostics = Diagnostics()
    /// Contracts by name, to qualify types of imported contracts.
    private let modelsByName: [String: ContractModel]
    /// The Swift name of every contract type.
    private let typeNames: [QualifiedTypeName: String]
    /// The contract that declares each swift-protobuf message's `ProtobufPayload` conformance: the
    /// first to use it, so services of one `.proto` file sharing messages declare it once.
    private var protobufPayloadOwners: [String: String] = [:]

    public init(options: GeneratorOptions, generatorVersion: String, models: [ContractModel]) {
        self.options = options
        self.generatorVersion = generatorVersion
        self.modelsByName = Dictionary(models.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var typeNames: [QualifiedTypeName: String] = [:]
        for model in models {
            for type in model.types {
                typeNames[QualifiedTypeName(contract: model.name, name: type.name)] = Self.typeName(type.name, in: model, options: options)
            }
        }
        self.typeNames = typeNames
        for model in models {
            for message in protobufMessages(model) where protobufPayloadOwners[message] == nil {
                protobufPayloadOwners[message] = model.name
            }
        }
    }

    /// A contract type's Swift name: `SwiftNaming.typeName`, with a trailing underscore when it would
    /// hide a namespace that generated code in this contract spells out (an imported contract, the
    /// module of the swift-protobuf messages).
    static func typeName(_ wireName: String, in model: ContractModel, options: GeneratorOptions) -> String {
        let name = SwiftNaming.typeName(wireName)
        let hidden = Set(model.importedContracts).union(options.protoMessagesModule.map { [$0] } ?? [])
        return hidden.contains(name) ? name + "_" : name
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

    func typeName(_ name: QualifiedTypeName) -> String {
        typeNames[name] ?? SwiftNaming.typeName(name.name)
    }

    // MARK: Shared pieces

    /// The header facts of a file of `model` that imports `imports`, the runtime's `Generated` SPI
    /// included when `usesGeneratedSPI`.
    func file(for model: ContractModel, imports: [String], usesGeneratedSPI: Bool = false, declaresNamespace: Bool) -> FileViewModel {
        FileViewModel(
            sourceFile: (model.file as NSString).lastPathComponent,
            generatorVersion: generatorVersion,
            imports: (imports + (options.outputsModule.map { [$0] } ?? [])).sorted().map {
                ImportViewModel(module: $0, spi: usesGeneratedSPI && $0 == QualifiedNames.runtimeModule)
            },
            namespace: model.name,
            access: access,
            namespaceDoc: Self.doc(model.description) + ["/// The payload types and definitions of the `\(model.name)` contract."],
            declaresNamespace: declaresNamespace
        )
    }

    /// The contract's description as doc comment lines, followed by an empty `///` line so the
    /// template's own sentence starts a paragraph; nothing when there is no description.
    static func doc(_ text: String?) -> [String] {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [] }
        let lines = text.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return trimmed.isEmpty ? "///" : "/// \(trimmed)"
            }
        return lines + ["///"]
    }

    /// The Swift spelling of a payload type, as seen from inside `contract`'s namespace; from
    /// outside every namespace when `contract` is empty.
    func swiftType(_ type: TypeReference, from contract: String) -> String {
        switch type {
        case .string: QualifiedNames.string
        case .integer: QualifiedNames.swift("Int")
        case .int32: QualifiedNames.swift("Int32")
        case .int64: QualifiedNames.swift("Int64")
        case .double: QualifiedNames.swift("Double")
        case .float: QualifiedNames.swift("Float")
        case .boolean: QualifiedNames.swift("Bool")
        case .bytes: QualifiedNames.foundation("Data")
        case .dateTime: QualifiedNames.foundation("Date")
        case .uuid: QualifiedNames.foundation("UUID")
        case .array(let element): "[\(swiftType(element, from: contract))]"
        case .map(let value): "[\(QualifiedNames.string): \(swiftType(value, from: contract))]"
        case .named(let name):
            name.contract == contract ? typeName(name) : "\(name.contract).\(typeName(name))"
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
            let name = typeName(QualifiedTypeName(contract: model.name, name: type.name))
            typeNames.append((name, type.name, type.location))
            var declaration = DeclarationViewModel(isFirst: declarations.isEmpty)
            switch type.kind {
            case .object(let properties):
                let names = properties.map { SwiftNaming.memberName($0.wireName) }
                checkCollisions(
                    zip(properties, names).map { ($1, $0.wireName, $0.location) },
                    what: "properties of '\(type.name)'"
                )
                declaration.structType = structType(name: name, type: type, properties: properties, contract: model.name)
            case .stringEnum(let values):
                let cases = values.map { (Self.caseName($0), $0) }
                checkCollisions(cases.map { ($0.0, $0.1, type.location) }, what: "enum values of '\(type.name)'")
                declaration.enumType = EnumViewModel(
                    doc: Self.doc(type.description),
                    name: name,
                    wireName: type.name,
                    access: access,
                    rawType: QualifiedNames.string,
                    cases: cases.map { caseName, value in
                        EnumCaseViewModel(
                            wireValue: value,
                            declaration: SwiftNaming.unescaped(caseName) == value
                                ? "case \(caseName)" : "case \(caseName) = \(SwiftNaming.stringLiteral(value))"
                        )
                    }
                )
            case .integerEnum(let cases):
                let named = cases.map { (Self.caseName($0.name), $0.name, $0.value) }
                checkCollisions(named.map { ($0.0, $0.1, type.location) }, what: "enum cases of '\(type.name)'")
                declaration.enumType = EnumViewModel(
                    doc: Self.doc(type.description),
                    name: name,
                    wireName: type.name,
                    access: access,
                    rawType: QualifiedNames.swift("Int"),
                    cases: named.map { EnumCaseViewModel(wireValue: "\($0.2)", declaration: "case \($0.0) = \($0.2)") }
                )
            case .alias(let target):
                declaration.alias = AliasViewModel(
                    doc: Self.doc(type.description),
                    name: name,
                    wireName: type.name,
                    access: access,
                    declaration: SwiftProperty("\(access)typealias", name, value: .text(swiftType(target, from: model.name)))
                        .code(indentation: 4)
                )
            }
            declarations.append(declaration)
        }
        for (owner, signature, location) in argumentOwners(model) {
            guard case .parameters(let parameters) = signature.input else { continue }
            let name = Self.argumentsTypeName(owner)
            typeNames.append((name, "\(owner) arguments", location))
            var declaration = DeclarationViewModel(isFirst: declarations.isEmpty)
            declaration.arguments = arguments(name: name, owner: owner, parameters: parameters, contract: model.name)
            declarations.append(declaration)
        }
        checkCollisions(typeNames, what: "types")
        let conformance = options.protoMessagesModule == nil ? "" : "@retroactive "
        let conformances = protobufMessages(model).filter { (protobufPayloadOwners[$0] ?? model.name) == model.name }.map {
            "extension \($0): \(conformance)\(QualifiedNames.runtime("ProtobufPayload")) {}"
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

    /// An enum case's name: a member name, and not `allCases`, which `CaseIterable` declares.
    static func caseName(_ value: String) -> String {
        let name = SwiftNaming.memberName(value)
        return name == "allCases" ? name + "_" : name
    }

    /// `ShipOrderArguments`, the positional arguments of `ShipOrder`.
    static func argumentsTypeName(_ owner: String) -> String {
        SwiftNaming.typeStem(owner) + "Arguments"
    }

    /// Properties the body of `encode(to:)` or `init(from:)` names after local names
    /// (`container`, `encoder`, `decoder`) are read through `self`.
    static func read(_ name: String, shadowedBy locals: Set<String>) -> String {
        locals.contains(SwiftNaming.unescaped(name)) ? "self.\(name)" : name
    }

    func structType(name: String, type: NamedType, properties: [Property], contract: String) -> StructViewModel {
        let members = properties.map { property in
            var type = swiftType(property.type, from: contract)
            if !property.isRequired { type += "?" }
            return (property: property, name: SwiftNaming.memberName(property.wireName), type: type)
        }
        let initializer = SwiftFunction(
            "\(access)init",
            members.map { SwiftParameter($0.name, $0.type, defaultValue: $0.property.isRequired ? nil : "nil") },
            body: members.map { .text("self.\($0.name) = \($0.name)") }
        )
        return StructViewModel(
            doc: Self.doc(type.description),
            name: name,
            indefiniteName: Prose.indefinite(name),
            wireName: type.name,
            access: access,
            properties: members.map { member in
                PropertyViewModel(
                    doc: Self.doc(member.property.description),
                    wireName: member.property.wireName,
                    isOptional: !member.property.isRequired,
                    declaration: SwiftProperty("\(access)var", member.name, type: member.type).code(indentation: 8)
                )
            },
            hasProperties: !members.isEmpty,
            initializer: initializer.code(indentation: 8),
            codingKeys: SwiftCode.joined(
                members.map { member in
                    SwiftNaming.unescaped(member.name) == member.property.wireName
                        ? "case \(member.name)" : "case \(member.name) = \(SwiftNaming.stringLiteral(member.property.wireName))"
                },
                indentation: 12
            ),
            encodeStatements: Self.statements(
                members.map { member in
                    let value = wireValue(member.property, swiftName: Self.read(member.name, shadowedBy: ["container", "encoder"]))
                    return .list(head: "try container.encode", items: [.text(value), .text("forKey: .\(member.name)")], tail: "")
                }
            )
        )
    }

    /// Statements of a member's body in the types file, as one block of text.
    static func statements(_ statements: [SwiftCode]) -> String {
        SwiftCode.joined(statements.flatMap { $0.lines(indentation: 12) }, indentation: 12)
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

    mutating func arguments(name: String, owner: String, parameters: [Parameter], contract: String) -> ArgumentsViewModel {
        let members = parameters.map {
            (parameter: $0, name: SwiftNaming.memberName($0.name), type: swiftType($0.type, from: contract))
        }
        checkCollisions(members.map { ($0.name, $0.parameter.name, $0.parameter.location) }, what: "parameters of '\(owner)'")
        let initializer = SwiftFunction(
            "\(access)init",
            members.map { SwiftParameter($0.name, $0.type) },
            body: members.map { .text("self.\($0.name) = \($0.name)") }
        )
        return ArgumentsViewModel(
            name: name,
            owner: owner,
            access: access,
            properties: members.map { member in
                PropertyViewModel(
                    doc: [],
                    wireName: member.parameter.name,
                    isOptional: false,
                    declaration: SwiftProperty("\(access)var", member.name, type: member.type).code(indentation: 8)
                )
            },
            initializer: initializer.code(indentation: 8),
            encodeStatements: Self.statements(
                members.map { member in
                    .list(head: "try encoder.encode", items: [.text(Self.read(member.name, shadowedBy: ["encoder"]))], tail: "")
                }
            ),
            decodeStatements: Self.statements(
                members.map { member in
                    .list(
                        head: "self.\(member.name) = try decoder.decode",
                        items: [.text("\(member.type).self"), .text("name: \(SwiftNaming.stringLiteral(member.parameter.name))")],
                        tail: ""
                    )
                }
            )
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
