/// Reports, before anything is generated, the names a contract gives that its generated Swift
/// cannot take. Most collisions need no author: generated code names every type it borrows with
/// its module (`QualifiedNames`), and a contract type named like a generated declaration or a
/// module takes a trailing underscore (`SwiftNaming.typeName`). What is left are names the
/// generated API itself needs, where only the author can choose the other name; each is reported
/// where the contract writes it, with a rename to use.
public struct SwiftNameValidator {
    let options: GeneratorOptions
    var diagnostics = Diagnostics()

    /// The errors of `models`, checked together: a contract's generated code names the contracts
    /// it imports.
    public static func check(_ models: [ContractModel], options: GeneratorOptions) -> Diagnostics {
        var validator = SwiftNameValidator(options: options)
        let byName = Dictionary(models.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for model in models {
            let declared = validator.declaredTypeNames(model)
            validator.checkWorkflowTypeNames(model)
            validator.checkImports(model, declared: declared, contracts: byName)
            validator.checkProtoMessages(model, declared: declared, contracts: Set(byName.keys))
        }
        return validator.diagnostics
    }

    /// The types generated code declares in `model`'s namespace, each with what declares it.
    func declaredTypeNames(_ model: ContractModel) -> [String: String] {
        var names: [String: String] = [:]
        for name in SwiftNaming.generatedTypeNames { names[name] = "the generated `\(model.name).\(name)`" }
        for type in model.types { names[SwiftTranslator.typeName(type.name, in: model, options: options)] = "type '\(type.name)'" }
        for workflow in model.workflows {
            let stem = SwiftNaming.typeStem(workflow.key)
            names[stem + "Handle"] = "the handle of workflow '\(workflow.key)'"
            names[stem + "Workflow"] = "the protocol of workflow '\(workflow.key)'"
        }
        let owners =
            model.workflows.map { ($0.key, $0.signature) } + (model.signals + model.queries + model.updates).map { ($0.key, $0.signature) }
            + model.activities.map { ($0.key, $0.signature) }
        for (key, signature) in owners {
            if case .parameters = signature.input { names[SwiftTranslator.argumentsTypeName(key)] = "the arguments of '\(key)'" }
        }
        return names
    }

    /// A workflow's handle and protocol take names of their own beside the contract's types.
    mutating func checkWorkflowTypeNames(_ model: ContractModel) {
        let typeNames = Dictionary(
            model.types.map { (SwiftTranslator.typeName($0.name, in: model, options: options), $0.name) },
            uniquingKeysWith: { first, _ in first }
        )
        for workflow in model.workflows {
            for suffix in ["Handle", "Workflow"] {
                let generated = SwiftNaming.typeStem(workflow.key) + suffix
                guard let type = typeNames[generated] else { continue }
                diagnostics.error(
                    "workflow '\(workflow.key)' needs the Swift type name '\(generated)', which type '\(type)' already has",
                    at: workflow.location,
                    hint: "rename the type, e.g. to '\(type)Info', or the workflow"
                )
            }
        }
    }

    /// Generated code names an imported contract's types through its namespace (`Common.Money`),
    /// which a type of the same name declared in the importing namespace would hide.
    mutating func checkImports(_ model: ContractModel, declared: [String: String], contracts: [String: ContractModel]) {
        for name in model.importedContracts {
            guard let imported = contracts[name], let declaration = declared[name] else { continue }
            diagnostics.error(
                "the contract name '\(name)' is also \(declaration) in contract '\(model.name)', which imports it",
                at: imported.nameLocation,
                hint: "rename the contract, e.g. to '\(name)Contract'"
            )
        }
    }

    /// swift-protobuf names a message of a file without a package by its own name, at the top level
    /// of the module: it must not be the name of a declaration in the namespace, of a contract, or
    /// of a module generated code names types through.
    mutating func checkProtoMessages(_ model: ContractModel, declared: [String: String], contracts: Set<String>) {
        guard model.format == .proto, options.protoMessagesModule == nil else { return }
        var reported = Set<String>()
        let uses =
            model.workflows.map { ($0.signature, $0.location) }
            + (model.signals + model.queries + model.updates).map { ($0.signature, $0.location) }
            + model.activities.map { ($0.signature, $0.location) }
        for (signature, location) in uses {
            for type in signature.inputTypes + [signature.output].compactMap({ $0 }) {
                guard case .protoMessage(let fullName, let swiftName) = type,
                    let first = swiftName.split(separator: ".").first.map(String.init)
                else { continue }
                let clash: String? =
                    if let declaration = declared[first] {
                        "\(declaration) in contract '\(model.name)'"
                    } else if contracts.contains(first) {
                        "contract '\(first)'"
                    } else if SwiftNaming.moduleNames.contains(first) {
                        "the module '\(first)'"
                    } else {
                        nil
                    }
                guard let clash, reported.insert(fullName).inserted else { continue }
                diagnostics.error(
                    "message '\(fullName)' becomes the Swift type '\(first)', the name of \(clash)",
                    at: location,
                    hint: "give its .proto file a package, which prefixes the Swift name, or rename the message, e.g. to '\(first)Message'"
                )
            }
        }
    }
}
