import Yams

/// Parses the text of one `*.temporal.yaml` file into located syntax. Problems are collected,
/// never thrown: a file that is partly wrong still yields everything that could be read.
public struct YAMLContractParser {
    static let contractKeys = [
        "contract", "name", "taskQueue", "imports", "types", "workflows", "signals", "queries", "updates",
        "activities", "description", "searchAttributes",
    ]
    static let schemaKeys = [
        "type", "format", "items", "properties", "required", "additionalProperties", "enum", "x-enum-varnames",
        "$ref", "description",
    ]
    static let workflowKeys = [
        "name", "aliases", "description", "input", "params", "output", "signals", "queries", "updates", "id", "taskQueue",
        "executionTimeout", "runTimeout", "taskTimeout", "retryPolicy", "idReusePolicy", "idConflictPolicy",
        "searchAttributes", "memo", "parentClosePolicy", "waitForCancellation", "priority",
        "summary", "details",
        "enableEagerStart", "versioningBehavior",
    ]
    static let signalKeys = ["name", "aliases", "description", "input", "params", "output"]
    static let queryKeys = ["name", "aliases", "description", "input", "params", "output"]
    static let updateKeys = ["name", "aliases", "description", "input", "params", "output", "validate", "id", "waitForStage"]
    static let activityKeys = [
        "name", "aliases", "description", "input", "params", "output", "taskQueue", "scheduleToCloseTimeout",
        "scheduleToStartTimeout", "startToCloseTimeout", "heartbeatTimeout", "retryPolicy", "waitForCancellation",
        "priority", "summary",
    ]
    static let retryPolicyKeys = [
        "initialInterval", "backoffCoefficient", "maximumInterval", "maximumAttempts", "nonRetryableErrorTypes",
    ]
    static let parameterKeys = ["name", "type", "description"]
    static let handlerReferenceKeys = ["ref", "start", "validate", "idConflictPolicy"]

    /// Type names usable wherever a handler names a type, besides the contract's own types.
    static let builtinTypeNames: [String: (type: String, format: String?)] = [
        "string": ("string", nil), "integer": ("integer", nil), "int": ("integer", nil),
        "int32": ("integer", "int32"), "int64": ("integer", "int64"), "number": ("number", nil),
        "double": ("number", "double"), "float": ("number", "float"), "boolean": ("boolean", nil),
        "bool": ("boolean", nil), "bytes": ("string", "byte"), "date-time": ("string", "date-time"),
        "uuid": ("string", "uuid"),
    ]

    var reader: YAMLNodeReader

    public init(file: String) {
        reader = YAMLNodeReader(file: file)
    }

    /// Parses `text`; returns the syntax read and every problem found.
    public static func parse(_ text: String, file: String) -> (ContractSyntax, Diagnostics) {
        var parser = YAMLContractParser(file: file)
        let syntax = parser.parse(text)
        return (syntax, parser.reader.diagnostics)
    }

    mutating func parse(_ text: String) -> ContractSyntax {
        var contract = ContractSyntax(file: reader.file, format: .yaml)
        let root: Node
        do {
            // The basic resolver: the reader parses scalars itself and never reads their tags, and
            // the default one resolves every mapping key's tag with regular expressions for Yams'
            // duplicate-key check, which was half the time of loading a large contract.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                reader.diagnostics.error(
                    "the contract file is empty",
                    at: contract.fileLocation,
                    hint: "run `temporal-contracts init` for a starter contract"
                )
                contract.isUnreadable = true
                return contract
            }
            root = node
        } catch {
            reader.diagnostics.append(Self.diagnostic(for: error, file: reader.file))
            contract.isUnreadable = true
            return contract
        }
        guard let pairs = reader.mapping(root, context: "the contract", allowedKeys: Self.contractKeys) else {
            return contract
        }
        for (key, value) in pairs {
            switch key.value {
            case "contract": contract.version = reader.integer(value, context: "'contract' (the format version)")
            case "name": contract.name = reader.string(value, context: "'name'")
            case "taskQueue": contract.taskQueue = reader.string(value, context: "'taskQueue'")
            case "description": contract.description = reader.string(value, context: "'description'")?.value
            case "imports": contract.imports = reader.strings(value, context: "'imports'")
            case "types":
                contract.types = reader.namedEntries(value, context: "'types'").map { name, node in
                    TypeDeclarationSyntax(name: name, schema: schema(node, context: "type '\(name.value)'"))
                }
            case "workflows":
                contract.workflows = reader.namedEntries(value, context: "'workflows'").compactMap { workflow($0, $1) }
            case "signals":
                contract.signals = reader.namedEntries(value, context: "'signals'").compactMap {
                    handler($0, $1, kind: "signal", allowedKeys: Self.signalKeys)
                }
            case "queries":
                contract.queries = reader.namedEntries(value, context: "'queries'").compactMap {
                    handler($0, $1, kind: "query", allowedKeys: Self.queryKeys)
                }
            case "updates":
                contract.updates = reader.namedEntries(value, context: "'updates'").compactMap {
                    handler($0, $1, kind: "update", allowedKeys: Self.updateKeys)
                }
            case "activities":
                contract.activities = reader.namedEntries(value, context: "'activities'").compactMap { activity($0, $1) }
            case "searchAttributes": contract.searchAttributes = searchAttributeDeclarations(value)
            default: break
            }
        }
        return contract
    }

    // MARK: Types

    mutating func schema(_ node: Node, context: String) -> SchemaNode {
        let location = reader.location(of: node)
        guard let pairs = reader.mapping(node, context: context, allowedKeys: Self.schemaKeys) else {
            return SchemaNode(.reference(Located("", at: location)), at: location)
        }
        var fields: [String: (key: Located<String>, value: Node)] = [:]
        for pair in pairs { fields[pair.key.value] = pair }
        let description = fields["description"].flatMap { reader.string($0.value, context: "'description'")?.value }

        if let reference = fields["$ref"] {
            for other in fields.keys where other != "$ref" && other != "description" {
                reader.diagnostics.error(
                    "'$ref' cannot be combined with '\(other)' in \(context)",
                    at: fields[other]!.key.location,
                    hint: "describe the type under `types:` and refer to it by name"
                )
            }
            let name = reader.string(reference.value, context: "'$ref'") ?? Located("", at: location)
            return SchemaNode(.reference(Self.normalizedReference(name)), description: description, at: location)
        }
        guard let typeField = fields["type"], let type = reader.string(typeField.value, context: "'type'") else {
            if fields["type"] == nil {
                reader.diagnostics.error(
                    "\(context) has neither 'type' nor '$ref'",
                    at: location,
                    hint: "add `type: object` (or string, integer, number, boolean, array) or `$ref: TypeName`"
                )
            }
            return SchemaNode(.reference(Located("", at: location)), description: description, at: location)
        }
        let format = fields["format"].flatMap { reader.string($0.value, context: "'format'") }

        if let enumField = fields["enum"] {
            return SchemaNode(
                .enumeration(enumeration(enumField.value, type: type, names: fields["x-enum-varnames"]?.value)),
                description: description,
                at: location
            )
        }
        switch type.value {
        case "array":
            guard let items = fields["items"] else {
                reader.diagnostics.error(
                    "\(context) is an array without 'items'",
                    at: type.location,
                    hint: "add `items: { $ref: TypeName }` or `items: { type: string }`"
                )
                return SchemaNode(.reference(Located("", at: location)), description: description, at: location)
            }
            return SchemaNode(
                .array(items: schema(items.value, context: "the items of \(context)")),
                description: description,
                at: location
            )
        case "object":
            if let additional = fields["additionalProperties"], fields["properties"] == nil {
                return SchemaNode(
                    .map(values: schema(additional.value, context: "the values of \(context)")),
                    description: description,
                    at: location
                )
            }
            if let additional = fields["additionalProperties"] {
                reader.diagnostics.error(
                    "\(context) has both 'properties' and 'additionalProperties'",
                    at: additional.key.location,
                    hint: "use 'properties' for a struct or 'additionalProperties' alone for a map"
                )
            }
            return SchemaNode(
                .object(properties: properties(fields["properties"]?.value, required: fields["required"]?.value)),
                description: description,
                at: location
            )
        default:
            return SchemaNode(.scalar(type: type, format: format), description: description, at: location)
        }
    }

    mutating func properties(_ node: Node?, required: Node?) -> [PropertySyntax] {
        let requiredNames = required.map { reader.strings($0, context: "'required'") } ?? []
        let entries = node.map { reader.namedEntries($0, context: "'properties'") } ?? []
        let declared = Set(entries.map(\.key.value))
        for name in requiredNames where !declared.contains(name.value) {
            reader.diagnostics.error(
                "'required' names '\(name.value)', which is not a property",
                at: name.location,
                hint: "declare it under 'properties' or remove it from 'required'"
            )
        }
        let requiredSet = Set(requiredNames.map(\.value))
        return entries.map { name, value in
            PropertySyntax(
                wireName: name,
                type: schema(value, context: "property '\(name.value)'"),
                isRequired: requiredSet.contains(name.value)
            )
        }
    }

    mutating func enumeration(_ node: Node, type: Located<String>, names: Node?) -> EnumSyntax {
        let values = reader.sequence(node, context: "'enum'") ?? []
        switch type.value {
        case "integer":
            let integers = values.compactMap { reader.integer($0, context: "a value of an integer enum") }
            let caseNames = names.map { reader.strings($0, context: "'x-enum-varnames'") } ?? []
            return EnumSyntax(cases: .integers(integers, names: caseNames))
        case "string":
            if let names {
                reader.diagnostics.warning(
                    "'x-enum-varnames' is ignored for string enums",
                    at: reader.location(of: names),
                    hint: "case names come from the string values"
                )
            }
            return EnumSyntax(cases: .strings(values.compactMap { reader.string($0, context: "a value of 'enum'") }))
        default:
            reader.diagnostics.error(
                "'enum' is only supported for type string or integer, not '\(type.value)'",
                at: type.location
            )
            return EnumSyntax(cases: .strings([]))
        }
    }

    /// A type in a handler position: a type name (`Order`, `string`, `uuid`) or a schema mapping.
    mutating func typeExpression(_ node: Node, context: String) -> SchemaNode {
        guard case .scalar(let scalar) = node else { return schema(node, context: context) }
        let location = reader.location(of: node)
        if let builtin = Self.builtinTypeNames[scalar.string] {
            return SchemaNode(
                .scalar(
                    type: Located(builtin.type, at: location),
                    format: builtin.format.map { Located($0, at: location) }
                ),
                at: location
            )
        }
        return SchemaNode(.reference(Self.normalizedReference(Located(scalar.string, at: location))), at: location)
    }

    /// Accepts `#/types/Name` as well as `Name`, the form JSON Schema tools write.
    static func normalizedReference(_ name: Located<String>) -> Located<String> {
        let prefix = "#/types/"
        guard name.value.hasPrefix(prefix) else { return name }
        return Located(String(name.value.dropFirst(prefix.count)), at: name.location)
    }

    // MARK: Handlers

    mutating func input(from fields: [String: (key: Located<String>, value: Node)], owner: String) -> InputSyntax {
        if let input = fields["input"], let params = fields["params"] {
            reader.diagnostics.error(
                "\(owner) has both 'input' and 'params'",
                at: params.key.location,
                hint: "use 'input' for one payload, or 'params' for positional arguments (one payload each)"
            )
            return .single(typeExpression(input.value, context: "the input of \(owner)"))
        }
        if let input = fields["input"] {
            return .single(typeExpression(input.value, context: "the input of \(owner)"))
        }
        if let params = fields["params"] {
            let entries = reader.sequence(params.value, context: "'params' of \(owner)") ?? []
            return .parameters(entries.compactMap { parameter($0, owner: owner) })
        }
        return .none
    }

    mutating func parameter(_ node: Node, owner: String) -> ParameterSyntax? {
        guard let pairs = reader.mapping(node, context: "a parameter of \(owner)", allowedKeys: Self.parameterKeys)
        else { return nil }
        var name: Located<String>?
        var type: SchemaNode?
        for (key, value) in pairs {
            switch key.value {
            case "name": name = reader.string(value, context: "a parameter name")
            case "type": type = typeExpression(value, context: "a parameter type")
            default: break
            }
        }
        guard let name, let type else {
            reader.diagnostics.error(
                "a parameter of \(owner) needs both 'name' and 'type'",
                at: reader.location(of: node),
                hint: "write `{ name: order, type: Order }`"
            )
            return nil
        }
        return ParameterSyntax(name: name, type: type)
    }

    mutating func fieldsByKey(
        _ node: Node,
        context: String,
        allowedKeys: [String]
    ) -> [String: (key: Located<String>, value: Node)]? {
        guard let pairs = reader.mapping(node, context: context, allowedKeys: allowedKeys) else { return nil }
        return Dictionary(pairs.map { ($0.key.value, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `aliases:`, the former wire names: a list of strings, or one string for a single alias.
    /// Whether each is usable (not empty, not the current name, not taken) is the resolver's call.
    mutating func aliases(from fields: [String: (key: Located<String>, value: Node)], owner: String) -> [Located<String>] {
        fields["aliases"].map { reader.strings($0.value, context: "'aliases' of \(owner)") } ?? []
    }

    mutating func handler(
        _ key: Located<String>,
        _ node: Node,
        kind: String,
        allowedKeys: [String]
    ) -> HandlerSyntax? {
        let owner = "\(kind) '\(key.value)'"
        guard let fields = fieldsByKey(node, context: owner, allowedKeys: allowedKeys) else { return nil }
        var handler = HandlerSyntax(key: key)
        handler.wireName = fields["name"].flatMap { reader.string($0.value, context: "'name'") }
        handler.aliases = aliases(from: fields, owner: owner)
        handler.description = fields["description"].flatMap { reader.string($0.value, context: "'description'")?.value }
        handler.input = input(from: fields, owner: owner)
        handler.output = fields["output"].map { typeExpression($0.value, context: "the output of \(owner)") }
        handler.validate = fields["validate"].flatMap { reader.boolean($0.value, context: "'validate'") } ?? false
        handler.idTemplate = fields["id"].flatMap { reader.string($0.value, context: "'id'") }
        handler.waitForStage = fields["waitForStage"].flatMap { reader.string($0.value, context: "'waitForStage'") }
        return handler
    }

    mutating func workflow(_ key: Located<String>, _ node: Node) -> WorkflowSyntax? {
        let owner = "workflow '\(key.value)'"
        guard let fields = fieldsByKey(node, context: owner, allowedKeys: Self.workflowKeys) else { return nil }
        var workflow = WorkflowSyntax(key: key)
        workflow.wireName = fields["name"].flatMap { reader.string($0.value, context: "'name'") }
        workflow.aliases = aliases(from: fields, owner: owner)
        workflow.description = fields["description"].flatMap { reader.string($0.value, context: "'description'")?.value }
        workflow.input = input(from: fields, owner: owner)
        workflow.output = fields["output"].map { typeExpression($0.value, context: "the output of \(owner)") }
        workflow.signals = fields["signals"].map { handlerReferences($0.value, context: "'signals'") } ?? []
        workflow.queries = fields["queries"].map { handlerReferences($0.value, context: "'queries'") } ?? []
        workflow.updates = fields["updates"].map { handlerReferences($0.value, context: "'updates'") } ?? []
        workflow.idTemplate = fields["id"].flatMap { reader.string($0.value, context: "'id'") }
        workflow.taskQueue = fields["taskQueue"].flatMap { reader.string($0.value, context: "'taskQueue'") }
        workflow.executionTimeout = fields["executionTimeout"].flatMap { reader.string($0.value, context: "'executionTimeout'") }
        workflow.runTimeout = fields["runTimeout"].flatMap { reader.string($0.value, context: "'runTimeout'") }
        workflow.taskTimeout = fields["taskTimeout"].flatMap { reader.string($0.value, context: "'taskTimeout'") }
        workflow.retryPolicy = fields["retryPolicy"].flatMap { retryPolicy($0.value) }
        workflow.idReusePolicy = fields["idReusePolicy"].flatMap { reader.string($0.value, context: "'idReusePolicy'") }
        workflow.idConflictPolicy = fields["idConflictPolicy"].flatMap {
            reader.string($0.value, context: "'idConflictPolicy'")
        }
        workflow.searchAttributes = fields["searchAttributes"].map { inputMappings($0.value, context: "'searchAttributes'") } ?? []
        workflow.memo = fields["memo"].map { inputMappings($0.value, context: "'memo'") } ?? []
        readChildAndPriorityOptions(fields, into: &workflow)
        readEagerStartAndVersioning(fields, into: &workflow)
        if key.value.isEmpty { reader.diagnostics.error("a workflow has an empty name", at: key.location) }
        return workflow
    }

    /// Entries are handler names, or `{ ref: Name, start: true }` for signal/update-with-start.
    mutating func handlerReferences(_ node: Node, context: String) -> [HandlerReferenceSyntax] {
        let items: [Node]
        if case .scalar = node { items = [node] } else { items = reader.sequence(node, context: context) ?? [] }
        return items.compactMap { item in
            if case .scalar = item {
                return reader.string(item, context: "an entry of \(context)").map { HandlerReferenceSyntax(name: $0) }
            }
            guard let fields = fieldsByKey(item, context: "an entry of \(context)", allowedKeys: Self.handlerReferenceKeys),
                let reference = fields["ref"].flatMap({ reader.string($0.value, context: "'ref'") })
            else {
                reader.diagnostics.error(
                    "an entry of \(context) needs 'ref'",
                    at: reader.location(of: item),
                    hint: "write a handler name, or `{ ref: Name, start: true }`"
                )
                return nil
            }
            let start = fields["start"].flatMap { reader.boolean($0.value, context: "'start'") } ?? false
            var syntax = HandlerReferenceSyntax(name: reference, withStart: start)
            syntax.validate = fields["validate"].flatMap { reader.boolean($0.value, context: "'validate'") }
            syntax.idConflictPolicy = fields["idConflictPolicy"].flatMap { reader.string($0.value, context: "'idConflictPolicy'") }
            return syntax
        }
    }

    mutating func activity(_ key: Located<String>, _ node: Node) -> ActivitySyntax? {
        let owner = "activity '\(key.value)'"
        guard let fields = fieldsByKey(node, context: owner, allowedKeys: Self.activityKeys) else { return nil }
        var activity = ActivitySyntax(key: key)
        activity.wireName = fields["name"].flatMap { reader.string($0.value, context: "'name'") }
        activity.aliases = aliases(from: fields, owner: owner)
        activity.description = fields["description"].flatMap { reader.string($0.value, context: "'description'")?.value }
        activity.input = input(from: fields, owner: owner)
        activity.output = fields["output"].map { typeExpression($0.value, context: "the output of \(owner)") }
        activity.taskQueue = fields["taskQueue"].flatMap { reader.string($0.value, context: "'taskQueue'") }
        activity.scheduleToCloseTimeout = fields["scheduleToCloseTimeout"].flatMap {
            reader.string($0.value, context: "'scheduleToCloseTimeout'")
        }
        activity.scheduleToStartTimeout = fields["scheduleToStartTimeout"].flatMap {
            reader.string($0.value, context: "'scheduleToStartTimeout'")
        }
        activity.startToCloseTimeout = fields["startToCloseTimeout"].flatMap {
            reader.string($0.value, context: "'startToCloseTimeout'")
        }
        activity.heartbeatTimeout = fields["heartbeatTimeout"].flatMap {
            reader.string($0.value, context: "'heartbeatTimeout'")
        }
        activity.retryPolicy = fields["retryPolicy"].flatMap { retryPolicy($0.value) }
        activity.waitForCancellation = fields["waitForCancellation"].flatMap {
            reader.boolean($0.value, context: "'waitForCancellation'")
        }
        activity.priority = fields["priority"].flatMap { priority($0.value) }
        activity.summary = fields["summary"].flatMap { reader.string($0.value, context: "'summary'") }
        return activity
    }

    mutating func retryPolicy(_ node: Node) -> RetryPolicySyntax? {
        guard let fields = fieldsByKey(node, context: "'retryPolicy'", allowedKeys: Self.retryPolicyKeys) else {
            return nil
        }
        var policy = RetryPolicySyntax(at: reader.location(of: node))
        policy.initialInterval = fields["initialInterval"].flatMap { reader.string($0.value, context: "'initialInterval'") }
        policy.backoffCoefficient = fields["backoffCoefficient"].flatMap {
            reader.number($0.value, context: "'backoffCoefficient'")
        }
        policy.maximumInterval = fields["maximumInterval"].flatMap { reader.string($0.value, context: "'maximumInterval'") }
        policy.maximumAttempts = fields["maximumAttempts"].flatMap { reader.integer($0.value, context: "'maximumAttempts'") }
        policy.nonRetryableErrorTypes =
            fields["nonRetryableErrorTypes"].map { reader.strings($0.value, context: "'nonRetryableErrorTypes'") } ?? []
        return policy
    }

    // MARK: YAML errors

    /// Turns a libyaml error into a located diagnostic.
    static func diagnostic(for error: any Error, file: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error("cannot read the contract: \(error)", at: SourceLocation(file: file))
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "malformed YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return .error(
                message,
                at: SourceLocation(file: file, line: mark.line, column: mark.column),
                hint: "check the indentation and quoting around this position"
            )
        case .reader(let problem, let offset, _, _):
            return .error(
                "the file is not valid UTF-8 text: \(problem)" + (offset.map { " at byte \($0)" } ?? ""),
                at: SourceLocation(file: file)
            )
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                "duplicate key '\(duplicates.first ?? "")' in a mapping",
                at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                hint: "each key may appear once; merge or rename the entries"
            )
        default:
            return .error("cannot read the contract: \(yamlError)", at: SourceLocation(file: file))
        }
    }
}
