extension ContractDocumentation {
    // MARK: Workflows

    func workflowEntry(_ workflow: WorkflowModel, in model: ContractModel) -> EntryViewModel {
        let stem = SwiftNaming.typeStem(workflow.key)
        var facts = [
            fact("Wire name", [code(workflow.wireName)]),
            fact("Swift name", [code("\(model.name).Workflows.\(SwiftNaming.memberName(workflow.key))")]),
            fact(
                "Swift API",
                list(
                    ["Client.start\(stem)", "Client.execute\(stem)", "\(stem)Handle", "\(stem)Workflow"].map { code("\(model.name).\($0)") }
                )
            ),
        ]
        facts += aliasFacts(workflow.aliases)
        facts += signatureFacts(workflow.signature, owner: workflow.key, in: model, hasOutput: true)
        if let template = workflow.idTemplate { facts.append(fact("Workflow ID", [code(template.source)])) }
        if let taskQueue = workflow.taskQueue { facts.append(fact("Task queue", [code(taskQueue)])) }
        facts += durationFacts([
            ("Execution timeout", workflow.executionTimeout),
            ("Run timeout", workflow.runTimeout),
            ("Task timeout", workflow.taskTimeout),
        ])
        facts += retryFacts(workflow.retryPolicy)
        if let policy = workflow.idReusePolicy { facts.append(fact("ID reuse policy", [code(policy.rawValue)])) }
        if let policy = workflow.idConflictPolicy { facts.append(fact("ID conflict policy", [code(policy.rawValue)])) }
        if let eager = workflow.enableEagerStart { facts.append(fact("Eager start", [code("\(eager)")])) }
        if let behavior = workflow.versioningBehavior { facts.append(fact("Versioning behavior", [code(behavior.rawValue)])) }
        facts += childAndPriorityFacts(workflow)
        for (label, uses) in [("Signals", workflow.signals), ("Queries", workflow.queries), ("Updates", workflow.updates)]
        where !uses.isEmpty {
            facts.append(fact(label, list(uses.map { handlerLink($0.handler, from: model) })))
        }
        for (label, uses) in [("Signal-with-start", workflow.signals), ("Update-with-start", workflow.updates)] {
            let starting = uses.filter(\.withStart)
            if !starting.isEmpty { facts.append(fact(label, list(starting.map { handlerLink($0.handler, from: model) }))) }
        }
        return entry(
            kind: "workflow",
            key: workflow.key,
            description: workflow.description,
            facts: facts,
            signature: workflow.signature,
            in: model
        )
    }

    func handlerLink(_ handler: HandlerModel, from model: ContractModel) -> TextRunViewModel {
        let name = handler.contract == model.name ? handler.key : "\(handler.contract).\(handler.key)"
        return link(code(name), href(Self.anchor(handler.kind.rawValue, handler.key), in: handler.contract, from: model.name))
    }

    // MARK: Handlers

    func handlerEntry(_ handler: HandlerModel, in model: ContractModel) -> EntryViewModel {
        var facts = [
            fact("Wire name", [code(handler.wireName)]),
            fact("Swift name", [code("\(model.name).\(Self.group(of: handler.kind)).\(SwiftNaming.memberName(handler.key))")]),
        ]
        facts += aliasFacts(handler.aliases)
        facts += signatureFacts(handler.signature, owner: handler.key, in: model, hasOutput: handler.kind != .signal)
        if handler.kind == .update {
            facts.append(
                fact("Validator", [text(handler.hasValidator ? "yes: the workflow may reject the update before accepting it" : "no")])
            )
        }
        if let workflows = acceptingWorkflows[Self.handlerID(handler)] {
            facts.append(
                fact(
                    "Accepted by",
                    list(
                        workflows.map { workflow in
                            let name = workflow.contract == model.name ? workflow.key : "\(workflow.contract).\(workflow.key)"
                            return link(code(name), href(Self.anchor("workflow", workflow.key), in: workflow.contract, from: model.name))
                        }
                    )
                )
            )
        }
        return entry(
            kind: handler.kind.rawValue,
            key: handler.key,
            description: handler.description,
            facts: facts,
            signature: handler.signature,
            in: model
        )
    }

    // MARK: Activities

    func activityEntry(_ activity: ActivityModel, in model: ContractModel) -> EntryViewModel {
        var facts = [
            fact("Wire name", [code(activity.wireName)]),
            fact("Swift name", [code("\(model.name).Activities.\(SwiftNaming.memberName(activity.key))")]),
            fact("Swift API", [code("\(model.name).ActivityImplementations.\(SwiftNaming.memberName(activity.key))")]),
        ]
        facts += aliasFacts(activity.aliases)
        facts += signatureFacts(activity.signature, owner: activity.key, in: model, hasOutput: true)
        // As the definitions do: the activity's own queue, else the contract's.
        if let taskQueue = activity.taskQueue ?? model.taskQueue { facts.append(fact("Task queue", [code(taskQueue)])) }
        facts += durationFacts([
            ("Schedule-to-close timeout", activity.scheduleToCloseTimeout),
            ("Schedule-to-start timeout", activity.scheduleToStartTimeout),
            ("Start-to-close timeout", activity.startToCloseTimeout),
            ("Heartbeat timeout", activity.heartbeatTimeout),
        ])
        facts += retryFacts(activity.retryPolicy)
        facts += cancellationAndPriorityFacts(activity)
        return entry(
            kind: "activity",
            key: activity.key,
            description: activity.description,
            facts: facts,
            signature: activity.signature,
            in: model
        )
    }

    // MARK: Shared facts

    func entry(
        kind: String,
        key: String,
        description: String?,
        facts: [FactViewModel],
        signature: HandlerSignature,
        in model: ContractModel
    ) -> EntryViewModel {
        var parameters: [ParameterViewModel] = []
        if case .parameters(let list) = signature.input {
            parameters = list.enumerated().map { index, parameter in
                ParameterViewModel(
                    position: index + 1,
                    name: markup.cellCode(parameter.name),
                    swift: markup.cellCode("\(SwiftNaming.memberName(parameter.name)): \(swiftType(parameter.type, in: model))"),
                    type: typeRuns(parameter.type, from: model, inCell: true),
                    format: Self.format(of: parameter.type).map { markup.cellCode($0) }
                )
            }
        }
        let description = Self.paragraphs(description)
        return EntryViewModel(
            anchor: Self.anchor(kind, key),
            name: markup.code(key),
            kind: kind,
            description: description,
            hasDescription: !description.isEmpty,
            facts: facts,
            parameters: parameters,
            hasParameters: !parameters.isEmpty
        )
    }

    func aliasFacts(_ aliases: [String]) -> [FactViewModel] {
        aliases.isEmpty ? [] : [fact("Aliases", list(aliases.map { code($0) }))]
    }

    /// Input and output: a type, nothing, or positional parameters listed under the facts.
    func signatureFacts(_ signature: HandlerSignature, owner: String, in model: ContractModel, hasOutput: Bool) -> [FactViewModel] {
        var facts: [FactViewModel] = []
        switch signature.input {
        case .none:
            facts.append(fact("Input", [text("none")]))
        case .single(let type):
            facts.append(fact("Input", typeRuns(type, from: model)))
        case .parameters(let parameters):
            facts.append(
                fact(
                    "Input",
                    [
                        text(
                            "\(parameters.count) positional parameter\(parameters.count == 1 ? "" : "s"), one payload each (below); Swift: "
                        ),
                        code("\(model.name).\(SwiftTranslator.argumentsTypeName(owner))"),
                    ]
                )
            )
        }
        if hasOutput {
            facts.append(fact("Output", signature.output.map { typeRuns($0, from: model) } ?? [text("none")]))
        }
        return facts
    }

    func durationFacts(_ durations: [(String, Duration?)]) -> [FactViewModel] {
        durations.compactMap { label, duration in duration.map { fact(label, [code(Self.durationText($0))]) } }
    }

    func retryFacts(_ policy: RetryPolicyModel?) -> [FactViewModel] {
        guard let policy else { return [] }
        let settings = [
            policy.initialInterval.map { "initial interval \(Self.durationText($0))" },
            policy.backoffCoefficient.map { "backoff coefficient \(Self.numberText($0))" },
            policy.maximumInterval.map { "maximum interval \(Self.durationText($0))" },
            policy.maximumAttempts.map { "maximum attempts \($0)" },
        ].compactMap { $0 }
        var facts: [FactViewModel] = []
        if !settings.isEmpty { facts.append(fact("Retry policy", [text(settings.joined(separator: ", "))])) }
        if !policy.nonRetryableErrorTypes.isEmpty {
            facts.append(fact("Non-retryable errors", list(policy.nonRetryableErrorTypes.map { code($0) })))
        }
        return facts
    }

    /// `24h`, `1h30m`, `250ms`: a duration as contracts write it.
    static func durationText(_ duration: Duration) -> String {
        var remaining = duration.totalNanoseconds
        guard remaining > 0 else { return "0s" }
        var text = ""
        let units: [(String, Int64)] = [
            ("h", 3_600_000_000_000), ("m", 60_000_000_000), ("s", 1_000_000_000), ("ms", 1_000_000), ("µs", 1_000), ("ns", 1),
        ]
        for (unit, nanoseconds) in units where remaining >= nanoseconds {
            text += "\(remaining / nanoseconds)\(unit)"
            remaining %= nanoseconds
        }
        return text
    }

    /// `2` rather than `2.0`.
    static func numberText(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}
