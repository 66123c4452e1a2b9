import TemporalContracts
import Tracing

extension TracingInterceptor {
    /// Starts the workflow in a `StartWorkflow:<type>` span (kind client) and sends its context in the start headers.
    public func startWorkflow(
        _ request: StartWorkflowRequest,
        next: (StartWorkflowRequest) async throws -> StartWorkflowResponse
    ) async throws -> StartWorkflowResponse {
        try await withSpan(
            "StartWorkflow:\(request.workflowType)",
            kind: .client,
            attributes: ["temporalWorkflowID": request.workflowID]
        ) { context in
            var request = request
            request.headers = headers(request.headers, injecting: context)
            return try await next(request)
        }
    }

    /// Signal-with-start in a `SignalWithStartWorkflow:<type>` span; both the start and the signal carry its context.
    public func signalWithStartWorkflow(
        _ request: SignalWithStartWorkflowRequest,
        next: (SignalWithStartWorkflowRequest) async throws -> StartWorkflowResponse
    ) async throws -> StartWorkflowResponse {
        try await withSpan(
            "SignalWithStartWorkflow:\(request.start.workflowType)",
            kind: .client,
            attributes: ["temporalWorkflowID": request.start.workflowID]
        ) { context in
            var request = request
            request.start.headers = headers(request.start.headers, injecting: context)
            request.signal.headers = headers(request.signal.headers, injecting: context)
            return try await next(request)
        }
    }

    /// Sends the signal in a `SignalWorkflow:<signal>` span with its context in the signal headers.
    public func signalWorkflow(
        _ request: SignalWorkflowRequest,
        next: (SignalWorkflowRequest) async throws -> Void
    ) async throws {
        try await withSpan(
            "SignalWorkflow:\(request.signalName)",
            kind: .client,
            attributes: ["temporalWorkflowID": request.execution.workflowID]
        ) { context in
            var request = request
            request.headers = headers(request.headers, injecting: context)
            try await next(request)
        }
    }

    /// Sends the query in a `QueryWorkflow:<query>` span with its context in the query headers.
    public func queryWorkflow(
        _ request: QueryWorkflowRequest,
        next: (QueryWorkflowRequest) async throws -> [Payload]
    ) async throws -> [Payload] {
        try await withSpan(
            "QueryWorkflow:\(request.queryName)",
            kind: .client,
            attributes: ["temporalWorkflowID": request.execution.workflowID]
        ) { context in
            var request = request
            request.headers = headers(request.headers, injecting: context)
            return try await next(request)
        }
    }

    /// Sends the update in a `StartWorkflowUpdate:<update>` span with its context in the update headers.
    public func updateWorkflow(
        _ request: UpdateWorkflowRequest,
        next: (UpdateWorkflowRequest) async throws -> UpdateWorkflowResponse
    ) async throws -> UpdateWorkflowResponse {
        try await withSpan(
            "StartWorkflowUpdate:\(request.updateName)",
            kind: .client,
            attributes: ["temporalWorkflowID": request.execution.workflowID]
        ) { context in
            var request = request
            request.headers = headers(request.headers, injecting: context)
            return try await next(request)
        }
    }

    /// Update-with-start in a `StartUpdateWithStartWorkflow:<type>` span; both parts carry its context.
    public func updateWithStartWorkflow(
        _ request: UpdateWithStartWorkflowRequest,
        next: (UpdateWithStartWorkflowRequest) async throws -> (StartWorkflowResponse, UpdateWorkflowResponse)
    ) async throws -> (StartWorkflowResponse, UpdateWorkflowResponse) {
        try await withSpan(
            "StartUpdateWithStartWorkflow:\(request.start.workflowType)",
            kind: .client,
            attributes: ["temporalWorkflowID": request.start.workflowID, "temporalUpdateID": request.update.updateID]
        ) { context in
            var request = request
            request.start.headers = headers(request.start.headers, injecting: context)
            request.update.headers = headers(request.update.headers, injecting: context)
            return try await next(request)
        }
    }
}
