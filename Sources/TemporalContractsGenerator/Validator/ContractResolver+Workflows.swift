import Foundation

/// Workflows and the signals, queries and updates they accept, own or imported.
extension ContractResolver {
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
        resolved.aliases = resolveAliases(
            workflow.aliases,
            wireName: resolved.wireName,
            owner: owner,
            element: Self.aliasElement("workflow", contract: contract, key: workflow.key.value)
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
        resolved.idTemplate = workflow.idTemplate.flatMap {
            resolveIDTemplate($0, signature: signature, owner: owner, format: syntax.format)
        }
        resolved.taskQueue = workflow.taskQueue.flatMap { nonEmpty($0, what: "'taskQueue'") } ?? model.taskQueue
        resolved.searchAttributeMappings = resolveSearchAttributeMappings(
            workflow.searchAttributes,
            signature: signature,
            model: model,
            owner: owner
        )
        resolved.memoMappings = resolveMemoMappings(workflow.memo, signature: signature, owner: owner)
        resolved.executionTimeout = duration(workflow.executionTimeout, what: "'executionTimeout'")
        resolved.runTimeout = duration(workflow.runTimeout, what: "'runTimeout'")
        resolved.taskTimeout = duration(workflow.taskTimeout, what: "'taskTimeout'")
        resolved.retryPolicy = retryPolicy(workflow.retryPolicy)
        resolved.parentClosePolicy = workflow.parentClosePolicy.flatMap {
            policy(ParentClosePolicyModel.self, $0, what: "'parentClosePolicy'")
        }
        resolved.waitForCancellation = workflow.waitForCancellation
        resolved.priority = priority(workflow.priority)
        resolved.summary = workflow.summary.flatMap { summary($0) }
        // An explicit `details: ""` sends none; without the key the description stands in.
        resolved.details = workflow.details.map(\.value) ?? workflow.description
        if resolved.details?.isEmpty == true { resolved.details = nil }
        resolved.idReusePolicy = workflow.idReusePolicy.flatMap { policy(IDReusePolicyModel.self, $0, what: "'idReusePolicy'") }
        resolved.idConflictPolicy = workflow.idConflictPolicy.flatMap {
            policy(IDConflictPolicyModel.self, $0, what: "'idConflictPolicy'")
        }
        resolved.enableEagerStart = workflow.enableEagerStart
        resolved.versioningBehavior = workflow.versioningBehavior.flatMap {
            policy(VersioningBehaviorModel.self, $0, what: "'versioningBehavior'")
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

    mutating func handlerUses(
        _ references: [HandlerReferenceSyntax],
        kind: HandlerKind,
        available: KeyPath<ContractModel, [HandlerModel]>,
        model: ContractModel,
        owner: String
    ) -> [HandlerUse] {
        var uses: [HandlerUse] = []
        // Every name the accepted handlers answer to (wire names and aliases), and who listed it.
        var names: [String: (reference: Located<String>, isAlias: Bool)] = [:]
        for reference in references {
            guard let handler = findHandler(reference.name, kind: kind, available: available, model: model, owner: owner)
            else { continue }
            let claimed = [(handler.wireName, false)] + handler.aliases.map { ($0, true) }
            if let (name, isAlias) = claimed.first(where: { names[$0.0] != nil }), let earlier = names[name] {
                let what = isAlias || earlier.isAlias ? "that answer to '\(name)'" : "with the wire name '\(name)'"
                diagnostics.error(
                    "\(owner) accepts two \(kind.rawValue)s \(what)",
                    at: reference.name.location,
                    hint: "the other is listed at line \(earlier.reference.location.line); "
                        + "each \(kind.rawValue) name and alias must be unique per workflow"
                )
                continue
            }
            for (name, isAlias) in claimed { names[name] = (reference.name, isAlias) }
            uses.append(updateOptions(of: reference, HandlerUse(handler: handler, withStart: reference.withStart && kind != .query)))
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
}
