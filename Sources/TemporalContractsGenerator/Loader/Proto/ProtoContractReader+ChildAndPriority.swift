/// `parent_close_policy`, `wait_for_cancellation` and `priority` of `temporal.v1.workflow`, and
/// `priority` of `temporal.v1.activity`, into the same syntax the YAML keys give.
extension ProtoContractReader {
    func readChildAndPriorityOptions(
        _ options: Temporal_V1_WorkflowOptions,
        into workflow: inout WorkflowSyntax,
        at location: SourceLocation
    ) {
        workflow.parentClosePolicy = parentClosePolicy(options.parentClosePolicy).map { Located($0, at: location) }
        // proto3 cannot tell `false` from unset: only `true` is a choice; unset keeps the runtime's default.
        if options.waitForCancellation { workflow.waitForCancellation = true }
        if options.hasPriority { workflow.priority = priority(options.priority, at: location) }
    }

    func parentClosePolicy(_ policy: Temporal_V1_ParentClosePolicy) -> String? {
        switch policy {
        case .terminate: ParentClosePolicyModel.terminate.rawValue
        case .abandon: ParentClosePolicyModel.abandon.rawValue
        case .requestCancel: ParentClosePolicyModel.requestCancel.rawValue
        case .unspecified, .UNRECOGNIZED: nil
        }
    }

    /// Zero fields are unset, as in the API message; the resolver checks the values.
    func priority(_ priority: Temporal_V1_Priority, at location: SourceLocation) -> PrioritySyntax {
        var syntax = PrioritySyntax(at: location)
        if priority.priorityKey != 0 { syntax.priorityKey = Located(Int(priority.priorityKey), at: location) }
        if !priority.fairnessKey.isEmpty { syntax.fairnessKey = Located(priority.fairnessKey, at: location) }
        if priority.fairnessWeight != 0 { syntax.fairnessWeight = Located(Double(priority.fairnessWeight), at: location) }
        return syntax
    }
}

/// `wait_for_stage` of `temporal.v1.update` (or the deprecated `wait_policy` it replaced).
extension ProtoContractReader {
    func waitStage(_ options: Temporal_V1_UpdateOptions, at location: SourceLocation) -> Located<String>? {
        let policy = options.waitForStage != .unspecified ? options.waitForStage : options.waitPolicy
        let stage: UpdateWaitStageModel? =
            switch policy {
            case .admitted: .admitted
            case .accepted: .accepted
            case .completed: .completed
            case .unspecified, .UNRECOGNIZED: nil
            }
        return stage.map { Located($0.rawValue, at: location) }
    }
}

/// A workflow's `update` entry: `start`, and its `validate` and `workflow_id_conflict_policy`.
extension ProtoContractReader {
    func updateReference(_ options: Temporal_V1_WorkflowOptions.Update, name: Located<String>) -> HandlerReferenceSyntax {
        var syntax = HandlerReferenceSyntax(name: name, withStart: options.start)
        if options.hasValidate { syntax.validate = options.validate }
        syntax.idConflictPolicy = idConflictPolicy(options.workflowIDConflictPolicy).map { Located($0, at: name.location) }
        return syntax
    }
}
