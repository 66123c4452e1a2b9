/// What generated clients call: typed operations on workflows, by their definitions.
/// `TemporalClient` implements it over a transport to a real server; `MockWorkflowClient`
/// implements it in memory for tests of code that uses a generated client.
public protocol WorkflowClientBackend: Sendable {
    func start<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        options: WorkflowStartOptions
    ) async throws -> WorkflowExecution

    func signalWithStart<Input, Output, SignalInput>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        signal: SignalDefinition<SignalInput>,
        signalInput: SignalInput,
        options: WorkflowStartOptions
    ) async throws -> WorkflowExecution

    func updateWithStart<Input, Output, UpdateInput, UpdateOutput>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        update: UpdateDefinition<UpdateInput, UpdateOutput>,
        updateInput: UpdateInput,
        options: WorkflowStartOptions,
        updateOptions: UpdateOptions
    ) async throws -> (WorkflowExecution, WorkflowUpdateHandle<UpdateOutput>)

    /// Waits for the workflow's result, following continue-as-new and retries to the final run.
    func result<Input, Output>(
        of workflow: WorkflowDefinition<Input, Output>,
        execution: WorkflowExecution
    ) async throws -> Output

    func signal<SignalInput>(
        _ signal: SignalDefinition<SignalInput>,
        input: SignalInput,
        execution: WorkflowExecution
    ) async throws

    func query<QueryInput, QueryOutput>(
        _ query: QueryDefinition<QueryInput, QueryOutput>,
        input: QueryInput,
        execution: WorkflowExecution
    ) async throws -> QueryOutput

    func startUpdate<UpdateInput, UpdateOutput>(
        _ update: UpdateDefinition<UpdateInput, UpdateOutput>,
        input: UpdateInput,
        execution: WorkflowExecution,
        options: UpdateOptions
    ) async throws -> WorkflowUpdateHandle<UpdateOutput>

    func cancel(_ execution: WorkflowExecution, reason: String) async throws
    func terminate(_ execution: WorkflowExecution, reason: String) async throws
    func describe(_ execution: WorkflowExecution) async throws -> WorkflowExecutionDescription
}

/// Per-call options of an update.
public struct UpdateOptions: Hashable, Sendable {
    /// The update ID; a random UUID when nil. Reusing an ID returns the same update.
    public var id: String?
    /// When `startUpdate` returns; nil takes the contract's `waitForStage`, else
    /// ``UpdateWaitStage/accepted``. `execute…` always waits for completion.
    public var waitFor: UpdateWaitStage?

    public init(id: String? = nil, waitFor: UpdateWaitStage? = nil) {
        self.id = id
        self.waitFor = waitFor
    }
}

/// A started update; `result()` waits for it to complete.
public struct WorkflowUpdateHandle<Output: Sendable>: Sendable {
    public let id: String
    public let name: String
    public let execution: WorkflowExecution
    private let fetchResult: @Sendable () async throws -> Output

    public init(
        id: String,
        name: String,
        execution: WorkflowExecution,
        fetchResult: @escaping @Sendable () async throws -> Output
    ) {
        self.id = id
        self.name = name
        self.execution = execution
        self.fetchResult = fetchResult
    }

    /// The update's result, or `WorkflowUpdateFailedError` when it was rejected or failed.
    public func result() async throws -> Output {
        try await fetchResult()
    }
}
