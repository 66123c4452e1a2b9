extension CompatibilityChecker {
    /// A workflow, handler or activity seen the same way for matching across versions.
    struct Element {
        enum Kind: String, CaseIterable {
            case workflow, signal, query, update, activity
        }

        var kind: Kind
        var contract: String
        var key: String
        var wireName: String
        var aliases: [String]
        var signature: HandlerSignature
        var location: SourceLocation

        /// `Orders.ProcessOrder`: how findings and ignore entries name it.
        var id: String { "\(contract).\(key)" }
        var names: Set<String> { Set([wireName] + aliases) }
    }

    static func elements(of kind: Element.Kind, in models: [ContractModel]) -> [Element] {
        models.flatMap { model -> [Element] in
            func element(
                _ key: String,
                _ wireName: String,
                _ aliases: [String],
                _ signature: HandlerSignature,
                _ location: SourceLocation
            )
                -> Element
            {
                Element(
                    kind: kind,
                    contract: model.name,
                    key: key,
                    wireName: wireName,
                    aliases: aliases,
                    signature: signature,
                    location: location
                )
            }
            switch kind {
            case .workflow: return model.workflows.map { element($0.key, $0.wireName, $0.aliases, $0.signature, $0.location) }
            case .activity: return model.activities.map { element($0.key, $0.wireName, $0.aliases, $0.signature, $0.location) }
            case .signal, .query, .update:
                let handlers = kind == .signal ? model.signals : kind == .query ? model.queries : model.updates
                return handlers.map { element($0.key, $0.wireName, $0.aliases, $0.signature, $0.location) }
            }
        }
    }

    /// Pairs each old element with its new counterpart by wire name, then by alias, then by its
    /// name in the contract (a wire rename); reports what is gone. Returns the pairs by old wire name.
    mutating func match(_ kind: Element.Kind) -> [String: (old: Element, new: Element)] {
        let olds = Self.elements(of: kind, in: old.models)
        let news = Self.elements(of: kind, in: new.models)
        let byWireName = Dictionary(news.map { ($0.wireName, $0) }, uniquingKeysWith: { first, _ in first })
        var byAlias: [String: Element] = [:]
        for element in news { for alias in element.aliases where byAlias[alias] == nil { byAlias[alias] = element } }
        let byID = Dictionary(news.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var pairs: [String: (old: Element, new: Element)] = [:]
        for element in olds {
            if let counterpart = byWireName[element.wireName] {
                pairs[element.wireName] = (element, counterpart)
            } else if let counterpart = byAlias[element.wireName] {
                pairs[element.wireName] = (element, counterpart)
                report(
                    CompatibilityFinding(
                        rule: .renamedWithAlias,
                        severity: .info,
                        element: counterpart.id,
                        message: "\(kind.rawValue) renamed; workers still answer to the old name",
                        location: counterpart.location,
                        oldValue: element.wireName,
                        newValue: counterpart.wireName
                    )
                )
            } else if let counterpart = byID[element.id] {
                pairs[element.wireName] = (element, counterpart)
                report(
                    CompatibilityFinding(
                        rule: Self.nameChangedRule(kind),
                        severity: .error,
                        element: counterpart.id,
                        message: "\(kind.rawValue) wire name changed; executions, clients and peers using the old name fail",
                        location: counterpart.location,
                        oldValue: element.wireName,
                        newValue: counterpart.wireName,
                        hint: "keep the old name working: `aliases: [\(element.wireName)]` on \(counterpart.key)"
                    )
                )
            } else {
                report(
                    CompatibilityFinding(
                        rule: Self.removedRule(kind),
                        severity: .error,
                        element: element.id,
                        message: "\(kind.rawValue) '\(element.wireName)' was removed",
                        location: element.location,
                        oldValue: element.wireName,
                        hint:
                            "keep it until nothing runs or calls it; if it was replaced, list '\(element.wireName)' under the replacement's `aliases`"
                    )
                )
            }
        }
        for (old, new) in pairs.values {
            for alias in old.aliases.sorted() where !new.names.contains(alias) {
                report(
                    CompatibilityFinding(
                        rule: .aliasRemoved,
                        severity: .error,
                        element: "\(new.id).\(alias)",
                        message: "alias '\(alias)' was removed; executions and clients still using it fail",
                        location: new.location,
                        oldValue: alias,
                        hint:
                            "remove an alias only when no execution runs and no client calls that name, then ignore this rule with the reason"
                    )
                )
            }
        }
        return pairs
    }

    static func removedRule(_ kind: Element.Kind) -> CompatibilityRule {
        switch kind {
        case .workflow: .workflowRemoved
        case .signal: .signalRemoved
        case .query: .queryRemoved
        case .update: .updateRemoved
        case .activity: .activityRemoved
        }
    }

    static func nameChangedRule(_ kind: Element.Kind) -> CompatibilityRule {
        switch kind {
        case .workflow: .workflowNameChanged
        case .signal: .signalNameChanged
        case .query: .queryNameChanged
        case .update: .updateNameChanged
        case .activity: .activityNameChanged
        }
    }

    /// Matches every kind, then compares what each matched pair carries.
    mutating func compareElements() {
        var matched: [Element.Kind: [String: (old: Element, new: Element)]] = [:]
        for kind in Element.Kind.allCases { matched[kind] = match(kind) }
        for kind in Element.Kind.allCases {
            for oldName in (matched[kind] ?? [:]).keys.sorted() {
                guard let (old, new) = matched[kind]?[oldName] else { continue }
                compareSignatures(old, new, activityResultsStored: kind == .activity)
            }
        }
        compareWorkflowDetails(handlerPairs: matched)
        compareActivityDetails(pairs: matched[.activity] ?? [:])
        compareUpdateDetails(pairs: matched[.update] ?? [:])
        compareSearchAttributeDeclarations()
        compareUpdateIDTemplates(pairs: matched[.update] ?? [:])
    }
}
