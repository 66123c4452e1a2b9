import Foundation

extension SwiftTranslator {
    mutating func definitions(for model: ContractModel) -> DefinitionsViewModel {
        var groups: [DefinitionGroupViewModel] = []
        func add(_ name: String, _ doc: String, _ definitions: [DefinitionViewModel]) {
            guard !definitions.isEmpty else { return }
            groups.append(
                DefinitionGroupViewModel(
                    isFirst: groups.isEmpty,
                    doc: ["/// \(doc)"],
                    name: name,
                    access: access,
                    definitions: definitions
                )
            )
        }
        add(
            "Workflows",
            "The workflow types of the `\(model.name)` contract.",
            numbered(model.workflows.map { workflow(model: model, $0) })
        )
        add(
            "Signals",
            "The signals of the `\(model.name)` contract.",
            numbered(model.signals.map { handler(model: model, $0) })
        )
        add(
            "Queries",
            "The queries of the `\(model.name)` contract.",
            numbered(model.queries.map { handler(model: model, $0) })
        )
        add(
            "Updates",
            "The updates of the `\(model.name)` contract.",
            numbered(model.updates.map { handler(model: model, $0) })
        )
        add(
            "Activities",
            "The activity types of the `\(model.name)` contract.",
            numbered(model.activities.map { activity(model: model, $0) })
        )
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
            groups: groups
        )
    }

    func numbered(_ definitions: [DefinitionViewModel]) -> [DefinitionViewModel] {
        definitions.enumerated().map { index, definition in
            var definition = definition
            definition.isFirst = index == 0
            return definition
        }
    }

    /// The Swift input type and its payload coding for a signature.
    func input(of signature: HandlerSignature, owner: String, contract: String) -> (type: String, coding: String) {
        switch signature.input {
        case .none: ("Void", ".void")
        case .single(let type): (swiftType(type, from: contract), ".single()")
        case .parameters: (SwiftNaming.typeName(owner) + "Arguments", ".positional")
        }
    }

    func output(of signature: HandlerSignature, contract: String) -> (type: String, coding: String) {
        guard let output = signature.output else { return ("Void", ".void") }
        return (swiftType(output, from: contract), ".single()")
    }

    func workflow(model: ContractModel, _ workflow: WorkflowModel) -> DefinitionViewModel {
        let input = input(of: workflow.signature, owner: workflow.key, contract: model.name)
        let output = output(of: workflow.signature, contract: model.name)
        var arguments: [[String]] = [
            ["name: \(SwiftNaming.stringLiteral(workflow.wireName))"],
            ["input: \(input.coding)"],
            ["output: \(output.coding)"],
        ]
        let defaults = call(
            "WorkflowDefaults",
            [
                workflow.taskQueue.map { "taskQueue: \(SwiftNaming.stringLiteral($0))" },
                workflow.executionTimeout.map { "executionTimeout: \(Self.durationLiteral($0))" },
                workflow.runTimeout.map { "runTimeout: \(Self.durationLiteral($0))" },
                workflow.taskTimeout.map { "taskTimeout: \(Self.durationLiteral($0))" },
                workflow.retryPolicy.map { retryPolicyArgument($0) },
                workflow.idReusePolicy.map { "idReusePolicy: .\($0.rawValue)" },
                workflow.idConflictPolicy.map { "idConflictPolicy: .\($0.rawValue)" },
            ].compactMap { $0 }
        )
        if let defaults { arguments.append(["defaults: " + defaults[0]] + defaults.dropFirst()) }
        if let template = workflow.idTemplate {
            arguments.append(["makeID: { input in \(idExpression(template, signature: workflow.signature, model: model)) }"])
        }
        return DefinitionViewModel(
            isFirst: false,
            doc: Self.doc(workflow.description),
            name: SwiftNaming.memberName(workflow.key),
            access: access,
            type: "WorkflowDefinition<\(input.type), \(output.type)>",
            arguments: Self.argumentList(arguments)
        )
    }

    func handler(model: ContractModel, _ handler: HandlerModel) -> DefinitionViewModel {
        let input = input(of: handler.signature, owner: handler.key, contract: model.name)
        let output = output(of: handler.signature, contract: model.name)
        var arguments: [[String]] = [
            ["name: \(SwiftNaming.stringLiteral(handler.wireName))"],
            ["input: \(input.coding)"],
        ]
        let type: String
        switch handler.kind {
        case .signal:
            type = "SignalDefinition<\(input.type)>"
        case .query:
            type = "QueryDefinition<\(input.type), \(output.type)>"
            arguments.append(["output: \(output.coding)"])
        case .update:
            type = "UpdateDefinition<\(input.type), \(output.type)>"
            arguments.append(["output: \(output.coding)"])
            if handler.hasValidator { arguments.append(["hasValidator: true"]) }
        }
        return DefinitionViewModel(
            isFirst: false,
            doc: Self.doc(handler.description),
            name: SwiftNaming.memberName(handler.key),
            access: access,
            type: type,
            arguments: Self.argumentList(arguments)
        )
    }

    func activity(model: ContractModel, _ activity: ActivityModel) -> DefinitionViewModel {
        let input = input(of: activity.signature, owner: activity.key, contract: model.name)
        let output = output(of: activity.signature, contract: model.name)
        var arguments: [[String]] = [
            ["name: \(SwiftNaming.stringLiteral(activity.wireName))"],
            ["input: \(input.coding)"],
            ["output: \(output.coding)"],
        ]
        let defaults = call(
            "ActivityDefaults",
            [
                (activity.taskQueue ?? model.taskQueue).map { "taskQueue: \(SwiftNaming.stringLiteral($0))" },
                activity.scheduleToCloseTimeout.map { "scheduleToCloseTimeout: \(Self.durationLiteral($0))" },
                activity.scheduleToStartTimeout.map { "scheduleToStartTimeout: \(Self.durationLiteral($0))" },
                activity.startToCloseTimeout.map { "startToCloseTimeout: \(Self.durationLiteral($0))" },
                activity.heartbeatTimeout.map { "heartbeatTimeout: \(Self.durationLiteral($0))" },
                activity.retryPolicy.map { retryPolicyArgument($0) },
            ].compactMap { $0 }
        )
        if let defaults { arguments.append(["defaults: " + defaults[0]] + defaults.dropFirst()) }
        return DefinitionViewModel(
            isFirst: false,
            doc: Self.doc(activity.description),
            name: SwiftNaming.memberName(activity.key),
            access: access,
            type: "ActivityDefinition<\(input.type), \(output.type)>",
            arguments: Self.argumentList(arguments)
        )
    }

    /// `Type(` + one indented line per argument + `)`, or nil when there are no arguments.
    /// An argument may span lines (a nested call); its continuation lines are indented with it.
    func call(_ type: String, _ arguments: [String]) -> [String]? {
        guard !arguments.isEmpty else { return nil }
        return ["\(type)("]
            + arguments.enumerated().flatMap { index, argument in
                var lines = argument.split(separator: "\n").map { "    " + $0 }
                if index < arguments.count - 1 { lines[lines.count - 1] += "," }
                return lines
            } + [")"]
    }

    /// `retryPolicy: RetryPolicy(…)`, wrapped one field per line when it would be long.
    func retryPolicyArgument(_ policy: RetryPolicyModel) -> String {
        let oneLine = "retryPolicy: " + Self.retryPolicyLiteral(policy)
        if oneLine.count + 20 <= Self.lineLimit { return oneLine }
        return "retryPolicy: " + (call("RetryPolicy", Self.retryPolicyArguments(policy)) ?? []).joined(separator: "\n")
    }

    static func argumentList(_ arguments: [[String]]) -> [DefinitionArgumentViewModel] {
        arguments.enumerated().map { index, lines in
            var lines = lines
            if index < arguments.count - 1 { lines[lines.count - 1] += "," }
            return DefinitionArgumentViewModel(lines: lines)
        }
    }

    static func durationLiteral(_ duration: Duration) -> String {
        let nanoseconds = duration.totalNanoseconds
        if nanoseconds % 1_000_000_000 == 0 { return ".seconds(\(nanoseconds / 1_000_000_000))" }
        if nanoseconds % 1_000_000 == 0 { return ".milliseconds(\(nanoseconds / 1_000_000))" }
        if nanoseconds % 1_000 == 0 { return ".microseconds(\(nanoseconds / 1_000))" }
        return ".nanoseconds(\(nanoseconds))"
    }

    static func retryPolicyLiteral(_ policy: RetryPolicyModel) -> String {
        "RetryPolicy(\(retryPolicyArguments(policy).joined(separator: ", ")))"
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
    func idExpression(_ template: IDTemplate, signature: HandlerSignature, model: ContractModel) -> String {
        var literal = "\""
        for segment in template.segments {
            switch segment {
            case .literal(let text):
                literal += String(SwiftNaming.stringLiteral(text).dropFirst().dropLast())
            case .field(let path):
                literal += "\\(" + fieldAccess(path, signature: signature, model: model) + ")"
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
