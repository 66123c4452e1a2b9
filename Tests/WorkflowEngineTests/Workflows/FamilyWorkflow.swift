import TemporalContracts

/// Child workflows (start, signal, result, cancel) and a signal to an external workflow.
final class FamilyWorkflow: Engine.FamilyWorkflow {
    func run(childID: String, externalID: String, context: any WorkflowContext) async throws -> Engine.FamilyReport {
        let children = Engine.ChildWorkflowStubs(context)
        let child = try await children.startChild(options: ChildWorkflowOptions(id: childID))
        try await context.signalExternalWorkflow(Engine.Signals.wake, input: "from parent", execution: child.execution)
        let childResult = try await child.result()

        let doomed = try await children.startChild(options: ChildWorkflowOptions(id: childID + "-doomed"))
        try await doomed.cancel()
        var canceled = "not canceled"
        do {
            _ = try await doomed.result()
        } catch let error as ChildWorkflowError where error.cause is CanceledError {
            canceled = "canceled \(error.workflowID)"
        }

        var external = "delivered"
        do {
            try await context.signalExternalWorkflow(
                Engine.Signals.wake,
                input: "from family",
                execution: WorkflowExecution(workflowID: externalID)
            )
        } catch {
            external = "failed: \(type(of: error))"
        }
        return Engine.FamilyReport(childResult: childResult, canceledChild: canceled, externalSignal: external)
    }
}

/// Waits for Wake.
final class ChildWorkflow: Engine.ChildWorkflow {
    private var text: String?

    func run(context: any WorkflowContext) async throws -> String {
        try await context.condition { self.text != nil }
        return "woke: \(text ?? "")"
    }

    func wake(_ input: String, context: any WorkflowContext) async throws {
        text = input
    }
}
