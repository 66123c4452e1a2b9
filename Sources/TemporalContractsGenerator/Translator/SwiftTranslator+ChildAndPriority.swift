/// The defaults arguments for a workflow started as a child (`parentClosePolicy`,
/// `childCancellationType`), an activity's cancellation type, and `priority` and user metadata
/// (`summary`, `details`) of both. They come last in `WorkflowDefaults(…)`/`ActivityDefaults(…)`,
/// in the order of the initializers.
extension SwiftTranslator {
    static func childAndPriorityDefaults(_ workflow: WorkflowModel) -> [SwiftCode] {
        [
            workflow.parentClosePolicy.map { .text("parentClosePolicy: .\($0.rawValue)") },
            workflow.waitForCancellation.map {
                .text("childCancellationType: .\($0 ? "waitCancellationCompleted" : "tryCancel")")
            },
            workflow.priority.map(priorityArgument),
            workflow.summary.map { .text("summary: \(SwiftNaming.stringLiteral($0))") },
            workflow.details.map { .text("details: \(SwiftNaming.stringLiteral($0))") },
        ].compactMap { $0 }
    }

    static func cancellationAndPriorityDefaults(_ activity: ActivityModel) -> [SwiftCode] {
        [
            activity.waitForCancellation.map {
                .text("cancellationType: .\($0 ? "waitCancellationCompleted" : "tryCancel")")
            },
            activity.priority.map(priorityArgument),
            activity.summary.map { .text("summary: \(SwiftNaming.stringLiteral($0))") },
        ].compactMap { $0 }
    }

    /// `priority: TemporalContracts.Priority(priorityKey: 1, fairnessKey: "tenant", fairnessWeight: 2.5)`.
    static func priorityArgument(_ priority: PriorityModel) -> SwiftCode {
        let items: [String] = [
            priority.priorityKey.map { "priorityKey: \($0)" },
            priority.fairnessKey.map { "fairnessKey: \(SwiftNaming.stringLiteral($0))" },
            priority.fairnessWeight.map { "fairnessWeight: \($0)" },
        ].compactMap { $0 }
        return .list(head: "priority: \(QualifiedNames.runtime("Priority"))", items: items.map(SwiftCode.text), tail: "")
    }
}
