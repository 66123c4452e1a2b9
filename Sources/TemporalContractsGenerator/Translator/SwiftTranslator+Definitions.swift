import Foundation

extension SwiftTranslator {
    mutating func definitions(for model: ContractModel) -> DefinitionsViewModel {
        var groups: [DefinitionGroupViewModel] = []
        func add(_ name: String, _ kindPlural: String, _ definitions: [DefinitionViewModel]) {
            guard !definitions.isEmpty else { return }
            groups.append(
                DefinitionGroupViewModel(
                    isFirst: groups.isEmpty,
                    name: name,
                    kindPlural: kindPlural,
                    access: access,
                    definitions: definitions.enumerated().map { index, definition in
                        var definition = definition
                        definition.isFirst = index == 0
                        return definition
                    }
                )
            )
        }
        add("Workflows", "workflow types", model.workflows.map { workflow(model: model, $0) })
        add("Signals", "signals", model.signals.map { handler(model: model, $0) })
        add("Queries", "queries", model.queries.map { handler(model: model, $0) })
        add("Updates", "updates", model.updates.map { handler(model: model, $0) })
        add("Activities", "activity types", model.activities.map { activity(model: model, $0) })
        for (group, entries) in [
            ("workflows", model.workflows.map { ($0.key, $0.location) }),
            ("signals", model.signals.map { ($0.key, $0.location) }),
            ("queries", model.queries.map { ($0.key, $0.location) }),
            ("updates", model.updates.map { ($0.key, $0.location) }),
            ("activities", model.activities.map { ($0.key, $0.location) }),
        ] {
            checkCollisions(entries.map { (SwiftNaming.memberName($0.0), $0.0, $0.1) }, what: group)
        }
        return DefinitionsViewModel(
            file: file(
                for: model,
                imports: ["Foundation", "TemporalContracts"] + (options.protoMessagesModule.map { [$0] } ?? []),
                declaresNamespace: !options.outputs.contains(.types)
            ),
            groups: groups,
            searchAttributes: searchAttributeKeys(for: model)
        )
    }

    /// The Swift input type and its payload coding for a signature, from inside `contract`'s
    /// namespace, or from outside every namespace when `contract` is empty.
    func input(of signature: HandlerSignature, owner: String, contract: String, model: String) -> (type: String, coding: String) {
        switch signature.input {
        case .none: (QualifiedNames.void, ".void")
        case .single(let type): (swiftType(type, from: contract), ".single()")
        case .parameters:
            (contract.isEmpty ? "\(model).\(Self.argumentsTypeName(owner))" : Self.argumentsTypeName(owner), ".positional")
        }
    }

    func output(of signature: HandlerSignature, contract: String) -> (type: String, coding: String) {
        guard let output = signature.output else { return (QualifiedNames.void, ".void") }
        return (swiftType(output, from: contract), ".single()")
    }

    /// The arguments every definition starts with: `name:` and, when the contract gives former
    /// names, `aliases:`.
    static func nameArguments(wireName: String, aliases: [String]) -> [SwiftCode] {
        let name = SwiftCode.text("name: \(SwiftNaming.stringLiteral(wireName))")
        guard !aliases.isEmpty else { return [name] }
        return [name, .text("aliases: [\(aliases.map(SwiftNaming.stringLiteral).joined(separator: ", "))]")]
    }

    /// `public static let name = Type(arguments)`, moving the value to the next line when even its
    /// first line would not fit.
    func definition(
        key: String,
        wireName: String,
        hasAliases: Bool,
        kind: String,
        description: String?,
        type: String,
        arguments: [SwiftCode],
        hasDefaults: Bool = false
    ) -> DefinitionViewModel {
        let constant = SwiftProperty(
            "\(access)static let",
            SwiftNaming.memberName(key),
            value: .list(head: type, items: arguments, tail: "")
        )
        return DefinitionViewModel(
            isFirst: false,
            doc: Self.doc(description),
            wireName: wireName,
            hasAliases: hasAliases,
            kind: kind,
            hasDefaults: hasDefaults,
            declaration: constant.code(indentation: 8)
        )
    }

    func workflow(model: ContractModel, _ workflow: WorkflowModel) -> DefinitionViewModel {
        let input = input(of: workflow.signature, owner: workflow.key, contract: model.name, model: model.name)
        let output = output(of: workflow.signature, contract: model.name)
        var arguments =
            Self.nameArguments(wireName: workflow.wireName, aliases: workflow.aliases) + [
                .text("input: \(input.coding)"),
                .text("output: \(output.coding)"),
            ]
        var defaults: [SwiftCode] = [
            workflow.taskQueue.map { .text("taskQueue: \(SwiftNaming.stringLiteral($0))") },
            workflow.executionTimeout.map { .text("executionTimeout: \(Self.durationLiteral($0))") },
            workflow.runTimeout.map { .text("runTimeout: \(Self.durationLiteral($0))") },
            workflow.taskTimeout.map { .text("taskTimeout: \(Self.durationLiteral($0))") },
            workflow.retryPolicy.map { Self.retryPolicyArgument($0) },
            workflow.idReusePolicy.map { .text("idReusePolicy: .\($0.rawValue)") },
            workflow.idConflictPolicy.map { .text("idConflictPolicy: .\($0.rawValue)") },
        ].compactMap { $0 }
        defaults += Self.eagerStartAndVersioningDefaults(workflow)
        defaults += Self.childAndPriorityDefaults(workflow)
        if !defaults.isEmpty {
            arguments.append(.list(head: "defaults: \(QualifiedNames.runtime("WorkflowDefaults"))", items: defaults, tail: ""))
        }
        if let template = workflow.idTemplate {
            arguments.append(makeIDArgument(template, signature: workflow.signature, model: model))
        }
        arguments += inputMappingArguments(model: model, workflow)
        return definition(
            key: workflow.key,
            wireName: workflow.wireName,
            hasAliases: !workflow.aliases.isEmpty,
            kind: "workflow",
            description: workflow.description,
            type: QualifiedNames.runtime("WorkflowDefinition") + "<\(input.type), \(output.type)>",
            arguments: arguments,
            hasDefaults: !defaults.isEmpty
        )
    }

    func handler(model: ContractModel, _ handler: HandlerModel) -> DefinitionViewModel {
        let input = input(of: handler.signature, owner: handler.key, contract: model.name, model: model.name)
        let output = output(of: handler.signature, contract: model.name)
        var arguments = Self.nameArguments(wireName: handler.wireName, aliases: handler.aliases) + [.text("input: \(input.coding)")]
        let type: String
        switch handler.kind {
        case .signal:
            type = QualifiedNames.runtime("SignalDefinition") + "<\(input.type)>"
        case .query:
            type = QualifiedNames.runtime("QueryDefinition") + "<\(input.type), \(output.type)>"
            arguments.append(.text("output: \(output.coding)"))
        case .update:
            type = QualifiedNames.runtime("UpdateDefinition") + "<\(input.type), \(output.type)>"
            arguments.append(.text("output: \(output.coding)"))
            if handler.hasValidator { arguments.append(.text("hasValidator: true")) }
            if let stage = handler.waitForStage { arguments.append(.text("waitForStage: .\(stage.rawValue)")) }
            if let template = handler.idTemplate {
                arguments.append(makeIDArgument(template, signature: handler.signature, model: model))
            }
        }
        return definition(
            key: handler.key,
            wireName: handler.wireName,
            hasAliases: !handler.aliases.isEmpty,
            kind: handler.kind.rawValue,
            description: handler.description,
            type: type,
            arguments: arguments
        )
    }

    func activity(model: ContractModel, _ activity: ActivityModel) -> DefinitionViewModel {
        let input = input(of: activity.signature, owner: activity.key, contract: model.name, model: model.name)
        let output = output(of: activity.signature, contract: model.name)
        var arguments =
            Self.nameArguments(wireName: activity.wireName, aliases: activity.aliases) + [
                .text("input: \(input.coding)"),
                .text("output: \(output.coding)"),
            ]
        var defaults: [SwiftCode] = [
            (activity.taskQueue ?? model.taskQueue).map { .text("taskQueue: \(SwiftNaming.stringLiteral($0))") },
            activity.scheduleToCloseTimeout.map { .text("scheduleToCloseTimeout: \(Self.durationLiteral($0))") },
            activity.scheduleToStartTimeout.map { .text("scheduleToStartTimeout: \(Self.durationLiteral($0))") },
            activity.startToCloseTimeout.map { .text("startToCloseTimeout: \(Self.durationLiteral($0))") },
            activity.heartbeatTimeout.map { .text("heartbeatTimeout: \(Self.durationLiteral($0))") },
            activity.retryPolicy.map { Self.retryPolicyArgument($0) },
        ].compactMap { $0 }
        defaults += Self.cancellationAndPriorityDefaults(activity)
        if !defaults.isEmpty {
            arguments.append(.list(head: "defaults: \(QualifiedNames.runtime("ActivityDefaults"))", items: defaults, tail: ""))
        }
        return definition(
            key: activity.key,
            wireName: activity.wireName,
            hasAliases: !activity.aliases.isEmpty,
            kind: "activity",
            description: activity.description,
            type: QualifiedNames.runtime("ActivityDefinition") + "<\(input.type), \(output.type)>",
            arguments: arguments,
            hasDefaults: !defaults.isEmpty
        )
    }

    /// `retryPolicy: TemporalContracts.RetryPolicy(…)`.
    static func retryPolicyArgument(_ policy: RetryPolicyModel) -> SwiftCode {
        .list(
            head: "retryPolicy: \(QualifiedNames.runtime("RetryPolicy"))",
            items: retryPolicyArguments(policy).map(SwiftCode.text),
            tail: ""
        )
    }

    static func durationLiteral(_ duration: Duration) -> String {
        let nanoseconds = duration.totalNanoseconds
        if nanoseconds % 1_000_000_000 == 0 { return ".seconds(\(nanoseconds / 1_000_000_000))" }
        if nanoseconds % 1_000_000 == 0 { return ".milliseconds(\(nanoseconds / 1_000_000))" }
        if nanoseconds % 1_000 == 0 { return ".microseconds(\(nanoseconds / 1_000))" }
        return ".nanoseconds(\(nanoseconds))"
    }

    static func retryPolicyArguments(_ policy: RetryPolicyModel) -> [String] {
        [
            policy.initialInterval.map { "initialInterval: \(durationLiteral($0))" },
            policy.backoffCoefficient.map { "backoffCoefficient: \($0)" },
            policy.maximumInterval.map { "maximumInterval: \(durationLiteral($0))" },
            policy.maximumAttempts.map { "maximumAttempts: \($0)" },
            policy.nonRetryableErrorTypes.isEmpty
                ? nil : "nonRetryableErrorTypes: [\(policy.nonRetryableErrorTypes.map(SwiftNaming.stringLiteral).joined(separator: ", "))]",
        ].compactMap { $0 }
    }

    // MARK: ID templates

    /// A Swift string literal interpolating the input fields the template names.
    func idExpression(
        _ template: IDTemplate,
        signature: HandlerSignature,
        model: ContractModel,
        expressionNames: [IDTemplate.Segment: String] = [:]
    ) -> String {
        var literal = "\""
        for segment in template.segments {
            switch segment {
            case .literal(let text):
                literal += String(SwiftNaming.stringLiteral(text).dropFirst().dropLast())
            case .field(let path):
                literal += "\\(" + fieldAccess(path, signature: signature, model: model) + ")"
            case .expression:
                // makeIDArgument binds each expression's text to a constant first.
                literal += "\\(" + (expressionNames[segment] ?? "") + ")"
            }
        }
        return literal + "\""
    }

    func fieldAccess(_ path: [String], signature: HandlerSignature, model: ContractModel) -> String {
        var expression = "input"
        var type: TypeReference?
        var remaining = path[...]
        switch signature.input {
        case .single(let input): type = input
        case .parameters(let parameters):
            let parameter = parameters.first { $0.name == remaining.first }
            expression += "." + SwiftNaming.memberName(remaining.first ?? "")
            type = parameter?.type
            remaining = remaining.dropFirst()
        case .none: break
        }
        for field in remaining {
            switch type {
            case .protoMessage(let fullName, _):
                let swiftName = model.protoFieldSwiftNames[fullName]?[field] ?? field
                expression += "." + swiftName
                type = nil
            case .named(let name):
                expression += "." + SwiftNaming.memberName(field)
                type = propertyType(of: name, field: field)
            default:
                expression += "." + SwiftNaming.memberName(field)
                type = nil
            }
        }
        switch type {
        case .uuid: return expression + ".uuidString.lowercased()"
        case .named(let name) where isEnum(name): return expression + ".rawValue"
        default: return expression
        }
    }

    func propertyType(of name: QualifiedTypeName, field: String) -> TypeReference? {
        guard let type = namedType(name), case .object(let properties) = type.kind else { return nil }
        return properties.first { $0.wireName == field }?.type
    }

    func isEnum(_ name: QualifiedTypeName) -> Bool {
        switch namedType(name)?.kind {
        case .stringEnum, .integerEnum: true
        default: false
        }
    }
}
