/// The documentation facts of a workflow's child options, priority and summary, and of an
/// activity's cancellation type, priority and summary (details are the entry's description).
extension ContractDocumentation {
    func childAndPriorityFacts(_ workflow: WorkflowModel) -> [FactViewModel] {
        var facts: [FactViewModel] = []
        if let policy = workflow.parentClosePolicy { facts.append(fact("Parent-close policy", [code(policy.rawValue)])) }
        if let wait = workflow.waitForCancellation {
            facts.append(
                fact("Cancelled as a child", [text(wait ? "the parent waits until it has ended" : "the parent stops waiting at once")])
            )
        }
        facts += priorityFacts(workflow.priority)
        if let summary = workflow.summary { facts.append(fact("Summary", [text(summary)])) }
        return facts
    }

    func cancellationAndPriorityFacts(_ activity: ActivityModel) -> [FactViewModel] {
        var facts: [FactViewModel] = []
        if let wait = activity.waitForCancellation {
            facts.append(
                fact(
                    "Cancelled",
                    [text(wait ? "the workflow waits until the activity acknowledges it" : "the workflow stops waiting at once")]
                )
            )
        }
        facts += priorityFacts(activity.priority)
        if let summary = activity.summary { facts.append(fact("Summary", [text(summary)])) }
        return facts
    }

    func priorityFacts(_ priority: PriorityModel?) -> [FactViewModel] {
        guard let priority else { return [] }
        let settings = [
            priority.priorityKey.map { "priority key \($0)" },
            priority.fairnessKey.map { "fairness key \($0)" },
            priority.fairnessWeight.map { "fairness weight \($0)" },
        ].compactMap { $0 }
        return [fact("Priority", [text(settings.joined(separator: ", "))])]
    }
}
