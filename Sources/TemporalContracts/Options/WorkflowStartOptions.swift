/// Per-call options of a workflow start; unset fields take the contract's defaults.
public struct WorkflowStartOptions: Sendable {
    /// The workflow ID; when nil, the contract's ID template, else a random UUID.
    public var id: String?
    public var taskQueue: String?
    public var executionTimeout: Duration?
    public var runTimeout: Duration?
    public var taskTimeout: Duration?
    public var retryPolicy: RetryPolicy?
    public var idReusePolicy: WorkflowIDReusePolicy?
    public var idConflictPolicy: WorkflowIDConflictPolicy?
    /// Non-indexed values stored with the workflow.
    public var memo: [String: any Encodable & Sendable]
    /// Indexed values for list filters.
    public var searchAttributes: [String: SearchAttributeValue]
    /// A delay before the first workflow task.
    public var startDelay: Duration?

    public init(
        id: String? = nil,
        taskQueue: String? = nil,
        executionTimeout: Duration? = nil,
        runTimeout: Duration? = nil,
        taskTimeout: Duration? = nil,
        retryPolicy: RetryPolicy? = nil,
        idReusePolicy: WorkflowIDReusePolicy? = nil,
        idConflictPolicy: WorkflowIDConflictPolicy? = nil,
        memo: [String: any Encodable & Sendable] = [:],
        searchAttributes: [String: SearchAttributeValue] = [:],
        startDelay: Duration? = nil
    ) {
        self.id = id
        self.taskQueue = taskQueue
        self.executionTimeout = executionTimeout
        self.runTimeout = runTimeout
        self.taskTimeout = taskTimeout
        self.retryPolicy = retryPolicy
        self.idReusePolicy = idReusePolicy
        self.idConflictPolicy = idConflictPolicy
        self.memo = memo
        self.searchAttributes = searchAttributes
        self.startDelay = startDelay
    }
}

/// A typed search attribute value, as the server indexes it.
public enum SearchAttributeValue: Hashable, Sendable {
    case text(String)
    case keyword(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case date(Double)
    case keywordList([String])
}

/// Per-call options of an activity; unset fields take the contract's defaults.
public struct ActivityOptions: Sendable {
    public var taskQueue: String?
    public var scheduleToCloseTimeout: Duration?
    public var scheduleToStartTimeout: Duration?
    public var startToCloseTimeout: Duration?
    public var heartbeatTimeout: Duration?
    public var retryPolicy: RetryPolicy?
    /// The activity ID; by default the engine assigns one.
    public var activityID: String?
    /// What cancelling the waiting workflow code does to the activity.
    public var cancellationType: ActivityCancellationType

    public init(
        taskQueue: String? = nil,
        scheduleToCloseTimeout: Duration? = nil,
        scheduleToStartTimeout: Duration? = nil,
        startToCloseTimeout: Duration? = nil,
        heartbeatTimeout: Duration? = nil,
        retryPolicy: RetryPolicy? = nil,
        activityID: String? = nil,
        cancellationType: ActivityCancellationType = .tryCancel
    ) {
        self.cancellationType = cancellationType
        self.taskQueue = taskQueue
        self.scheduleToCloseTimeout = scheduleToCloseTimeout
        self.scheduleToStartTimeout = scheduleToStartTimeout
        self.startToCloseTimeout = startToCloseTimeout
        self.heartbeatTimeout = heartbeatTimeout
        self.retryPolicy = retryPolicy
        self.activityID = activityID
    }

    /// These options with the contract's defaults filled in where unset.
    public func merged(with defaults: ActivityDefaults) -> ActivityOptions {
        var merged = self
        merged.taskQueue = taskQueue ?? defaults.taskQueue
        merged.scheduleToCloseTimeout = scheduleToCloseTimeout ?? defaults.scheduleToCloseTimeout
        merged.scheduleToStartTimeout = scheduleToStartTimeout ?? defaults.scheduleToStartTimeout
        merged.startToCloseTimeout = startToCloseTimeout ?? defaults.startToCloseTimeout
        merged.heartbeatTimeout = heartbeatTimeout ?? defaults.heartbeatTimeout
        merged.retryPolicy = retryPolicy ?? defaults.retryPolicy
        return merged
    }
}

/// Per-call options of a child workflow; unset fields take the contract's defaults.
public struct ChildWorkflowOptions: Sendable {
    public var id: String?
    public var taskQueue: String?
    public var executionTimeout: Duration?
    public var runTimeout: Duration?
    public var taskTimeout: Duration?
    public var retryPolicy: RetryPolicy?
    public var idReusePolicy: WorkflowIDReusePolicy?
    public var parentClosePolicy: ParentClosePolicy

    public init(
        id: String? = nil,
        taskQueue: String? = nil,
        executionTimeout: Duration? = nil,
        runTimeout: Duration? = nil,
        taskTimeout: Duration? = nil,
        retryPolicy: RetryPolicy? = nil,
        idReusePolicy: WorkflowIDReusePolicy? = nil,
        parentClosePolicy: ParentClosePolicy = .terminate
    ) {
        self.id = id
        self.taskQueue = taskQueue
        self.executionTimeout = executionTimeout
        self.runTimeout = runTimeout
        self.taskTimeout = taskTimeout
        self.retryPolicy = retryPolicy
        self.idReusePolicy = idReusePolicy
        self.parentClosePolicy = parentClosePolicy
    }
}

/// What happens to a child workflow when its parent closes.
public enum ParentClosePolicy: Hashable, Sendable {
    case terminate
    case abandon
    case requestCancel
}
