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

    private var diagnostics = Diagnostics()
    private var contractNameByFile: [String: String] = [:]
    private var syntaxByName: [String: ContractSyntax] = [:]
    private var importsByName: [String: [String]] = [:]
    /// The type names each contract can see, computed once: every `$ref` looks them up.
    private var visibleTypeNamesByContract: [String: [QualifiedTypeName]] = [:]

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
        for input in inputs {
            guard let name = contractNameByFile[input.syntax.file] else { continue }
            importsByName[name] = input.importedFiles.compactMap { contractNameByFile[$0] }
        }
        for name in syntaxByName.keys {
            visibleTypeNamesByContract[name] = visibleTypeNames(from: name)
        }
        var models: [ContractModel] = []
        for input in inputs {
            guard let name = contractNameByFile[input.syntax.file], syntaxByName[name]?.file == input.syntax.file
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
        model.types = syntax.types.compactMap { resolveType($0, in: syntax, contract: name) }
        model.signals = syntax.signals.map { resolveHandler($0, kind: .signal, in: syntax, contract: name) }
        model.queries = syntax.queries.map { resolveHandler($0, kind: .query, in: syntax, contract: name) }
        model.updates = syntax.updates.map { resolveHandler($0, kind: .update, in: syntax, contract: name) }
        model.activities = syntax.activities.map { resolveActivity($0, in: syntax, contract: name, model: model) }
        model.workflows = syntax.workflows.map { resolveWorkflow($0, in: syntax, contract: name, model: model) }
        checkRecursiveTypes(model)
        return model
    }

    mutating func nonEmpty(_ value: Located<String>, what: String) -> String? {
        if value.value.isEmpty {
            diagnostics.error("\(what) is empty", at: value.location)
            return nil
        }
        return value.value
    }

    // MARK: Types

    mutating func resolveType(
        _ declaration: TypeDeclarationSyntax,
        in syntax: ContractSyntax,
        contract: String
    )
        -> NamedType?
    {
        let node = declaration.schema
        let kind: NamedType.Kind
        switch node.schema {
        case .object(let properties):
            kind = .object(resolveProperties(properties, in: syntax, contract: contract, owner: declaration.name.value))
        case .enumeration(let enumeration):
            guard let resolved = resolveEnum(enumeration, location: node.location, owner: declaration.name.value) else {
                return nil
            }
            kind = resolved
        default:
            guard let type = resolveSchema(node, in: syntax, contract: contract) else { return nil }
            kind = .alias(type)
        }
        return NamedType(
            name: declaration.name.value,
            description: node.description,
            kind: kind,
            location: declaration.name.location
        )
    }

    mutating func resolveProperties(
        _ properties: [PropertySyntax],
        in syntax: ContractSyntax,
        contract: String,
        owner: String
    ) -> [Property] {
        properties.compactMap { property in
            if case .object = property.type.schema {
                diagnostics.error(
                    "property '\(property.wireName.value)' of '\(owner)' declares an inline object",
                    at: property.type.location,
                    hint: "declare the object under `types:` and write `$ref: TypeName` here"
                )
                return nil
            }
            if case .enumeration = property.type.schema {
                diagnostics.error(
                    "property '\(property.wireName.value)' of '\(owner)' declares an inline enum",
                    at: property.type.location,
                    hint: "declare the enum under `types:` and write `$ref: TypeName` here, so every language names it the same"
                )
                return nil
            }
            guard let type = resolveSchema(property.type, in: syntax, contract: contract) else { return nil }
            return Property(
                wireName: property.wireName.value,
                type: type,
                isRequired: property.isRequired,
                description: property.type.description,
                location: property.wireName.location
            )
        }
    }

    mutating func resolveEnum(_ enumeration: EnumSyntax, location: SourceLocation, owner: String) -> NamedType.Kind? {
        switch enumeration.cases {
        case .strings(let values):
            guard !values.isEmpty else {
                diagnostics.error("enum '\(owner)' has no values", at: location, hint: "list its values under 'enum'")
                return nil
            }
            var seen = Set<String>()
            for value in values where !seen.insert(value.value).inserted {
                diagnostics.error("enum '\(owner)' lists '\(value.value)' twice", at: value.location)
            }
            return .stringEnum(values.map(\.value))
        case .integers(let values, let names):
            guard !values.isEmpty else {
                diagnostics.error("enum '\(owner)' has no values", at: location, hint: "list its values under 'enum'")
                return nil
            }
            guard names.count == values.count else {
                diagnostics.error(
                    "integer enum '\(owner)' has \(values.count) values but \(names.count) names",
                    at: names.first?.location ?? location,
                    hint: "name each value in order with `x-enum-varnames: [red, green, ...]`"
                )
                return nil
            }
            var seen = Set<Int>()
            for value in values where !seen.insert(value.value).inserted {
                diagnostics.error("enum '\(owner)' lists \(value.value) twice", at: value.location)
            }
            return .integerEnum(zip(names, values).map { (name: $0.value, value: $1.value) })
        }
    }

    /// Resolves a schema used as a property, item or handler type.
    mutating func resolveSchema(_ node: SchemaNode, in syntax: ContractSyntax, contract: String) -> TypeReference? {
        switch node.schema {
        case .reference(let name):
            return resolveReference(name, in: syntax, contract: contract)
        case .scalar(let type, let format):
            return resolveScalar(type: type, format: format)
        case .array(let items):
            return resolveSchema(items, in: syntax, contract: contract).map(TypeReference.array)
        case .map(let values):
            return resolveSchema(values, in: syntax, contract: contract).map(TypeReference.map)
        case .object:
            diagnostics.error(
                "an inline object cannot be used here",
                at: node.location,
                hint: "declare the object under `types:` and refer to it by name"
            )
            return nil
        case .enumeration:
            diagnostics.error(
                "an inline enum cannot be used here",
                at: node.location,
                hint: "declare the enum under `types:` and refer to it by name"
            )
            return nil
        case .protoMessage(let fullName, let swiftName):
            return .protoMessage(fullName: fullName, swiftName: swiftName)
        case .protoEmpty:
            return nil
        }
    }

    mutating func resolveScalar(type: Located<String>, format: Located<String>?) -> TypeReference? {
        switch (type.value, format?.value) {
        case ("string", nil): return .string
        case ("string", "date-time"): return .dateTime
        case ("string", "uuid"): return .uuid
        case ("string", "byte"), ("string", "binary"): return .bytes
        case ("string", .some(let other)):
            diagnostics.warning(
                "string format '\(other)' has no Swift type of its own; the property is a String",
                at: format?.location ?? type.location,
                hint: "formats with a Swift type: date-time, uuid, byte"
            )
            return .string
        case ("integer", nil): return .integer
        case ("integer", "int32"): return .int32
        case ("integer", "int64"): return .int64
        case ("number", nil), ("number", "double"): return .double
        case ("number", "float"): return .float
        case ("boolean", nil): return .boolean
        case ("integer", .some(let other)), ("number", .some(let other)), ("boolean", .some(let other)):
            diagnostics.error(
                "format '\(other)' is not supported for type '\(type.value)'",
                at: format?.location ?? type.location,
                hint: type.value == "integer" ? "use int32 or int64" : type.value == "number" ? "use double or float" : "remove 'format'"
            )
            return nil
        case ("object", _), ("array", _):
            return nil
        default:
            diagnostics.error(
                "unknown type '\(type.value)'",
                at: type.location,
                hint: YAMLNodeReader.suggestion(
                    for: type.value,
                    among: ["string", "integer", "number", "boolean", "array", "object"]
                )
            )
            return nil
        }
    }

    /// Type names visible from a contract: its own, then those of its direct imports.
    func visibleTypeNames(from contract: String) -> [QualifiedTypeName] {
        if let cached = visibleTypeNamesByContract[contract] { return cached }
        return ([contract] + (importsByName[contract] ?? [])).flatMap { owner in
            (syntaxByName[owner]?.types ?? []).map { QualifiedTypeName(contract: owner, name: $0.name.value) }
        }
    }

    mutating func resolveReference(
        _ name: Located<String>,
        in syntax: ContractSyntax,
        contract: String
    )
        -> TypeReference?
    {
        guard !name.value.isEmpty else { return nil }  // already reported where the schema was read
        let visible = visibleTypeNames(from: contract)
        let parts = name.value.split(separator: ".", maxSplits: 1).map(String.init)
        let matches: [QualifiedTypeName]
        if parts.count == 2, parts[0] == contract || importsByName[contract]?.contains(parts[0]) == true {
            matches = visible.filter { $0.contract == parts[0] && $0.name == parts[1] }
        } else {
            let own = visible.filter { $0.contract == contract && $0.name == name.value }
            matches = own.isEmpty ? visible.filter { $0.name == name.value } : own
        }
        if matches.count > 1 {
            diagnostics.error(
                "type '\(name.value)' is declared by several imported contracts: "
                    + matches.map(\.contract).joined(separator: ", "),
                at: name.location,
                hint: "qualify it, e.g. `\(matches[0].contract).\(name.value)`"
            )
            return nil
        }
        guard let match = matches.first else {
            let hint: String
            if YAMLContractParser.builtinTypeNames[name.value] != nil {
                hint = "'$ref' names a declared type; for a built-in write `type: \(name.value)`"
            } else {
                let candidates = visible.map { $0.contract == contract ? $0.name : "\($0.contract).\($0.name)" }
                hint =
                    candidates.isEmpty
                    ? "declare it under `types:` or import the contract that does"
                    : YAMLNodeReader.suggestion(for: name.value, among: candidates)
                        .replacingOccurrences(of: "allowed keys: ", with: "known types: ")
            }
            diagnostics.error("unknown type '\(name.value)'", at: name.location, hint: hint)
            return nil
        }
        return .named(match)
    }

    // MARK: Handlers

    mutating func resolveSignature(
        input: InputSyntax,
        output: SchemaNode?,
        in syntax: ContractSyntax,
        contract: String,
        owner: String
    ) -> HandlerSignature {
        let resolvedInput: HandlerSignature.Input
        switch input {
        case .none:
            resolvedInput = .none
        case .single(let node):
            if case .protoEmpty = node.schema {
                resolvedInput = .none
            } else if let type = resolveSchema(node, in: syntax, contract: contract) {
                resolvedInput = .single(type)
            } else {
                resolvedInput = .none
            }
        case .parameters(let parameters):
            var seen = Set<String>()
            resolvedInput = .parameters(
                parameters.compactMap { parameter in
                    if !seen.insert(parameter.name.value).inserted {
                        diagnostics.error(
                            "\(owner) has two parameters named '\(parameter.name.value)'",
                            at: parameter.name.location
                        )
                    }
                    guard let type = resolveSchema(parameter.type, in: syntax, contract: contract) else { return nil }
                    return Parameter(name: parameter.name.value, type: type, location: parameter.name.location)
                }
            )
        }
        let resolvedOutput = output.flatMap { resolveSchema($0, in: syntax, contract: contract) }
        return HandlerSignature(input: resolvedInput, output: resolvedOutput)
    }

    mutating func resolveHandler(
        _ handler: HandlerSyntax,
        kind: HandlerKind,
        in syntax: ContractSyntax,
        contract: String
    ) -> HandlerModel {
        let owner = "\(kind.rawValue) '\(handler.key.value)'"
        var signature = resolveSignature(
            input: handler.input,
            output: handler.output,
            in: syntax,
            contract: contract,
            owner: owner
        )
        switch kind {
        case .signal:
            if let output = handler.output, !output.isProtoEmpty {
                diagnostics.error(
                    "\(owner) declares an output, but signals return nothing",
                    at: output.location,
                    hint: "remove 'output', or make it an update, which can return a result"
                )
                signature.output = nil
            }
        case .query:
            if signature.output == nil, handler.output?.isProtoEmpty ?? true {
                diagnostics.error(
                    "\(owner) has no output, but a query exists to return one",
                    at: handler.key.location,
                    hint: "add `output: TypeName`, or make it a signal if it only changes state"
                )
            }
        case .update:
            break
        }
        if handler.validate, kind != .update {
            diagnostics.error("only updates have validators", at: handler.key.location)
        }
        if let template = handler.idTemplate {
            _ = resolveIDTemplate(template, signature: signature, owner: owner)
        }
        return HandlerModel(
            kind: kind,
            key: handler.key.value,
            wireName: wireName(handler.wireName, key: handler.key),
            contract: contract,
            description: handler.description,
            signature: signature,
            hasValidator: handler.validate && kind == .update,
            location: handler.key.location
        )
    }

    mutating func wireName(_ explicit: Located<String>?, key: Located<String>) -> String {
        guard let explicit else { return key.value }
        if explicit.value.isEmpty {
            diagnostics.error("'name' is empty", at: explicit.location, hint: "remove it to use the key as the wire name")
            return key.value
        }
        return explicit.value
    }

    mutating func duration(_ text: Located<String>?, what: String) -> Duration? {
        guard let text else { return nil }
        guard let duration = DurationParser.parse(text.value) else {
            diagnostics.error(
                "'\(text.value)' is not a valid duration for \(what)",
                at: text.location,
                hint: "write a positive number with a unit: 250ms, 30s, 5m, 1h30m, 2d"
            )
            return nil
        }
        return duration
    }

    mutating func retryPolicy(_ syntax: RetryPolicySyntax?) -> RetryPolicyModel? {
        guard let syntax else { return nil }
        var policy = RetryPolicyModel(
            initialInterval: duration(syntax.initialInterval, what: "'initialInterval'"),
            backoffCoefficient: syntax.backoffCoefficient?.value,
            maximumInterval: duration(syntax.maximumInterval, what: "'maximumInterval'"),
            maximumAttempts: syntax.maximumAttempts?.value,
            nonRetryableErrorTypes: syntax.nonRetryableErrorTypes.map(\.value)
        )
        if let coefficient = syntax.backoffCoefficient, coefficient.value < 1 {
            diagnostics.error(
                "'backoffCoefficient' must be at least 1, found \(coefficient.value)",
                at: coefficient.location,
                hint: "Temporal multiplies the interval by it after each attempt; 2 is the default"
            )
            policy.backoffCoefficient = nil
        }
        if let attempts = syntax.maximumAttempts, attempts.value < 0 {
            diagnostics.error(
                "'maximumAttempts' cannot be negative",
                at: attempts.location,
                hint: "0 means unlimited attempts"
            )
            policy.maximumAttempts = nil
        }
        if let initial = policy.initialInterval, let maximum = policy.maximumInterval, maximum < initial {
            diagnostics.error(
                "'maximumInterval' is shorter than 'initialInterval'",
                at: syntax.maximumInterval!.location,
                hint: "the server rejects such a policy; raise 'maximumInterval'"
            )
        }
        return policy
    }

    mutating func resolveActivity(
        _ activity: ActivitySyntax,
        in syntax: ContractSyntax,
        contract: String,
        model: ContractModel
    ) -> ActivityModel {
        let signature = resolveSignature(
            input: activity.input,
            output: activity.output,
            in: syntax,
            contract: contract,
            owner: "activity '\(activity.key.value)'"
        )
        var resolved = ActivityModel(
            key: activity.key.value,
            wireName: wireName(activity.wireName, key: activity.key),
            signature: signature,
            location: activity.key.location
        )
        resolved.description = activity.description
        resolved.taskQueue = activity.taskQueue.flatMap { nonEmpty($0, what: "'taskQueue'") }
        resolved.scheduleToCloseTimeout = duration(activity.scheduleToCloseTimeout, what: "'scheduleToCloseTimeout'")
        resolved.scheduleToStartTimeout = duration(activity.scheduleToStartTimeout, what: "'scheduleToStartTimeout'")
        resolved.startToCloseTimeout = duration(activity.startToCloseTimeout, what: "'startToCloseTimeout'")
        resolved.heartbeatTimeout = duration(activity.heartbeatTimeout, what: "'heartbeatTimeout'")
        resolved.retryPolicy = retryPolicy(activity.retryPolicy)
        if resolved.scheduleToCloseTimeout == nil, resolved.startToCloseTimeout == nil,
            activity.scheduleToCloseTimeout == nil, activity.startToCloseTimeout == nil
        {
            diagnostics.warning(
                "activity '\(activity.key.value)' has neither 'startToCloseTimeout' nor 'scheduleToCloseTimeout'",
                at: activity.key.location,
                hint: "Temporal requires one of them; callers will have to pass it on every call"
            )
        }
        return resolved
    }

    // MARK: Workflows

    mutating func resolveWorkflow(
        _ workflow: WorkflowSyntax,
        in syntax: ContractSyntax,
        contract: String,
        model: ContractModel
    ) -> WorkflowModel {
        let owner = "workflow '\(workflow.key.value)'"
        let signature = resolveSignature(
            input: workflow.input,
            output: workflow.output,
            in: syntax,
            contract: contract,
            owner: owner
        )
        var resolved = WorkflowModel(
            key: workflow.key.value,
            wireName: wireName(workflow.wireName, key: workflow.key),
            signature: signature,
            location: workflow.key.location
        )
        resolved.description = workflow.description
        resolved.signals = handlerUses(workflow.signals, kind: .signal, available: \.signals, model: model, owner: owner)
        resolved.queries = handlerUses(workflow.queries, kind: .query, available: \.queries, model: model, owner: owner)
        resolved.updates = handlerUses(workflow.updates, kind: .update, available: \.updates, model: model, owner: owner)
        for query in workflow.queries where query.withStart {
            diagnostics.error(
                "query '\(query.name.value)' is marked 'start', but there is no query-with-start",
                at: query.name.location,
                hint: "'start' applies to signals and updates"
            )
        }
        resolved.idTemplate = workflow.idTemplate.flatMap { resolveIDTemplate($0, signature: signature, owner: owner) }
        resolved.taskQueue = workflow.taskQueue.flatMap { nonEmpty($0, what: "'taskQueue'") } ?? model.taskQueue
        resolved.executionTimeout = duration(workflow.executionTimeout, what: "'executionTimeout'")
        resolved.runTimeout = duration(workflow.runTimeout, what: "'runTimeout'")
        resolved.taskTimeout = duration(workflow.taskTimeout, what: "'taskTimeout'")
        resolved.retryPolicy = retryPolicy(workflow.retryPolicy)
        resolved.idReusePolicy = workflow.idReusePolicy.flatMap { policy(IDReusePolicyModel.self, $0, what: "'idReusePolicy'") }
        resolved.idConflictPolicy = workflow.idConflictPolicy.flatMap {
            policy(IDConflictPolicyModel.self, $0, what: "'idConflictPolicy'")
        }
        if let run = resolved.runTimeout, let execution = resolved.executionTimeout, run > execution {
            diagnostics.warning(
                "'runTimeout' is longer than 'executionTimeout'",
                at: workflow.runTimeout!.location,
                hint: "the execution timeout bounds all runs, so the run timeout never fires"
            )
        }
        if resolved.taskQueue == nil {
            diagnostics.warning(
                "\(owner) has no task queue",
                at: workflow.key.location,
                hint: "set 'taskQueue' on the contract or the workflow; callers will have to pass one"
            )
        }
        return resolved
    }

    mutating func policy<Policy: RawRepresentable & CaseIterable>(
        _ type: Policy.Type,
        _ text: Located<String>,
        what: String
    ) -> Policy? where Policy.RawValue == String {
        if let policy = Policy(rawValue: text.value) { return policy }
        diagnostics.error(
            "unknown \(what) '\(text.value)'",
            at: text.location,
            hint: "one of: " + Policy.allCases.map(\.rawValue).joined(separator: ", ")
        )
        return nil
    }

    mutating func handlerUses(
        _ references: [HandlerReferenceSyntax],
        kind: HandlerKind,
        available: KeyPath<ContractModel, [HandlerModel]>,
        model: ContractModel,
        owner: String
    ) -> [HandlerUse] {
        var uses: [HandlerUse] = []
        var wireNames: [String: Located<String>] = [:]
        for reference in references {
            guard let handler = findHandler(reference.name, kind: kind, available: available, model: model, owner: owner)
            else { continue }
            if let earlier = wireNames[handler.wireName] {
                diagnostics.error(
                    "\(owner) accepts two \(kind.rawValue)s with the wire name '\(handler.wireName)'",
                    at: reference.name.location,
                    hint: "the other is listed at line \(earlier.location.line); each \(kind.rawValue) name must be unique per workflow"
                )
                continue
            }
            wireNames[handler.wireName] = reference.name
            uses.append(HandlerUse(handler: handler, withStart: reference.withStart && kind != .query))
        }
        return uses
    }

    mutating func findHandler(
        _ name: Located<String>,
        kind: HandlerKind,
        available: KeyPath<ContractModel, [HandlerModel]>,
        model: ContractModel,
        owner: String
    ) -> HandlerModel? {
        if let own = model[keyPath: available].first(where: { $0.key == name.value }) { return own }
        // Handlers of imported contracts, by `Contract.Key` or by key alone.
        let parts = name.value.split(separator: ".", maxSplits: 1).map(String.init)
        for imported in model.importedContracts {
            guard let syntax = syntaxByName[imported] else { continue }
            let key = parts.count == 2 && parts[0] == imported ? parts[1] : name.value
            let declarations: [HandlerSyntax]
            switch kind {
            case .signal: declarations = syntax.signals
            case .query: declarations = syntax.queries
            case .update: declarations = syntax.updates
            }
            if let declaration = declarations.first(where: { $0.key.value == key }) {
                var quiet = ContractResolver()
                quiet.syntaxByName = syntaxByName
                quiet.importsByName = importsByName
                quiet.visibleTypeNamesByContract = visibleTypeNamesByContract
                // Already validated where it is declared; resolve it again without repeating its diagnostics.
                return quiet.resolveHandler(declaration, kind: kind, in: syntax, contract: imported)
            }
        }
        let candidates = model[keyPath: available].map(\.key)
        let plural = kind == .query ? "queries" : "\(kind.rawValue)s"
        diagnostics.error(
            "\(owner) names \(kind.rawValue) '\(name.value)', which is not declared",
            at: name.location,
            hint: candidates.isEmpty
                ? "declare it under `\(plural):`"
                : YAMLNodeReader.suggestion(for: name.value, among: candidates)
                    .replacingOccurrences(of: "allowed keys: ", with: "declared \(plural): ")
        )
        return nil
    }

    // MARK: ID templates

    mutating func resolveIDTemplate(
        _ template: Located<String>,
        signature: HandlerSignature,
        owner: String
    )
        -> IDTemplate?
    {
        let segments: [IDTemplate.Segment]
        switch IDTemplateParser.parse(template.value) {
        case .success(let parsed):
            segments = parsed
        case .failure(let failure):
            let message: String
            switch failure {
            case .unclosedPlaceholder: message = "an unclosed '{'"
            case .emptyPlaceholder: message = "an empty placeholder '{}'"
            case .strayClosingBrace: message = "a '}' without '{'"
            }
            diagnostics.error(
                "the ID template of \(owner) has \(message)",
                at: template.location,
                hint: "write fields as `{order_id}`; write `{{` and `}}` for literal braces"
            )
            return nil
        }
        var valid = true
        for case .field(let path) in segments {
            if let problem = checkTemplateField(path, signature: signature) {
                diagnostics.error(
                    "the ID template of \(owner) names '\(path.joined(separator: "."))', \(problem.message)",
                    at: template.location,
                    hint: problem.hint
                )
                valid = false
            }
        }
        return valid ? IDTemplate(source: template.value, segments: segments) : nil
    }

    /// Why a template field cannot be read from the input, or nil when it can.
    func checkTemplateField(_ path: [String], signature: HandlerSignature) -> (message: String, hint: String)? {
        var type: TypeReference
        var remaining = path[...]
        switch signature.input {
        case .none:
            return ("but the input has no fields", "remove the placeholder, or give the workflow an input")
        case .single(let input):
            type = input
        case .parameters(let parameters):
            guard let parameter = parameters.first(where: { $0.name == remaining.first }) else {
                return (
                    "which is not a parameter",
                    "parameters: " + parameters.map(\.name).joined(separator: ", ")
                )
            }
            type = parameter.type
            remaining = remaining.dropFirst()
        }
        for field in remaining {
            let fields = self.fields(of: type)
            guard let property = fields.first(where: { $0.wireName == field }) else {
                let names = fields.map(\.wireName)
                return (
                    "but the input has no field '\(field)'",
                    names.isEmpty ? "its type has no fields" : "fields: " + names.joined(separator: ", ")
                )
            }
            guard property.isRequired else {
                return ("which is optional", "an ID needs a value: make '\(field)' required or use another field")
            }
            type = property.type
        }
        switch type {
        case .string, .integer, .int32, .int64, .uuid, .boolean: return nil
        case .named(let name):
            if case .enumeration = namedKind(name) { return nil }
            return ("which is not a scalar", "name a string, integer, UUID or enum field")
        case .protoMessage:
            return ("which is not a scalar", "name a string or integer field of the message")
        default:
            return ("which is not a scalar", "name a string, integer, UUID or enum field")
        }
    }

    func namedKind(_ name: QualifiedTypeName) -> SchemaSyntax? {
        syntaxByName[name.contract]?.types.first { $0.name.value == name.name }?.schema.schema
    }

    /// The properties of a type as the syntax declares them (wire name, required, type).
    func fields(of type: TypeReference) -> [(wireName: String, isRequired: Bool, type: TypeReference)] {
        switch type {
        case .named(let name):
            guard let syntax = syntaxByName[name.contract],
                case .object(let properties)? = namedKind(name)
            else { return [] }
            var scratch = ContractResolver()
            scratch.syntaxByName = syntaxByName
            scratch.importsByName = importsByName
            scratch.visibleTypeNamesByContract = visibleTypeNamesByContract
            return properties.compactMap { property in
                guard let resolved = scratch.resolveSchema(property.type, in: syntax, contract: name.contract) else {
                    return nil
                }
                return (property.wireName.value, property.isRequired, resolved)
            }
        case .protoMessage(let fullName, _):
            for syntax in syntaxByName.values {
                if let properties = syntax.protoMessageFields[fullName] {
                    return properties.compactMap { property in
                        guard case .scalar(let type, let format) = property.type.schema else {
                            return (property.wireName.value, true, .protoMessage(fullName: "", swiftName: ""))
                        }
                        var scratch = ContractResolver()
                        guard let resolved = scratch.resolveScalar(type: type, format: format) else { return nil }
                        return (property.wireName.value, true, resolved)
                    }
                }
            }
            return []
        default:
            return []
        }
    }

    // MARK: Whole-model checks

    /// Swift structs cannot contain themselves except through an array or a map.
    mutating func checkRecursiveTypes(_ model: ContractModel) {
        let objects = Dictionary(
            model.types.compactMap { type -> (String, NamedType)? in
                if case .object = type.kind { return (type.name, type) }
                return nil
            },
            uniquingKeysWith: { first, _ in first }
        )
        func directReferences(_ type: NamedType) -> [(String, Property)] {
            guard case .object(let properties) = type.kind else { return [] }
            return properties.compactMap { property in
                if case .named(let name) = property.type, name.contract == model.name, objects[name.name] != nil {
                    return (name.name, property)
                }
                return nil
            }
        }
        for type in model.types {
            var stack = directReferences(type).map { ($0.0, $0.1, [type.name]) }
            var visited = Set<String>()
            while let (name, property, path) = stack.popLast() {
                if name == type.name {
                    diagnostics.error(
                        "type '\(type.name)' contains itself through " + (path + [name]).joined(separator: " → "),
                        at: path.count == 1 ? property.location : type.location,
                        hint: "Swift structs cannot contain themselves; hold the nested value in an array"
                    )
                    break
                }
                guard visited.insert(name).inserted, let next = objects[name] else { continue }
                stack.append(contentsOf: directReferences(next).map { ($0.0, $0.1, path + [name]) })
            }
        }
    }

    /// Workflow and activity names must be unique, as workers register them by name.
    mutating func checkUniqueWireNames(_ models: [ContractModel]) {
        var workflows: [String: SourceLocation] = [:]
        var activities: [String: SourceLocation] = [:]
        for model in models {
            for workflow in model.workflows {
                if let earlier = workflows[workflow.wireName] {
                    diagnostics.error(
                        "workflow name '\(workflow.wireName)' is already used at \(earlier.description)",
                        at: workflow.location,
                        hint: "give one of them another `name:`; workers register workflows by name"
                    )
                } else {
                    workflows[workflow.wireName] = workflow.location
                }
            }
            for activity in model.activities {
                if let earlier = activities[activity.wireName] {
                    diagnostics.error(
                        "activity name '\(activity.wireName)' is already used at \(earlier.description)",
                        at: activity.location,
                        hint: "give one of them another `name:`; workers register activities by name"
                    )
                } else {
                    activities[activity.wireName] = activity.location
                }
            }
            for handlers in [model.signals, model.queries, model.updates] {
                var seen: [String: SourceLocation] = [:]
                for handler in handlers {
                    if let earlier = seen[handler.wireName] {
                        diagnostics.error(
                            "\(handler.kind.rawValue) name '\(handler.wireName)' is already used at \(earlier.description)",
                            at: handler.location,
                            hint: "give one of them another `name:`"
                        )
                    } else {
                        seen[handler.wireName] = handler.location
                    }
                }
            }
        }
    }
}

extension SchemaNode {
    var isProtoEmpty: Bool {
        if case .protoEmpty = schema { return true }
        return false
    }
}
