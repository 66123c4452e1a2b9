import TemporalContracts
import Tracing

extension TracingInterceptor {
    /// Runs the activity in a `RunActivity:<type>` span (kind server) whose parent is the trace
    /// context the schedule command carried; the span is `ServiceContext.current` while the
    /// activity runs, so its own spans and logs join the trace.
    public func executeActivity(
        _ input: ExecuteActivityInput,
        context: any ActivityContext,
        next: (ExecuteActivityInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        var attributes = ["temporalActivityID": context.info.activityID]
        if !context.info.workflowID.isEmpty { attributes["temporalWorkflowID"] = context.info.workflowID }
        if !context.info.workflowRunID.isEmpty { attributes["temporalRunID"] = context.info.workflowRunID }
        return try await withSpan(
            "RunActivity:\(input.activityType)",
            kind: .server,
            parent: traceContext(in: input.headers),
            attributes: attributes
        ) { _ in
            try await next(input)
        }
    }
}
