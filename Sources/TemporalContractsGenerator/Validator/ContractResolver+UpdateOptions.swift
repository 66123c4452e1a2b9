/// An update's `waitForStage`: accepted or completed.
extension ContractResolver {
    mutating func waitStage(_ text: Located<String>) -> UpdateWaitStageModel? {
        guard let stage = policy(UpdateWaitStageModel.self, text, what: "'waitForStage'") else { return nil }
        guard stage != .admitted else {
            diagnostics.error(
                "'waitForStage' cannot be admitted",
                at: text.location,
                hint: "servers do not hold a call until an update is only admitted; use accepted or completed"
            )
            return nil
        }
        return stage
    }
}

/// A workflow's own options for an update it accepts: `validate` overrides the update's, and
/// `idConflictPolicy` applies to its update-with-start.
extension ContractResolver {
    mutating func updateOptions(of reference: HandlerReferenceSyntax, _ use: HandlerUse) -> HandlerUse {
        var use = use
        guard use.handler.kind == .update else {
            if reference.validate != nil || reference.idConflictPolicy != nil {
                diagnostics.error(
                    "'validate' and 'idConflictPolicy' apply to updates, not to \(use.handler.kind.rawValue) '\(reference.name.value)'",
                    at: reference.name.location,
                    hint: "remove them from this entry"
                )
            }
            return use
        }
        if let validate = reference.validate { use.handler.hasValidator = validate }
        if let text = reference.idConflictPolicy {
            use.idConflictPolicy = policy(IDConflictPolicyModel.self, text, what: "'idConflictPolicy'")
            if !use.withStart {
                diagnostics.warning(
                    "'idConflictPolicy' of update '\(reference.name.value)' has no effect without 'start: true'",
                    at: text.location,
                    hint: "it is the conflict policy of update-with-start"
                )
            }
        }
        return use
    }
}
