import TemporalContracts

/// Cancellation scopes: cancelling the workflow cancels the long activity, which is waited for
/// until it acknowledges; the compensation runs shielded from the cancellation.
final class CompensatingWorkflow: Engine.CompensatingWorkflow {
    func run(context: any WorkflowContext) async throws -> String {
        let activities = Engine.ActivityStubs(context)
        do {
            return try await activities.waitForCancel(options: ActivityOptions(cancellationType: .waitCancellationCompleted))
        } catch {
            try await context.shielded {
                try await activities.compensate("undo after \(type(of: error))")
            }
            throw error
        }
    }
}
