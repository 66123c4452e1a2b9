import Foundation
import TemporalContracts

extension WorkflowEngine {
    /// The run's main function behind the interceptors' `executeWorkflow`. The input was decoded
    /// once at the start event (so a bad input fails the task there); it is decoded again only
    /// when an interceptor changed the arguments.
    func intercepted(
        _ run: @escaping WorkflowRegistration.WorkflowRun,
        _ request: ExecuteWorkflowInput
    ) -> WorkflowRegistration.WorkflowRun {
        guard !context.interceptors.isEmpty else { return run }
        return { [self] instance, workflowContext in
            try await context.intercepted(request) { interceptor, input, next in
                try await interceptor.executeWorkflow(input, context: workflowContext, next: next)
            } terminal: { [self] input in
                guard input.arguments != request.arguments else { return try await run(instance, workflowContext) }
                let changed: WorkflowRegistration.WorkflowRun
                do {
                    changed = try registration.run(input.arguments, dataConverter.payloadConverter)
                } catch {
                    throw WorkflowTaskError(
                        "the input of workflow '\(registration.name)', as the interceptors changed it, does not decode: \(error)"
                    )
                }
                return try await changed(instance, workflowContext)
            }
        }
    }
}
