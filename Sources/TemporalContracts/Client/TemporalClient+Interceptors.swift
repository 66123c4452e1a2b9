import Foundation

extension TemporalClient {
    /// Runs `request` through the client's interceptors, first one outermost, and then through
    /// `transport`; `intercept` picks the interceptor method that matches the call.
    func intercepted<Request: Sendable, Response>(
        _ request: Request,
        by intercept: @escaping (any ClientInterceptor, Request, (Request) async throws -> Response) async throws -> Response,
        transport send: @escaping (Request) async throws -> Response
    ) async throws -> Response {
        try await InterceptorChain.run(interceptors[...], request, step: intercept, terminal: send)
    }

    func interceptedStart(_ request: StartWorkflowRequest) async throws -> StartWorkflowResponse {
        try await intercepted(request, by: { try await $0.startWorkflow($1, next: $2) }, transport: transport.startWorkflow)
    }

    func interceptedSignalWithStart(_ request: SignalWithStartWorkflowRequest) async throws -> StartWorkflowResponse {
        try await intercepted(request, by: { try await $0.signalWithStartWorkflow($1, next: $2) }) {
            try await transport.signalWithStartWorkflow($0.start, signal: $0.signal)
        }
    }

    func interceptedUpdateWithStart(
        _ request: UpdateWithStartWorkflowRequest
    ) async throws -> (StartWorkflowResponse, UpdateWorkflowResponse) {
        try await intercepted(request, by: { try await $0.updateWithStartWorkflow($1, next: $2) }) {
            try await transport.updateWithStartWorkflow($0.start, update: $0.update)
        }
    }

    func interceptedResult(_ request: WorkflowResultRequest) async throws -> WorkflowOutcome {
        try await intercepted(request, by: { try await $0.workflowResult($1, next: $2) }) {
            try await transport.awaitWorkflowOutcome($0.execution)
        }
    }

    func interceptedSignal(_ request: SignalWorkflowRequest) async throws {
        try await intercepted(request, by: { try await $0.signalWorkflow($1, next: $2) }, transport: transport.signalWorkflow)
    }

    func interceptedQuery(_ request: QueryWorkflowRequest) async throws -> [Payload] {
        try await intercepted(request, by: { try await $0.queryWorkflow($1, next: $2) }, transport: transport.queryWorkflow)
    }

    func interceptedUpdate(_ request: UpdateWorkflowRequest) async throws -> UpdateWorkflowResponse {
        try await intercepted(request, by: { try await $0.updateWorkflow($1, next: $2) }, transport: transport.updateWorkflow)
    }

    func interceptedCancel(_ request: CancelWorkflowRequest) async throws {
        try await intercepted(request, by: { try await $0.cancelWorkflow($1, next: $2) }) {
            try await transport.requestCancelWorkflow($0.execution, reason: $0.reason, requestID: $0.requestID)
        }
    }

    func interceptedTerminate(_ request: TerminateWorkflowRequest) async throws {
        try await intercepted(request, by: { try await $0.terminateWorkflow($1, next: $2) }) {
            try await transport.terminateWorkflow($0.execution, reason: $0.reason)
        }
    }

    func interceptedDescribe(_ request: DescribeWorkflowRequest) async throws -> WorkflowExecutionDescription {
        try await intercepted(request, by: { try await $0.describeWorkflow($1, next: $2) }) {
            try await transport.describeWorkflow($0.execution)
        }
    }

    func interceptedList(_ request: ListWorkflowsRequest) async throws -> WorkflowExecutionPage {
        try await intercepted(request, by: { try await $0.listWorkflows($1, next: $2) }) {
            try await transport.listWorkflows(query: $0.query, pageSize: $0.pageSize, nextPageToken: $0.nextPageToken)
        }
    }
}
