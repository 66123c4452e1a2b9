/// Search attributes, memo, versioning and child options: settings that do not change a payload
/// but change what the server indexes, what `describe()` shows, and how runs and children behave.
extension CompatibilityChecker {
    /// Declared search attributes, by name across every contract: the server registers each name
    /// once per namespace, whichever contract declares it.
    mutating func compareSearchAttributeDeclarations() {
        let newAttributes = Self.searchAttributes(of: new.models)
        for (name, oldAttribute) in Self.searchAttributes(of: old.models).sorted(by: { $0.key < $1.key }) {
            guard let newAttribute = newAttributes[name] else {
                report(
                    CompatibilityFinding(
                        rule: .searchAttributeRemoved,
                        severity: .warning,
                        element: "searchAttributes.\(name)",
                        message:
                            "the search attribute is no longer declared; list queries and other teams filtering on it find no new runs",
                        location: oldAttribute.location,
                        oldValue: oldAttribute.kind.rawValue,
                        hint: "keep the declaration while anyone queries by it"
                    )
                )
                continue
            }
            guard oldAttribute.kind != newAttribute.kind else { continue }
            reportTypeChange(of: name, from: oldAttribute.kind, to: newAttribute.kind, at: newAttribute.location)
        }
    }

    /// One error per attribute, whether its declaration or (in `.proto` contracts, which infer the
    /// type from the field or a typed mapping) a workflow's mapping shows the change.
    mutating func reportTypeChange(
        of name: String,
        from oldKind: SearchAttributeKindModel,
        to newKind: SearchAttributeKindModel,
        at location: SourceLocation
    ) {
        report(
            CompatibilityFinding(
                rule: .searchAttributeTypeChanged,
                severity: .error,
                element: "searchAttributes.\(name)",
                message:
                    "the search attribute's type changed; the server keeps the type it was registered with, so starts and upserts of the new type fail and running code disagrees",
                location: location,
                oldValue: oldKind.rawValue,
                newValue: newKind.rawValue,
                hint: "declare a new attribute under a new name and stop setting the old one"
            )
        )
    }

    /// A matched workflow's search-attribute and memo mappings, versioning behaviour and child options.
    mutating func compareWorkflowOptions(_ id: String, old oldWorkflow: WorkflowModel, new newWorkflow: WorkflowModel) {
        let location = newWorkflow.location
        compareMappings(
            id,
            group: "searchAttributes",
            old: oldWorkflow.searchAttributeMappings,
            new: newWorkflow.searchAttributeMappings,
            rules: (.searchAttributeMappingRemoved, .searchAttributeMappingChanged),
            consequence: "list queries filtering on it no longer find new runs",
            location: location
        )
        compareMappings(
            id,
            group: "memo",
            old: oldWorkflow.memoMappings,
            new: newWorkflow.memoMappings,
            rules: (.memoMappingRemoved, .memoMappingChanged),
            consequence: "readers of `describe()` no longer find the key on new runs",
            location: location
        )
        compareSetting(
            .versioningBehaviorChanged,
            id,
            "versioningBehavior",
            oldWorkflow.versioningBehavior?.rawValue,
            newWorkflow.versioningBehavior?.rawValue,
            location
        )
        compareSetting(
            .parentClosePolicyChanged,
            id,
            "parentClosePolicy",
            oldWorkflow.parentClosePolicy?.rawValue,
            newWorkflow.parentClosePolicy?.rawValue,
            location
        )
    }

    /// Warnings for mappings whose name is gone or whose source (field path or expression) changed.
    mutating func compareMappings(
        _ id: String,
        group: String,
        old oldMappings: [InputMappingModel],
        new newMappings: [InputMappingModel],
        rules: (removed: CompatibilityRule, changed: CompatibilityRule),
        consequence: String,
        location: SourceLocation
    ) {
        let newByName = Dictionary(newMappings.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for oldMapping in oldMappings {
            guard let newMapping = newByName[oldMapping.name] else {
                report(
                    CompatibilityFinding(
                        rule: rules.removed,
                        severity: .warning,
                        element: "\(id).\(group).\(oldMapping.name)",
                        message: "starts no longer set '\(oldMapping.name)'; \(consequence)",
                        location: location,
                        oldValue: Self.source(of: oldMapping),
                        hint: "keep the mapping while anyone reads it"
                    )
                )
                continue
            }
            if let oldKind = oldMapping.kind, let newKind = newMapping.kind, oldKind != newKind {
                reportTypeChange(of: oldMapping.name, from: oldKind, to: newKind, at: location)
            }
            let oldSource = Self.source(of: oldMapping)
            let newSource = Self.source(of: newMapping)
            guard oldSource != newSource else { continue }
            report(
                CompatibilityFinding(
                    rule: rules.changed,
                    severity: .warning,
                    element: "\(id).\(group).\(oldMapping.name)",
                    message: "new runs take '\(oldMapping.name)' from a different source than running ones",
                    location: location,
                    oldValue: oldSource,
                    newValue: newSource
                )
            )
        }
    }

    /// Update IDs deduplicate updates like workflow IDs deduplicate starts, so a changed update ID
    /// template is reported like a workflow's.
    mutating func compareUpdateIDTemplates(pairs: [String: (old: Element, new: Element)]) {
        let oldUpdates = Self.index(old.models) { $0.updates.map { ($0.key, $0) } }
        let newUpdates = Self.index(new.models) { $0.updates.map { ($0.key, $0) } }
        for oldName in pairs.keys.sorted() {
            guard let pair = pairs[oldName], let oldUpdate = oldUpdates[pair.old.id], let newUpdate = newUpdates[pair.new.id]
            else { continue }
            compareSetting(
                .idTemplateChanged,
                pair.new.id,
                "id",
                oldUpdate.idTemplate?.source,
                newUpdate.idTemplate?.source,
                newUpdate.location
            )
        }
    }

    /// Where a mapping takes its value: the expression's text, or the field path by wire names.
    static func source(of mapping: InputMappingModel) -> String {
        mapping.expression.map { "${! \($0.source) }" } ?? mapping.path.joined(separator: ".")
    }

    static func searchAttributes(of models: [ContractModel]) -> [String: SearchAttributeModel] {
        var result: [String: SearchAttributeModel] = [:]
        for model in models {
            for attribute in model.searchAttributes where result[attribute.name] == nil { result[attribute.name] = attribute }
        }
        return result
    }
}
