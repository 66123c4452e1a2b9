import Foundation
import GRPCCore
import SwiftProtobuf
import TemporalAPI
import TemporalContractsConversion
import TemporalContracts

/// `TemporalTransport` over the workflow service of a real Temporal frontend.
///
/// ```swift
/// let connection = try await TemporalConnection.connect(.init(host: "127.0.0.1", port: 7233))
/// let orders = Orders.Client(TemporalClient(transport: GRPCTemporalTransport(connection: connection)))
/// ```
public struct GRPCTemporalTransport: TemporalTransport {
    public let connection: TemporalConnection

    public init(connection: TemporalConnection) {
        self.connection = connection
    }

    var namespace: String { connection.options.namespace }
    var identity: String { connection.options.identity }

    public func startWorkflow(_ request: StartWorkflowRequest) async throws -> StartWorkflowResponse {
        if let worker = eagerWorker(for: request) { return try await startWorkflow(request, eagerlyOn: worker) }
        let sent = apiStartRequest(request)
        let response = try await connection.call("StartWorkflowExecution", retry: .idempotent) { service, metadata, options in
            try await service.startWorkflowExecution(sent, metadata: metadata, options: options)
        } mapError: { error in
            mapStartError(error, request: request)
        }
        return StartWorkflowResponse(runID: response.runID, started: response.started)
    }

    public func signalWorkflow(_ request: SignalWorkflowRequest) async throws {
        var message = Temporal_Api_Workflowservice_V1_SignalWorkflowExecutionRequest()
        message.namespace = namespace
        message.workflowExecution = request.execution.apiExecution
        message.signalName = request.signalName
        message.input = request.input.apiPayloads
        message.identity = identity
        message.requestID = request.requestID
        if !request.headers.isEmpty { message.header = request.headers.apiHeader }
        let sent = message
        _ = try await connection.call("SignalWorkflowExecution", retry: .idempotent) { service, metadata, options in
            try await service.signalWorkflowExecution(sent, metadata: metadata, options: options)
        } mapError: { error in
            mapExecutionError(error, execution: request.execution)
        }
    }

    public func signalWithStartWorkflow(
        _ start: StartWorkflowRequest,
        signal: SignalWorkflowRequest
    ) async throws
        -> StartWorkflowResponse
    {
        var message = Temporal_Api_Workflowservice_V1_SignalWithStartWorkflowExecutionRequest()
        message.namespace = namespace
        message.workflowID = start.workflowID
        message.workflowType.name = start.workflowType
        message.taskQueue.name = start.taskQueue
        message.input = start.input.apiPayloads
        if let timeout = start.executionTimeout { message.workflowExecutionTimeout = timeout.protobufDuration }
        if let timeout = start.runTimeout { message.workflowRunTimeout = timeout.protobufDuration }
        if let timeout = start.taskTimeout { message.workflowTaskTimeout = timeout.protobufDuration }
        if let policy = start.retryPolicy { message.retryPolicy = policy.apiRetryPolicy }
        if let policy = start.idReusePolicy { message.workflowIDReusePolicy = policy.apiPolicy }
        if let policy = start.idConflictPolicy { message.workflowIDConflictPolicy = policy.apiPolicy }
        if !start.memo.isEmpty { message.memo.fields = start.memo.mapValues(\.apiPayload) }
        if !start.searchAttributes.isEmpty { message.searchAttributes = start.searchAttributes.apiSearchAttributes }
        if let delay = start.startDelay { message.workflowStartDelay = delay.protobufDuration }
        if let priority = start.priority { message.priority = priority.apiPriority }
        if let metadata = start.apiUserMetadata { message.userMetadata = metadata }
        message.identity = identity
        message.requestID = start.requestID
        message.signalName = signal.signalName
        message.signalInput = signal.input.apiPayloads
        // The API has one header for both the start and the signal (the server puts it on both
        // events), so the signal's headers join the start's; the start's win on a shared key.
        let headers = start.headers.merging(signal.headers) { startValue, _ in startValue }
        if !headers.isEmpty { message.header = headers.apiHeader }
        let sent = message
        let response = try await connection.call("SignalWithStartWorkflowExecution", retry: .idempotent) { service, metadata, options in
            try await service.signalWithStartWorkflowExecution(sent, metadata: metadata, options: options)
        } mapError: { error in
            mapStartError(error, request: start)
        }
        return StartWorkflowResponse(runID: response.runID, started: response.started)
    }

    public func queryWorkflow(_ request: QueryWorkflowRequest) async throws -> [Payload] {
        var message = Temporal_Api_Workflowservice_V1_QueryWorkflowRequest()
        message.namespace = namespace
        message.execution = request.execution.apiExecution
        message.query.queryType = request.queryName
        if !request.input.isEmpty { message.query.queryArgs = request.input.apiPayloads }
        if !request.headers.isEmpty { message.query.header = request.headers.apiHeader }
        message.queryRejectCondition = Temporal_Api_Enums_V1_QueryRejectCondition(rawValue: request.rejectCondition.rawValue) ?? .none
        let sent = message
        let response = try await connection.call("QueryWorkflow", retry: .idempotent) { service, metadata, options in
            try await service.queryWorkflow(sent, metadata: metadata, options: options)
        } mapError: { error in
            if let failure = error.temporalDetail(Temporal_Api_Errordetails_V1_QueryFailedFailure.self) {
                let message = failure.hasFailure ? failure.failure.message : error.message
                return QueryFailedError(queryName: request.queryName, message: message)
            }
            // Without the detail, an invalid argument on a query is the workflow's query failure.
            if error.code == .invalidArgument, !error.message.isEmpty {
                return QueryFailedError(queryName: request.queryName, message: error.message)
            }
            return mapExecutionError(error, execution: request.execution)
        }
        if response.hasQueryRejected {
            throw QueryRejectedError(
                queryName: request.queryName,
                status: WorkflowExecutionStatus(rawValue: response.queryRejected.status.rawValue) ?? .unspecified
            )
        }
        return [Payload](response.queryResult)
    }

    public func requestCancelWorkflow(_ execution: WorkflowExecution, reason: String, requestID: String) async throws {
        var message = Temporal_Api_Workflowservice_V1_RequestCancelWorkflowExecutionRequest()
        message.namespace = namespace
        message.workflowExecution = execution.apiExecution
        message.identity = identity
        message.requestID = requestID
        message.reason = reason
        let sent = message
        _ = try await connection.call("RequestCancelWorkflowExecution", retry: .idempotent) { service, metadata, options in
            try await service.requestCancelWorkflowExecution(sent, metadata: metadata, options: options)
        } mapError: { error in
            mapExecutionError(error, execution: execution)
        }
    }

    public func terminateWorkflow(_ execution: WorkflowExecution, reason: String) async throws {
        var message = Temporal_Api_Workflowservice_V1_TerminateWorkflowExecutionRequest()
        message.namespace = namespace
        message.workflowExecution = execution.apiExecution
        message.reason = reason
        message.identity = identity
        let sent = message
        _ = try await connection.call("TerminateWorkflowExecution", retry: .never) { service, metadata, options in
            try await service.terminateWorkflowExecution(sent, metadata: metadata, options: options)
        } mapError: { error in
            mapExecutionError(error, execution: execution)
        }
    }

    public func describeWorkflow(_ execution: WorkflowExecution) async throws -> WorkflowExecutionDescription {
        var message = Temporal_Api_Workflowservice_V1_DescribeWorkflowExecutionRequest()
        message.namespace = namespace
        message.execution = execution.apiExecution
        let sent = message
        let response = try await connection.call("DescribeWorkflowExecution", retry: .idempotent) { service, metadata, options in
            try await service.describeWorkflowExecution(sent, metadata: metadata, options: options)
        } mapError: { error in
            mapExecutionError(error, execution: execution)
        }
        return WorkflowExecutionDescription(response)
    }

    public func listWorkflows(query: String, pageSize: Int, nextPageToken: Data?) async throws -> WorkflowExecutionPage {
        var message = Temporal_Api_Workflowservice_V1_ListWorkflowExecutionsRequest()
        message.namespace = namespace
        message.query = query
        message.pageSize = Int32(clamping: pageSize)
        message.nextPageToken = nextPageToken ?? Data()
        let sent = message
        let response = try await connection.call("ListWorkflowExecutions", retry: .idempotent) { service, metadata, options in
            try await service.listWorkflowExecutions(sent, metadata: metadata, options: options)
        } mapError: { error in
            error.temporalRPCError(method: "ListWorkflowExecutions")
        }
        return WorkflowExecutionPage(
            executions: response.executions.map(WorkflowExecutionDescription.init),
            nextPageToken: response.nextPageToken.isEmpty ? nil : response.nextPageToken
        )
    }

    func apiStartRequest(_ request: StartWorkflowRequest) -> Temporal_Api_Workflowservice_V1_StartWorkflowExecutionRequest {
        var message = Temporal_Api_Workflowservice_V1_StartWorkflowExecutionRequest()
        message.namespace = namespace
        message.workflowID = request.workflowID
        message.workflowType.name = request.workflowType
        message.taskQueue.name = request.taskQueue
        message.input = request.input.apiPayloads
        if let timeout = request.executionTimeout { message.workflowExecutionTimeout = timeout.protobufDuration }
        if let timeout = request.runTimeout { message.workflowRunTimeout = timeout.protobufDuration }
        if let timeout = request.taskTimeout { message.workflowTaskTimeout = timeout.protobufDuration }
        if let policy = request.retryPolicy { message.retryPolicy = policy.apiRetryPolicy }
        if let policy = request.idReusePolicy { message.workflowIDReusePolicy = policy.apiPolicy }
        if let policy = request.idConflictPolicy { message.workflowIDConflictPolicy = policy.apiPolicy }
        if !request.memo.isEmpty { message.memo.fields = request.memo.mapValues(\.apiPayload) }
        if !request.searchAttributes.isEmpty { message.searchAttributes = request.searchAttributes.apiSearchAttributes }
        if let delay = request.startDelay { message.workflowStartDelay = delay.protobufDuration }
        if let priority = request.priority { message.priority = priority.apiPriority }
        if let metadata = request.apiUserMetadata { message.userMetadata = metadata }
        if !request.headers.isEmpty { message.header = request.headers.apiHeader }
        message.identity = identity
        message.requestID = request.requestID
        return message
    }

    func mapStartError(_ error: RPCError, request: StartWorkflowRequest) -> any Error {
        if let started = error.temporalDetail(Temporal_Api_Errordetails_V1_WorkflowExecutionAlreadyStartedFailure.self) {
            return WorkflowAlreadyStartedError(
                workflowID: request.workflowID,
                workflowType: request.workflowType,
                runID: started.runID.isEmpty ? nil : started.runID
            )
        }
        if error.code == .alreadyExists {
            return WorkflowAlreadyStartedError(workflowID: request.workflowID, workflowType: request.workflowType)
        }
        if let refused = searchAttributeError(error, request: request) { return refused }
        return error.temporalRPCError(method: "StartWorkflowExecution")
    }

    func mapExecutionError(_ error: RPCError, execution: WorkflowExecution) -> any Error {
        if error.code == .notFound {
            return WorkflowNotFoundError(execution: execution)
        }
        return error.temporalRPCError(method: "workflow \(execution.workflowID)")
    }
}

extension WorkflowExecution {
    var apiExecution: Temporal_Api_Common_V1_WorkflowExecution {
        var execution = Temporal_Api_Common_V1_WorkflowExecution()
        execution.workflowID = workflowID
        execution.runID = runID ?? ""
        return execution
    }
}
