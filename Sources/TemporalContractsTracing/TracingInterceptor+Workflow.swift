import TemporalContracts
import Tracing

// Workflow spans follow the Python SDK: each is started and ended at once at the workflow's time
// (`context.now`), because a span held open across workflow tasks cannot survive a replay on
// another worker; none is created while the workflow replays, so a replay emits nothing twice.
// Their parent is the trace context of the workflow's start headers, which history keeps, so a
// command issued in a later task (after a replay) nests under the same span as the first.
extension TracingInterceptor {
    /// Records a `RunWorkflow:<type>` span (kind server) under the start headers' context, and a `CompleteWorkflow:<type>` span when the run completes or fails.
    public func executeWorkflow(
        _ input: ExecuteWorkflowInput,
        context: any WorkflowContext,
        next: (ExecuteWorkflowInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        let parent = traceContext(in: input.headers)
        completedSpan("RunWorkflow:\(input.workflowType)", kind: .server, parent: parent, context: context)
        do {
            let result = try await next(input)
            completedSpan("CompleteWorkflow:\(input.workflowType)", kind: .internal, parent: parent, context: context)
            return result
        } catch let error as ContinueAsNewError {
            throw error
        } catch let error as CancellationError {
            // Also what the run's code gets when the worker evicts it from its cache at the end of
            // a workflow task (it replays in the next): the run goes on, so it did not complete.
            throw error
        } catch {
            completedSpan(
                "CompleteWorkflow:\(input.workflowType)",
                kind: .internal,
                parent: parent,
                context: context,
                error: error
            )
            throw error
        }
    }

    /// Records a `HandleSignal:<signal>` span under the workflow's context, linked to the sender's span.
    public func handleSignal(
        _ input: HandleSignalInput,
        context: any WorkflowContext,
        next: (HandleSignalInput) async throws -> Void
    ) async throws {
        completedSpan(
            "HandleSignal:\(input.signalName)",
            kind: .server,
            parent: traceContext(in: context.info.headers),
            context: context,
            link: traceContext(in: input.headers)
        )
        try await next(input)
    }

    /// Records a `HandleQuery:<query>` span under the caller's span when the query carries a trace context.
    public func handleQuery(
        _ input: HandleQueryInput,
        context: any WorkflowContext,
        next: (HandleQueryInput) throws -> [Payload]
    ) throws -> [Payload] {
        // As in Python: only a query that carries a trace context gets a span, parented on the
        // caller and linked to the workflow; queries are not history, so replay does not matter.
        if let caller = traceContext(in: input.headers) {
            completedSpan(
                "HandleQuery:\(input.queryName)",
                kind: .server,
                parent: caller,
                context: context,
                link: traceContext(in: context.info.headers),
                evenWhenReplaying: true
            )
        }
        return try next(input)
    }

    /// Records a `ValidateUpdate:<update>` span under the workflow's context, linked to the caller's span.
    public func validateUpdate(
        _ input: HandleUpdateInput,
        context: any WorkflowContext,
        next: (HandleUpdateInput) throws -> Void
    ) throws {
        completedSpan(
            "ValidateUpdate:\(input.updateName)",
            kind: .server,
            parent: traceContext(in: context.info.headers),
            context: context,
            link: traceContext(in: input.headers)
        )
        try next(input)
    }

    /// Records a `HandleUpdate:<update>` span under the workflow's context, linked to the caller's span.
    public func handleUpdate(
        _ input: HandleUpdateInput,
        context: any WorkflowContext,
        next: (HandleUpdateInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        completedSpan(
            "HandleUpdate:\(input.updateName)",
            kind: .server,
            parent: traceContext(in: context.info.headers),
            context: context,
            link: traceContext(in: input.headers)
        )
        return try await next(input)
    }

    /// Records a `StartActivity:<type>` span (kind client) and sends its context with the command.
    public func scheduleActivity(
        _ input: ScheduleActivityInput,
        context: any WorkflowContext,
        next: (ScheduleActivityInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        var input = input
        input.headers = outboundHeaders(input.headers, span: "StartActivity:\(input.activityType)", context: context)
        return try await next(input)
    }

    /// Records a `StartActivity:<type>` span for the local activity and passes its context to it.
    public func scheduleLocalActivity(
        _ input: ScheduleActivityInput,
        context: any WorkflowContext,
        next: (ScheduleActivityInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        var input = input
        input.headers = outboundHeaders(input.headers, span: "StartActivity:\(input.activityType)", context: context)
        return try await next(input)
    }

    /// Records a `StartChildWorkflow:<type>` span and sends its context with the command.
    public func startChildWorkflow(
        _ input: StartChildWorkflowInput,
        context: any WorkflowContext,
        next: (StartChildWorkflowInput) async throws -> ChildWorkflowHandle<[Payload]>
    ) async throws -> ChildWorkflowHandle<[Payload]> {
        var input = input
        input.headers = outboundHeaders(input.headers, span: "StartChildWorkflow:\(input.workflowType)", context: context)
        return try await next(input)
    }

    /// Records a `SignalExternalWorkflow:<signal>` span and sends its context with the signal.
    public func signalExternalWorkflow(
        _ input: SignalExternalWorkflowInput,
        context: any WorkflowContext,
        next: (SignalExternalWorkflowInput) async throws -> Void
    ) async throws {
        var input = input
        input.headers = outboundHeaders(input.headers, span: "SignalExternalWorkflow:\(input.signalName)", context: context)
        try await next(input)
    }

    /// Passes the run's trace context on to the next run.
    public func continueAsNew(
        _ input: ContinueAsNewInput,
        context: any WorkflowContext,
        next: (ContinueAsNewInput) throws -> Never
    ) throws -> Never {
        // The next run continues the same trace: the context this run started under, not a new span.
        var input = input
        if let parent = traceContext(in: context.info.headers) {
            input.headers = headers(input.headers, injecting: parent)
        }
        try next(input)
    }

    /// `headers` with the context of a new completed `span` (kind client) under the workflow's
    /// parent; unchanged while replaying, when no span is made (the server does not compare a
    /// replayed command's headers, as it never resends them).
    private func outboundHeaders(_ headers: [String: Payload], span name: String, context: any WorkflowContext) -> [String: Payload] {
        let parent = traceContext(in: context.info.headers)
        guard let spanContext = completedSpan(name, kind: .client, parent: parent, context: context) else { return headers }
        return self.headers(headers, injecting: spanContext)
    }

    /// Creates a span that starts and ends at the workflow's current time, unless the workflow
    /// replays (and `evenWhenReplaying` is false) or there is no parent and
    /// ``alwaysCreateWorkflowSpans`` is off. Returns the span's context.
    @discardableResult
    func completedSpan(
        _ name: String,
        kind: SpanKind,
        parent: ServiceContext?,
        context: any WorkflowContext,
        link: ServiceContext? = nil,
        error: (any Error)? = nil,
        evenWhenReplaying: Bool = false
    ) -> ServiceContext? {
        guard !context.isReplaying || evenWhenReplaying else { return nil }
        guard parent != nil || alwaysCreateWorkflowSpans else { return nil }
        let instant = WorkflowTracerInstant(context.now)
        let span = tracer.startSpan(name, context: parent ?? .topLevel, ofKind: kind, at: instant)
        span.attributes["temporalWorkflowID"] = context.info.workflowID
        span.attributes["temporalRunID"] = context.info.runID
        if let link { span.addLink(SpanLink(context: link, attributes: [:])) }
        if let error { span.recordError(error, attributes: [:], at: instant) }
        span.end(at: instant)
        return span.context
    }
}
