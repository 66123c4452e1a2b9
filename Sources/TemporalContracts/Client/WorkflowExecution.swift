import Foundation

/// Identifies a workflow execution: its ID and, once known, the run.
public struct WorkflowExecution: Hashable, Sendable {
    public var workflowID: String
    /// The run; nil means the latest run of the ID.
    public var runID: String?

    public init(workflowID: String, runID: String? = nil) {
        self.workflowID = workflowID
        self.runID = runID
    }
}

/// The status of a workflow execution (`temporal.api.enums.v1.WorkflowExecutionStatus`).
public enum WorkflowExecutionStatus: Int, Hashable, Sendable {
    case unspecified = 0
    case running = 1
    case completed = 2
    case failed = 3
    case canceled = 4
    case terminated = 5
    case continuedAsNew = 6
    case timedOut = 7
}

/// What `describe()` returns.
public struct WorkflowExecutionDescription: Sendable {
    public var execution: WorkflowExecution
    public var workflowType: String
    public var taskQueue: String
    public var status: WorkflowExecutionStatus
    public var startTime: Date?
    public var closeTime: Date?
    public var historyLength: Int64
    public var memo: [String: Payload]
    public var searchAttributes: [String: Payload]
    /// The static summary the UI shows, set at start; decoded by ``TemporalClient/describe(_:)``.
    public var staticSummary: String?
    /// The static details the UI shows, set at start; decoded by ``TemporalClient/describe(_:)``.
    public var staticDetails: String?
    /// The start's static summary as the server stores it (encoded by the start's codecs).
    public var staticSummaryPayload: Payload?
    /// The start's static details as the server stores them (encoded by the start's codecs).
    public var staticDetailsPayload: Payload?
    /// The run's priority and fairness; nil when the server reports none.
    public var priority: Priority?

    public init(
        execution: WorkflowExecution,
        workflowType: String,
        taskQueue: String,
        status: WorkflowExecutionStatus,
        startTime: Date? = nil,
        closeTime: Date? = nil,
        historyLength: Int64 = 0,
        memo: [String: Payload] = [:],
        searchAttributes: [String: Payload] = [:],
        staticSummaryPayload: Payload? = nil,
        staticDetailsPayload: Payload? = nil,
        priority: Priority? = nil
    ) {
        self.execution = execution
        self.workflowType = workflowType
        self.taskQueue = taskQueue
        self.status = status
        self.startTime = startTime
        self.closeTime = closeTime
        self.historyLength = historyLength
        self.memo = memo
        self.searchAttributes = searchAttributes
        self.staticSummaryPayload = staticSummaryPayload
        self.staticDetailsPayload = staticDetailsPayload
        self.priority = priority
    }
}

/// How long an update caller waits before getting a handle.
public enum UpdateWaitStage: Int, Hashable, Sendable {
    /// The server admitted the update (not yet seen by a worker). A stage updates report; servers
    /// do not let a caller wait for it, so `startUpdate` refuses it.
    case admitted = 1
    /// A worker accepted it (its validator passed).
    case accepted = 2
    /// It finished.
    case completed = 3
}
