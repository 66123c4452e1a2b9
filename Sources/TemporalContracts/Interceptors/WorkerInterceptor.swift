/// Sees what a worker runs and what its workflows ask of the server, with payloads encoded and
/// the Temporal headers of each call.
///
/// - Workflow inbound: the run, signals, queries, update validators and updates.
/// - Workflow outbound: activities, local activities, child workflows, timers, signals to other
///   workflows, and continue-as-new.
/// - Activity inbound: each execution.
///
/// Every method has a default that calls `next` unchanged, so an interceptor implements only
/// what it cares about. Interceptors form a chain in the order the worker lists them: the first
/// one sees a call first and its result last.
///
/// ## Determinism
///
/// Workflow methods (all but ``executeActivity(_:context:next:)``) run on the workflow's
/// executor, inside workflow code, and again when the run is replayed. They must be as
/// deterministic as workflow code: read time and randomness from the `context` (`now`,
/// `randomUInt64()`, `uuid()`), do no I/O, and skip side effects (logging, metrics, spans) while
/// `context.isReplaying` is true. They may change headers and arguments, but must change them
/// the same way on every replay. `context.logger` is already silent during replay.
public protocol WorkerInterceptor: Sendable {
    // MARK: Workflow inbound

    /// The workflow's run, from its input to its result.
    func executeWorkflow(
        _ input: ExecuteWorkflowInput,
        context: any WorkflowContext,
        next: (ExecuteWorkflowInput) async throws -> [Payload]
    ) async throws -> [Payload]

    /// A signal handler.
    func handleSignal(
        _ input: HandleSignalInput,
        context: any WorkflowContext,
        next: (HandleSignalInput) async throws -> Void
    ) async throws

    /// A query handler; queries answer synchronously and change nothing.
    func handleQuery(
        _ input: HandleQueryInput,
        context: any WorkflowContext,
        next: (HandleQueryInput) throws -> [Payload]
    ) throws -> [Payload]

    /// An update's validator; throwing rejects the update before it is accepted.
    func validateUpdate(
        _ input: HandleUpdateInput,
        context: any WorkflowContext,
        next: (HandleUpdateInput) throws -> Void
    ) throws

    /// An update handler, once the update is accepted.
    func handleUpdate(
        _ input: HandleUpdateInput,
        context: any WorkflowContext,
        next: (HandleUpdateInput) async throws -> [Payload]
    ) async throws -> [Payload]

    // MARK: Workflow outbound

    /// An activity the workflow schedules; returns its encoded result.
    func scheduleActivity(
        _ input: ScheduleActivityInput,
        context: any WorkflowContext,
        next: (ScheduleActivityInput) async throws -> [Payload]
    ) async throws -> [Payload]

    /// A local activity the workflow runs; returns its encoded result.
    func scheduleLocalActivity(
        _ input: ScheduleActivityInput,
        context: any WorkflowContext,
        next: (ScheduleActivityInput) async throws -> [Payload]
    ) async throws -> [Payload]

    /// A child workflow the workflow starts; returns once the child started.
    func startChildWorkflow(
        _ input: StartChildWorkflowInput,
        context: any WorkflowContext,
        next: (StartChildWorkflowInput) async throws -> ChildWorkflowHandle<[Payload]>
    ) async throws -> ChildWorkflowHandle<[Payload]>

    /// A durable timer.
    func startTimer(
        _ input: StartTimerInput,
        context: any WorkflowContext,
        next: (StartTimerInput) async throws -> Void
    ) async throws

    /// A signal to another workflow, a child included.
    func signalExternalWorkflow(
        _ input: SignalExternalWorkflowInput,
        context: any WorkflowContext,
        next: (SignalExternalWorkflowInput) async throws -> Void
    ) async throws

    /// Continue-as-new: ends the run and starts the next one.
    func continueAsNew(
        _ input: ContinueAsNewInput,
        context: any WorkflowContext,
        next: (ContinueAsNewInput) throws -> Never
    ) throws -> Never

    // MARK: Activity inbound

    /// One attempt of an activity the worker runs; returns its encoded result.
    func executeActivity(
        _ input: ExecuteActivityInput,
        context: any ActivityContext,
        next: (ExecuteActivityInput) async throws -> [Payload]
    ) async throws -> [Payload]
}

extension WorkerInterceptor {
    public func executeWorkflow(
        _ input: ExecuteWorkflowInput,
        context: any WorkflowContext,
        next: (ExecuteWorkflowInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        try await next(input)
    }

    public func handleSignal(
        _ input: HandleSignalInput,
        context: any WorkflowContext,
        next: (HandleSignalInput) async throws -> Void
    ) async throws {
        try await next(input)
    }

    public func handleQuery(
        _ input: HandleQueryInput,
        context: any WorkflowContext,
        next: (HandleQueryInput) throws -> [Payload]
    ) throws -> [Payload] {
        try next(input)
    }

    public func validateUpdate(
        _ input: HandleUpdateInput,
        context: any WorkflowContext,
        next: (HandleUpdateInput) throws -> Void
    ) throws {
        try next(input)
    }

    public func handleUpdate(
        _ input: HandleUpdateInput,
        context: any WorkflowContext,
        next: (HandleUpdateInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        try await next(input)
    }

    public func scheduleActivity(
        _ input: ScheduleActivityInput,
        context: any WorkflowContext,
        next: (ScheduleActivityInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        try await next(input)
    }

    public func scheduleLocalActivity(
        _ input: ScheduleActivityInput,
        context: any WorkflowContext,
        next: (ScheduleActivityInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        try await next(input)
    }

    public func startChildWorkflow(
        _ input: StartChildWorkflowInput,
        context: any WorkflowContext,
        next: (StartChildWorkflowInput) async throws -> ChildWorkflowHandle<[Payload]>
    ) async throws -> ChildWorkflowHandle<[Payload]> {
        try await next(input)
    }

    public func startTimer(
        _ input: StartTimerInput,
        context: any WorkflowContext,
        next: (StartTimerInput) async throws -> Void
    ) async throws {
        try await next(input)
    }

    public func signalExternalWorkflow(
        _ input: SignalExternalWorkflowInput,
        context: any WorkflowContext,
        next: (SignalExternalWorkflowInput) async throws -> Void
    ) async throws {
        try await next(input)
    }

    public func continueAsNew(
        _ input: ContinueAsNewInput,
        context: any WorkflowContext,
        next: (ContinueAsNewInput) throws -> Never
    ) throws -> Never {
        try next(input)
    }

    public func executeActivity(
        _ input: ExecuteActivityInput,
        context: any ActivityContext,
        next: (ExecuteActivityInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        try await next(input)
    }
}
