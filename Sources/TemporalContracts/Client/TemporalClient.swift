import Foundation

/// A client of a Temporal namespace: typed operations over a `TemporalTransport`, with payloads
/// converted by the data converter. Generated clients are thin wrappers around it.
public struct TemporalClient: WorkflowClientBackend {
    public let transport: any TemporalTransport
    public let dataConverter: DataConverter
    /// When queries are rejected rather than run, for every query this client sends.
    public let queryRejectCondition: QueryRejectCondition
    /// The chain every call runs through before the transport, first one outermost.
    public let interceptors: [any ClientInterceptor]

    public init(
        transport: any TemporalTransport,
        dataConverter: DataConverter = .default,
        queryRejectCondition: QueryRejectCondition = .none,
        interceptors: [any ClientInterceptor] = []
    ) {
        self.transport = transport
        self.dataConverter = dataConverter
        self.queryRejectCondition = queryRejectCondition
        self.interceptors = interceptors
    }

    /// The start request for `workflow`: per-call options over the contract's defaults; the ID from
    /// the options, else the contract's ID template, else a random UUID.
    func startRequest<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        options: WorkflowStartOptions
    ) async throws -> StartWorkflowRequest {
        let defaults = workflow.defaults
        guard let taskQueue = options.taskQueue ?? defaults.taskQueue else {
            throw MissingOptionError(option: "taskQueue", operation: "starting workflow '\(workflow.name)'")
        }
        let memo = try await startMemo(workflow, input: input, options: options)
        var request = StartWorkflowRequest(
            workflowID: try options.id ?? workflow.makeID?(input, .system) ?? UUID().uuidString.lowercased(),
            workflowType: workflow.name,
            taskQueue: taskQueue,
            input: try await dataConverter.encode(input, with: workflow.input),
            executionTimeout: options.executionTimeout ?? defaults.executionTimeout,
            runTimeout: options.runTimeout ?? defaults.runTimeout,
            taskTimeout: options.taskTimeout ?? defaults.taskTimeout,
            retryPolicy: options.retryPolicy ?? defaults.retryPolicy,
            idReusePolicy: options.idReusePolicy ?? defaults.idReusePolicy,
            idConflictPolicy: options.idConflictPolicy ?? defaults.idConflictPolicy,
            memo: memo,
            searchAttributes: try startSearchAttributes(workflow, input: input, options: options),
            startDelay: options.startDelay,
            enableEagerStart: options.enableEagerStart ?? defaults.enableEagerStart ?? false
        )
        try await applyPriorityAndMetadata(to: &request, defaults: defaults, options: options)
        return request
    }

    public func start<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        options: WorkflowStartOptions
    ) async throws -> WorkflowExecution {
        let request = try await startRequest(workflow, input: input, options: options)
        let response = try await interceptedStart(request)
        return WorkflowExecution(workflowID: request.workflowID, runID: response.runID)
    }

    public func signalWithStart<Input, Output, SignalInput>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        signal: SignalDefinition<SignalInput>,
        signalInput: SignalInput,
        options: WorkflowStartOptions
    ) async throws -> WorkflowExecution {
        var request = try await startRequest(workflow, input: input, options: options)
        // Signal-with-start exists to reach a running workflow, so a contract's `fail` conflict
        // policy (meant for plain starts) cannot apply; the server rejects it here.
        if request.idConflictPolicy == .fail { request.idConflictPolicy = nil }
        let signalRequest = SignalWorkflowRequest(
            execution: WorkflowExecution(workflowID: request.workflowID),
            signalName: signal.name,
            input: try await dataConverter.encode(signalInput, with: signal.input)
        )
        let response = try await interceptedSignalWithStart(SignalWithStartWorkflowRequest(start: request, signal: signalRequest))
        return WorkflowExecution(workflowID: request.workflowID, runID: response.runID)
    }

    public func updateWithStart<Input, Output, UpdateInput, UpdateOutput>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        update: UpdateDefinition<UpdateInput, UpdateOutput>,
        updateInput: UpdateInput,
        options: WorkflowStartOptions,
        updateOptions: UpdateOptions
    ) async throws -> (WorkflowExecution, WorkflowUpdateHandle<UpdateOutput>) {
        let waitFor = updateOptions.waitFor ?? update.waitForStage ?? .accepted
        try Self.checkWaitStage(waitFor)
        var request = try await startRequest(workflow, input: input, options: options)
        // The server requires a conflict policy for update-with-start; using the running workflow is
        // what the SDKs default to.
        request.idConflictPolicy = request.idConflictPolicy ?? .useExisting
        let updateRequest = UpdateWorkflowRequest(
            execution: WorkflowExecution(workflowID: request.workflowID),
            updateName: update.name,
            updateID: try update.updateID(for: updateInput, options: updateOptions),
            input: try await dataConverter.encode(updateInput, with: update.input),
            waitFor: waitFor
        )
        let (start, response) = try await interceptedUpdateWithStart(UpdateWithStartWorkflowRequest(start: request, update: updateRequest))
        let execution = WorkflowExecution(workflowID: request.workflowID, runID: start.runID)
        return (execution, updateHandle(update, response: response, execution: execution))
    }

    public func result<Input, Output>(
        of workflow: WorkflowDefinition<Input, Output>,
        execution: WorkflowExecution
    ) async throws -> Output {
        switch try await interceptedResult(WorkflowResultRequest(execution: execution, workflowType: workflow.name)) {
        case .completed(let payloads):
            return try await dataConverter.decode(payloads, with: workflow.output)
        case .failed(let failure):
            throw WorkflowFailedError(execution: execution, cause: try await dataConverter.decodeFailure(failure))
        case .canceled(let details):
            throw WorkflowFailedError(
                execution: execution,
                cause: CanceledError("workflow canceled", details: try await dataConverter.decodeCodecs(details))
            )
        case .terminated(let reason):
            throw WorkflowFailedError(execution: execution, cause: TerminatedError(reason.isEmpty ? "workflow terminated" : reason))
        case .timedOut:
            throw WorkflowFailedError(execution: execution, cause: TimeoutError("workflow timed out", timeoutType: .startToClose))
        }
    }

    public func signal<SignalInput>(
        _ signal: SignalDefinition<SignalInput>,
        input: SignalInput,
        execution: WorkflowExecution
    ) async throws {
        try await interceptedSignal(
            SignalWorkflowRequest(
                execution: execution,
                signalName: signal.name,
                input: try await dataConverter.encode(input, with: signal.input)
            )
        )
    }

    public func query<QueryInput, QueryOutput>(
        _ query: QueryDefinition<QueryInput, QueryOutput>,
        input: QueryInput,
        execution: WorkflowExecution
    ) async throws -> QueryOutput {
        let payloads = try await interceptedQuery(
            QueryWorkflowRequest(
                execution: execution,
                queryName: query.name,
                input: try await dataConverter.encode(input, with: query.input),
                rejectCondition: queryRejectCondition
            )
        )
        return try await dataConverter.decode(payloads, with: query.output)
    }

    public func startUpdate<UpdateInput, UpdateOutput>(
        _ update: UpdateDefinition<UpdateInput, UpdateOutput>,
        input: UpdateInput,
        execution: WorkflowExecution,
        options: UpdateOptions
    ) async throws -> WorkflowUpdateHandle<UpdateOutput> {
        let waitFor = options.waitFor ?? update.waitForStage ?? .accepted
        try Self.checkWaitStage(waitFor)
        let response = try await interceptedUpdate(
            UpdateWorkflowRequest(
                execution: execution,
                updateName: update.name,
                updateID: try update.updateID(for: input, options: options),
                input: try await dataConverter.encode(input, with: update.input),
                waitFor: waitFor
            )
        )
        return updateHandle(update, response: response, execution: execution)
    }

    /// Servers refuse to hold a call until an update is only admitted, as the other SDKs also say
    /// before sending.
    static func checkWaitStage(_ stage: UpdateWaitStage) throws {
        if stage == .admitted {
            throw UnsupportedOptionError(
                "waiting for an update's admitted stage is not supported by Temporal servers; wait for .accepted or .completed"
            )
        }
    }

    /// A handle whose result is the response's outcome when known, else polled for.
    func updateHandle<UpdateInput, UpdateOutput>(
        _ update: UpdateDefinition<UpdateInput, UpdateOutput>,
        response: UpdateWorkflowResponse,
        execution: WorkflowExecution
    ) -> WorkflowUpdateHandle<UpdateOutput> {
        let transport = self.transport
        let converter = self.dataConverter
        return WorkflowUpdateHandle(id: response.reference.updateID, name: update.name, execution: execution) {
            var outcome = response.outcome
            while outcome == nil {
                outcome = try await transport.pollWorkflowUpdate(response.reference, waitFor: .completed).outcome
            }
            switch outcome! {
            case .success(let payloads):
                return try await converter.decode(payloads, with: update.output)
            case .failure(let failure):
                throw WorkflowUpdateFailedError(
                    updateName: update.name,
                    updateID: response.reference.updateID,
                    cause: try await converter.decodeFailure(failure)
                )
            }
        }
    }

    public func cancel(_ execution: WorkflowExecution, reason: String) async throws {
        try await interceptedCancel(CancelWorkflowRequest(execution: execution, reason: reason))
    }

    public func terminate(_ execution: WorkflowExecution, reason: String) async throws {
        try await interceptedTerminate(TerminateWorkflowRequest(execution: execution, reason: reason))
    }

    public func describe(_ execution: WorkflowExecution) async throws -> WorkflowExecutionDescription {
        try await interceptedDescribe(DescribeWorkflowRequest(execution: execution)).decoded(with: dataConverter)
    }

    /// The workflows a visibility query selects, e.g. `WorkflowType = 'ProcessOrder'`; `""` lists
    /// all. Pages are fetched until `limit` executions are collected or none remain.
    public func listWorkflows(
        query: String = "",
        limit: Int? = nil,
        pageSize: Int = 100
    ) async throws
        -> [WorkflowExecutionDescription]
    {
        var executions: [WorkflowExecutionDescription] = []
        var token: Data?
        repeat {
            let page = try await interceptedList(ListWorkflowsRequest(query: query, pageSize: pageSize, nextPageToken: token))
            for execution in page.executions { executions.append(try await execution.decoded(with: dataConverter)) }
            token = page.nextPageToken
        } while token != nil && executions.count < (limit ?? .max)
        return limit.map { Array(executions.prefix($0)) } ?? executions
    }
}

/// A call needs an option that neither the call nor the contract gives.
public struct MissingOptionError: Error, Hashable, Sendable, CustomStringConvertible {
    public var option: String
    public var operation: String

    public init(option: String, operation: String) {
        self.option = option
        self.operation = operation
    }

    public var description: String {
        "\(operation) needs '\(option)': pass it in the call's options or set it in the contract"
    }
}
