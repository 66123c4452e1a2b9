import Yams

/// The workflow keys for starting it as a child (`parentClosePolicy`, `waitForCancellation`), its
/// static user metadata (`summary`, `details`), and the `priority` mapping of workflows and activities.
extension YAMLContractParser {
    static let priorityKeys = ["priorityKey", "fairnessKey", "fairnessWeight"]

    mutating func readChildAndPriorityOptions(
        _ fields: [String: (key: Located<String>, value: Node)],
        into workflow: inout WorkflowSyntax
    ) {
        workflow.parentClosePolicy = fields["parentClosePolicy"].flatMap {
            reader.string($0.value, context: "'parentClosePolicy'")
        }
        workflow.waitForCancellation = fields["waitForCancellation"].flatMap {
            reader.boolean($0.value, context: "'waitForCancellation'")
        }
        workflow.priority = fields["priority"].flatMap { priority($0.value) }
        workflow.summary = fields["summary"].flatMap { reader.string($0.value, context: "'summary'") }
        workflow.details = fields["details"].flatMap { reader.string($0.value, context: "'details'") }
    }

    /// `priority: { priorityKey: 1, fairnessKey: tenant-a, fairnessWeight: 2.5 }`.
    mutating func priority(_ node: Node) -> PrioritySyntax? {
        guard let fields = fieldsByKey(node, context: "'priority'", allowedKeys: Self.priorityKeys) else { return nil }
        var priority = PrioritySyntax(at: reader.location(of: node))
        priority.priorityKey = fields["priorityKey"].flatMap { reader.integer($0.value, context: "'priorityKey'") }
        priority.fairnessKey = fields["fairnessKey"].flatMap { reader.string($0.value, context: "'fairnessKey'") }
        priority.fairnessWeight = fields["fairnessWeight"].flatMap { reader.number($0.value, context: "'fairnessWeight'") }
        return priority
    }
}
