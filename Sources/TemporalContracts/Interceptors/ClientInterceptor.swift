/// Sees every call a ``TemporalClient`` makes, with its payloads encoded and its Temporal
/// headers, and decides how it continues: change the request (add a header), observe it (log,
/// trace, count), or fail it.
///
/// Every method has a default that calls `next` unchanged, so an interceptor implements only
/// the calls it cares about. Interceptors form a chain in the order the client lists them: the
/// first one sees the call first and its result last.
///
/// ```swift
/// struct TenantHeader: ClientInterceptor {
///     let tenant: Payload
///     func startWorkflow(
///         _ request: StartWorkflowRequest,
///         next: (StartWorkflowRequest) async throws -> StartWorkflowResponse
///     ) async throws -> StartWorkflowResponse {
///         var request = request
///         request.headers["tenant"] = tenant
///         return try await next(request)
///     }
/// }
/// ```
public protocol ClientInterceptor: Sendable {
    /// A workflow start.
    func startWorkflow(
        _ request: StartWorkflowRequest,
        next: (StartWorkflowRequest) async throws -> StartWorkflowResponse
    ) async throws -> StartWorkflowResponse

    /// A signal to a running workflow.
    func signalWorkflow(
        _ request: SignalWorkflowRequest,
        next: (SignalWorkflowRequest) async throws -> Void
    ) async throws

    /// A signal that starts the workflow when it is not running.
    func signalWithStartWorkflow(
        _ request: SignalWithStartWorkflowRequest,
        next: (SignalWithStartWorkflowRequest) async throws -> StartWorkflowResponse
    ) async throws -> StartWorkflowResponse

    /// A query.
    func queryWorkflow(
        _ request: QueryWorkflowRequest,
        next: (QueryWorkflowRequest) async throws -> [Payload]
    ) async throws -> [Payload]

    /// An update sent to a running workflow.
    func updateWorkflow(
        _ request: UpdateWorkflowRequest,
        next: (UpdateWorkflowRequest) async throws -> UpdateWorkflowResponse
    ) async throws -> UpdateWorkflowResponse

    /// An update that starts the workflow when it is not running.
    func updateWithStartWorkflow(
        _ request: UpdateWithStartWorkflowRequest,
        next: (UpdateWithStartWorkflowRequest) async throws -> (StartWorkflowResponse, UpdateWorkflowResponse)
    ) async throws -> (StartWorkflowResponse, UpdateWorkflowResponse)

    /// The wait for a workflow's result.
    func workflowResult(
        _ request: WorkflowResultRequest,
        next: (WorkflowResultRequest) async throws -> WorkflowOutcome
    ) async throws -> WorkflowOutcome

    /// A cancellation request.
    func cancelWorkflow(
        _ request: CancelWorkflowRequest,
        next: (CancelWorkflowRequest) async throws -> Void
    ) async throws

    /// A termination.
    func terminateWorkflow(
        _ request: TerminateWorkflowRequest,
        next: (TerminateWorkflowRequest) async throws -> Void
    ) async throws

    /// A describe call.
    func describeWorkflow(
        _ request: DescribeWorkflowRequest,
        next: (DescribeWorkflowRequest) async throws -> WorkflowExecutionDescription
    ) async throws -> WorkflowExecutionDescription

    /// One page of a visibility list.
    func listWorkflows(
        _ request: ListWorkflowsRequest,
        next: (ListWorkflowsRequest) async throws -> WorkflowExecutionPage
    ) async throws -> WorkflowExecutionPage
}

extension ClientInterceptor {
    public func startWorkflow(
        _ request: StartWorkflowRequest,
        next: (StartWorkflowRequest) async throws -> StartWorkflowResponse
    ) async throws -> StartWorkflowResponse {
        try await next(request)
    }

    public func signalWorkflow(
        _ request: SignalWorkflowRequest,
        next: (SignalWorkflowRequest) async throws -> Void
    ) async throws {
        try await next(request)
    }

    public func signalWithStartWorkflow(
        _ request: SignalWithStartWorkflowRequest,
        next: (SignalWithStartWorkflowRequest) async throws -> StartWorkflowResponse
    ) async throws -> StartWorkflowResponse {
        try await next(request)
    }

    public func queryWorkflow(
        _ request: QueryWorkflowRequest,
        next: (QueryWorkflowRequest) async throws -> [Payload]
    ) async throws -> [Payload] {
        try await next(request)
    }

    public func updateWorkflow(
        _ request: UpdateWorkflowRequest,
        next: (UpdateWorkflowRequest) async throws -> UpdateWorkflowResponse
    ) async throws -> UpdateWorkflowResponse {
        try await next(request)
    }

    public func updateWithStartWorkflow(
        _ request: UpdateWithStartWorkflowRequest,
        next: (UpdateWithStartWorkflowRequest) async throws -> (StartWorkflowResponse, UpdateWorkflowResponse)
    ) async throws -> (StartWorkflowResponse, UpdateWorkflowResponse) {
        try await next(request)
    }

    public func workflowResult(
        _ request: WorkflowResultRequest,
        next: (WorkflowResultRequest) async throws -> WorkflowOutcome
    ) async throws -> WorkflowOutcome {
        try await next(request)
    }

    public func cancelWorkflow(
        _ request: CancelWorkflowRequest,
        next: (CancelWorkflowRequest) async throws -> Void
    ) async throws {
        try await next(request)
    }

    public func terminateWorkflow(
        _ request: TerminateWorkflowRequest,
        next: (TerminateWorkflowRequest) async throws -> Void
    ) async throws {
        try await next(request)
    }

    public func describeWorkflow(
        _ request: DescribeWorkflowRequest,
        next: (DescribeWorkflowRequest) async throws -> WorkflowExecutionDescription
    ) async throws -> WorkflowExecutionDescription {
        try await next(request)
    }

    public func listWorkflows(
        _ request: ListWorkflowsRequest,
        next: (ListWorkflowsRequest) async throws -> WorkflowExecutionPage
    ) async throws -> WorkflowExecutionPage {
        try await next(request)
    }
}
