import TemporalContracts

/// Starts Tagged as a child, so the child starts with the search attributes and memo the
/// contract maps from its input, and one more of each from the call.
final class TagParentWorkflow: Tagging.TagParentWorkflow {
    func run(_ input: Tagging.TaggedOrder, context: any WorkflowContext) async throws -> Tagging.TaggedReport {
        var options = ChildWorkflowOptions(id: "tagged-child")
        options.searchAttributes[Tagging.SearchAttributes.express] = true
        options.memo["parent"] = context.info.workflowID
        return try await context.executeChildWorkflow(Tagging.Workflows.tagged, input: input, options: options)
    }
}
