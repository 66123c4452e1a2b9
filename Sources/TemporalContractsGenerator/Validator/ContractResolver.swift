import Foundation

/// Turns located syntax into the contract model, resolving every reference and checking every rule.
/// It reports all problems of all contracts in one pass and still returns a model for the parts that
/// were fine, so later stages can add their own findings.
public struct ContractResolver {
    /// A parsed contract file and the paths its imports resolved to, in `imports:` order.
    public struct Input: Sendable {
        public var syntax: ContractSyntax
        public var importedFiles: [String]

        public init(syntax: ContractSyntax, importedFiles: [String] = []) {
            self.syntax = syntax
            self.importedFiles = importedFiles
        }
    }

    static let supportedVersion = 1

    // Internal, not private: the extensions in ContractResolver+*.swift share this state.
    var diagnostics = Diagnostics()
    var contractNameByFile: [String: String] = [:]
    var syntaxByName: [String: ContractSyntax] = [:]
    var importsByName: [String: [String]] = [:]
    /// The type names each contract can see, computed once: every `$ref` looks them up.
    var visibleTypeNamesByContract: [String: VisibleTypeNames] = [:]
    /// Where each alias was written, by element (`aliasElement`) and alias: the models keep the
    /// names only, and `checkUniqueWireNames` points at the alias it reports.
    var aliasLocations: [String: [String: SourceLocation]] = [:]

    public init() {}

    /// Resolves all contracts; the models come in the input order.
    public static func resolve(_ inputs: [Input]) -> ([ContractModel], Diagnostics) {
        var resolver = ContractResolver()
        let models = resolver.resolve(inputs)
        return (models, resolver.diagnostics)
    }

    mutating func resolve(_ inputs: [Input]) -> [ContractModel] {
        for input in inputs where !input.syntax.isUnreadable {
            let syntax = input.syntax
            if let version = syntax.version {
                if version.value != Self.supportedVersion {
                    diagnostics.error(
                        "unsupported contract format version \(version.value)",
                        at: version.location,
                        hint: "this generator reads `contract: \(Self.supportedVersion)`"
                    )
                }
            } else if syntax.format == .yaml {
                diagnostics.error(
                    "the contract does not state its format version",
                    at: SourceLocation(file: syntax.file, line: 1, column: 1),
                    hint: "add `contract: \(Self.supportedVersion)` at the top"
                )
            }
            guard let name = syntax.name else {
                diagnostics.error(
                    "the contract has no 'name'",
                    at: SourceLocation(file: syntax.file, line: 1, column: 1),
                    hint: "add `name: Orders`; it becomes the Swift namespace of the generated code"
                )
                continue
            }
            if SwiftNaming.reservedContractNames.contains(name.value) {
                let hidden =
                    SwiftNaming.moduleNames.contains(name.value)
                    ? "the module of that name, which generated code names types through"
                    : "Swift's own '\(name.value)' in the module of the generated code"
                diagnostics.error(
                    "the contract name '\(name.value)' would hide \(hidden)",
                    at: name.location,
                    hint: "rename the contract, e.g. `\(name.value)Contract`"
                )
                continue
            }
            if !SwiftNaming.isValidTypeName(name.value) {
                diagnostics.error(
                    "the contract name '\(name.value)' is not a Swift type name",
                    at: name.location,
                    hint: "use letters and digits starting with an uppercase letter, e.g. `OrderService`"
                )
                continue
            }
            if let other = syntaxByName[name.value] {
                diagnostics.error(
                    "two contracts are named '\(name.value)' (the other is \(other.file))",
                    at: name.location,
                    hint: "contract names become Swift namespaces and must be unique"
                )
                continue
            }
            syntaxByName[name.value] = syntax
            contractNameByFile[syntax.file] = name.value
        }
        // A `.proto` file may declare several services, each its own contract: go by the syntax's name.
        for input in inputs {
            guard let name = input.syntax.name?.value, syntaxByName[name]?.file == input.syntax.file else { continue }
            importsByName[name] = input.importedFiles.compactMap { contractNameByFile[$0] }
        }
        for name in syntaxByName.keys {
            visibleTypeNamesByContract[name] = visibleTypeNames(from: name)
        }
        var models: [ContractModel] = []
        for input in inputs {
            guard let name = input.syntax.name?.value, syntaxByName[name]?.file == input.syntax.file
            else { continue }
            models.append(resolveContract(input.syntax, name: name))
        }
        checkUniqueWireNames(models)
        return models
    }

    // MARK: Contract

    mutating func resolveContract(_ syntax: ContractSyntax, name: String) -> ContractModel {
        var model = ContractModel(file: syntax.file, format: syntax.format, name: name)
        if let location = syntax.name?.location { model.nameLocation = location }
        model.description = syntax.description
        model.taskQueue = syntax.taskQueue.flatMap { nonEmpty($0, what: "'taskQueue'") }
        model.importedContracts = importsByName[name] ?? []
        model.protoFieldSwiftNames = syntax.protoMessageFields.mapValues { fields in
            Dictionary(fields.map { ($0.wireName.value, $0.swiftName ?? $0.wireName.value) }, uniquingKeysWith: { a, _ in a })
        }
        model.protoMessages = syntax.protoMessages
        model.types = syntax.types.compactMap { resolveType($0, in: syntax, contract: name) }
        model.signals = syntax.signals.map { resolveHandler($0, kind: .signal, in: syntax, contract: name) }
        model.queries = syntax.queries.map { resolveHandler($0, kind: .query, in: syntax, contract: name) }
        model.updates = syntax.updates.map { resolveHandler($0, kind: .update, in: syntax, contract: name) }
        model.activities = syntax.activities.map { resolveActivity($0, in: syntax, contract: name, model: model) }
        model.searchAttributes = resolveSearchAttributes(syntax.searchAttributes)
        model.workflows = syntax.workflows.map { resolveWorkflow($0, in: syntax, contract: name, model: model) }
        checkRecursiveTypes(model)
        return model
    }
}
