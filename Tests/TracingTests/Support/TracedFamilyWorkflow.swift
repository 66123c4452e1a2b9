import TemporalContracts

/// A parent that runs a child and then continues as new: the trace context must reach the child
/// and the next run. One dynamic registration serves the three workflow types.
final class TracedFamilyWorkflow: WorkflowImplementation {
    init() {}

    static let parent = WorkflowDefinition<String, String>(name: "TracedParent", input: .single(), output: .single())
    static let child = WorkflowDefinition<String, String>(name: "TracedChild", input: .single(), output: .single())
    static let nextRun = WorkflowDefinition<String, String>(name: "TracedNextRun", input: .single(), output: .single())

    static let registration = WorkflowRegistration.dynamic(TracedFamilyWorkflow.self) { _, input, context in
        let name = try input.decode(as: String.self)
        switch input.name {
        case parent.name:
            let fromChild = try await context.executeChildWorkflow(child, input: name)
            try context.continueAsNew(nextRun, input: fromChild)
        case child.name:
            return "child of \(name)"
        default:
            return "next run after \(name)"
        }
    }
}
