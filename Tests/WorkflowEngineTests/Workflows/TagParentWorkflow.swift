import TemporalContracts

/// Starts Tagged as a child, so the child starts with the search attributes and memo the
/// contract maps from its input.
final class TagParentWorkflow: Tagging.TagParentWorkflow {
    func run(_ input: Tagging.TaggedOrder, context: any WorkflowContext) async throws -> Tagging.TaggedReport {
        try await context.executeChildWorkflow(Tagging.Workflows.tagged, input: input, options: ChildWorkflowOptions(id: "tagged-child"))
    }
}
