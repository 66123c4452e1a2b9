import Foundation

/// The calls a client makes to a Temporal server, with payloads already encoded. The gRPC
/// transport module implements it against the real frontend service; the runtime itself holds
/// no gRPC, so generated code compiles fast.
public protocol TemporalTransport: Sendable {
    func startWorkflow(_ request: StartWorkflowRequest) async throws -> StartWorkflowResponse
    func signalWorkflow(_ request: SignalWorkflowRequest) async throws
    func signalWithStartWorkflow(
        _ start: StartWorkflowRequest,
        signal: SignalWorkflowRequest
    ) async throws
        -> StartWorkflowResponse
    func queryWorkflow(_ request: QueryWorkflowRequest) async throws -> [Payload]
    /// Sends an update and waits up to `request.waitFor`; re-polls as the server requires.
    func updateWorkflow(_ request: UpdateWorkflowRequest) async throws -> UpdateWorkflowResponse
    /// Waits for an already sent update to reach `waitFor`.
    func pollWorkflowUpdate(
        _ reference: UpdateReference,
        waitFor: UpdateWaitStage
    ) async throws
        -> UpdateWorkflowResponse
    func updateWithStartWorkflow(
        _ start: StartWorkflowRequest,
        update: UpdateWorkflowRequest
    ) async throws
        -> (StartWorkflowResponse, UpdateWorkflowResponse)
    /// Long-polls the history for the close event, following continue-as-new and retries.
    func awaitWorkflowOutcome(_ execution: WorkflowExecution) async throws -> WorkflowOutcome
    func requestCancelWorkflow(_ execution: WorkflowExecution, reason: String, requestID: String) async throws
    func terminateWorkflow(_ execution: WorkflowExecution, reason: String) async throws
    func describeWorkflow(_ execution: WorkflowExecution) async throws -> WorkflowExecutionDescription
    /// One page of the workflows a visibility query selects (`""` selects all).
    func listWorkflows(query: String, pageSize: Int, nextPageToken: Data?) async throws -> WorkflowExecutionPage

    /// Completes an activity that returned `CompleteAsynchronously`, by its task token.
    func completeActivity(taskToken: Data, result: [Payload]) async throws
    /// Fails an activity attempt; `lastHeartbeatDetails` are stored as its last heartbeat, so the
    /// next attempt reads them even if a throttled heartbeat had not been sent yet.
    func failActivity(taskToken: Data, failure: Failure, lastHeartbeatDetails: [Payload]) async throws
    func reportActivityCanceled(taskToken: Data, details: [Payload]) async throws
    /// Records a heartbeat; returns whether cancellation of the activity was requested.
    func heartbeatActivity(taskToken: Data, details: [Payload]) async throws -> Bool
}

/// A workflow start, resolved: every option known, payloads encoded.
public struct StartWorkflowRequest: Sendable {
    public var workflowID: String
    public var workflowType: String
    public var taskQueue: String
    public var input: [Payload]
    public var executionTimeout: Duration?
    public var runTimeout: Duration?
    public var taskTimeout: Duration?
    public var retryPolicy: RetryPolicy?
    public var idReusePolicy: WorkflowIDReusePolicy?
    public var idConflictPolicy: WorkflowIDConflictPolicy?
    public var memo: [String: Payload]
    public var searchAttributes: [String: SearchAttributeValue]
    public var startDelay: Duration?
    /// Asks for the first workflow task in the start response, when a local worker can take it.
    public var enableEagerStart: Bool
    /// Makes retries of the same start idempotent.
    public var requestID: String
    /// The run's priority and fairness; nil for the server's defaults.
    public var priority: Priority?
    /// The static summary (user metadata), encoded.
    public var summary: Payload?
    /// The static details (user metadata), encoded.
    public var details: Payload?
    /// Temporal headers, for interceptors: the run's inbound interceptors read them.
    public var headers: [String: Payload] = [:]

    public init(
        workflowID: String,
        workflowType: String,
        taskQueue: String,
        input: [Payload],
        executionTimeout: Duration? = nil,
        runTimeout: Duration? = nil,
        taskTimeout: Duration? = nil,
        retryPolicy: RetryPolicy? = nil,
        idReusePolicy: WorkflowIDReusePolicy? = nil,
        idConflictPolicy: WorkflowIDConflictPolicy? = nil,
        memo: [String: Payload] = [:],
        searchAttributes: [String: SearchAttributeValue] = [:],
        startDelay: Duration? = nil,
        enableEagerStart: Bool = false,
        requestID: String = UUID().uuidString.lowercased()
    ) {
        self.workflowID = workflowID
        self.workflowType = workflowType
        self.taskQueue = taskQueue
        self.input = input
        self.executionTimeout = executionTimeout
        self.runTimeout = runTimeout
        self.taskTimeout = taskTimeout
        self.retryPolicy = retryPolicy
        self.idReusePolicy = idReusePolicy
        self.idConflictPolicy = idConflictPolicy
        self.memo = memo
        self.searchAttributes = searchAttributes
        self.startDelay = startDelay
        self.enableEagerStart = enableEagerStart
        self.requestID = requestID
    }
}

public struct StartWorkflowResponse: Hashable, Sendable {
    public var runID: String
    /// False when the conflict policy `useExisting` returned a running workflow.
    public var started: Bool

    public init(runID: String, started: Bool = true) {
        self.runID = runID
        self.started = started
    }
}

public struct SignalWorkflowRequest: Sendable {
    public var execution: WorkflowExecution
    public var signalName: String
    public var input: [Payload]
    public var requestID: String
    /// Temporal headers, for interceptors: the workflow's handler interceptors read them.
    public var headers: [String: Payload] = [:]

    public init(execution: WorkflowExecution, signalName: String, input: [Payload], requestID: String = UUID().uuidString.lowercased()) {
        self.execution = execution
        self.signalName = signalName
        self.input = input
        self.requestID = requestID
    }
}

public struct QueryWorkflowRequest: Sendable {
    public var execution: WorkflowExecution
    public var queryName: String
    public var input: [Payload]
    public var rejectCondition: QueryRejectCondition
    /// Temporal headers, for interceptors: the workflow's handler interceptors read them.
    public var headers: [String: Payload] = [:]

    public init(
        execution: WorkflowExecution,
        queryName: String,
        input: [Payload],
        rejectCondition: QueryRejectCondition = .none
    ) {
        self.execution = execution
        self.queryName = queryName
        self.input = input
        self.rejectCondition = rejectCondition
    }
}

/// When the server answers a query with `QueryRejectedError` instead of running it
/// (`temporal.api.enums.v1.QueryRejectCondition`).
public enum QueryRejectCondition: Int, Hashable, Sendable {
    /// Queries run in every state, closed workflows included.
    case none = 1
    /// Rejected unless the workflow is running.
    case notOpen = 2
    /// Rejected when the workflow failed, was canceled, terminated or timed out.
    case notCompletedCleanly = 3
}

public struct UpdateWorkflowRequest: Sendable {
    public var execution: WorkflowExecution
    public var updateName: String
    public var updateID: String
    public var input: [Payload]
    public var waitFor: UpdateWaitStage
    /// Temporal headers, for interceptors: the workflow's handler interceptors read them.
    public var headers: [String: Payload] = [:]

    public init(execution: WorkflowExecution, updateName: String, updateID: String, input: [Payload], waitFor: UpdateWaitStage) {
        self.execution = execution
        self.updateName = updateName
        self.updateID = updateID
        self.input = input
        self.waitFor = waitFor
    }
}

/// Names an update to poll.
public struct UpdateReference: Hashable, Sendable {
    public var execution: WorkflowExecution
    public var updateID: String

    public init(execution: WorkflowExecution, updateID: String) {
        self.execution = execution
        self.updateID = updateID
    }
}

public struct UpdateWorkflowResponse: Sendable {
    /// The stage reached; the outcome is known once it is `.completed`.
    public var stage: UpdateWaitStage
    public var outcome: UpdateOutcome?
    public var reference: UpdateReference

    public init(stage: UpdateWaitStage, outcome: UpdateOutcome?, reference: UpdateReference) {
        self.stage = stage
        self.outcome = outcome
        self.reference = reference
    }
}

public enum UpdateOutcome: Sendable {
    case success([Payload])
    case failure(Failure)
}

/// How a workflow ended.
public enum WorkflowOutcome: Sendable {
    case completed([Payload])
    case failed(Failure)
    case canceled(details: [Payload])
    case terminated(reason: String)
    case timedOut
}

/// One page of a workflow list.
public struct WorkflowExecutionPage: Sendable {
    public var executions: [WorkflowExecutionDescription]
    /// Nil on the last page.
    public var nextPageToken: Data?

    public init(executions: [WorkflowExecutionDescription], nextPageToken: Data?) {
        self.executions = executions
        self.nextPageToken = nextPageToken
    }
}
