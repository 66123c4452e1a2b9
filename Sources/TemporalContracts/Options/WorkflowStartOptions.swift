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
    /// Indexed values for list filters, over those the contract maps from the input.
    public var searchAttributes: SearchAttributes
    /// A delay before the first workflow task.
    public var startDelay: Duration?
    /// Whether to ask the server for the first workflow task in the start response, for a worker
    /// in this process on the same connection and task queue; nil takes the contract's default.
    public var enableEagerStart: Bool?
    /// The run's priority and fairness; nil takes the contract's default.
    public var priority: Priority?
    /// The static summary the web UI shows for the run; nil takes the contract's `summary`.
    public var summary: String?
    /// The static details (Markdown) the web UI shows for the run; nil takes the contract's
    /// `details`, else its description.
    public var details: String?

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
        searchAttributes: SearchAttributes = [:],
        startDelay: Duration? = nil,
        enableEagerStart: Bool? = nil,
        priority: Priority? = nil,
        summary: String? = nil,
        details: String? = nil
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
        self.enableEagerStart = enableEagerStart
        self.priority = priority
        self.summary = summary
        self.details = details
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
    /// What cancelling the waiting workflow code does to the activity; nil takes the
    /// contract's default (`waitForCancellation`), else ``ActivityCancellationType/tryCancel``.
    public var cancellationType: ActivityCancellationType?
    /// The activity's priority and fairness; nil takes the contract's, else the workflow's.
    public var priority: Priority?
    /// The summary the web UI shows for this activity; nil takes the contract's `summary`.
    public var summary: String?

    public init(
        taskQueue: String? = nil,
        scheduleToCloseTimeout: Duration? = nil,
        scheduleToStartTimeout: Duration? = nil,
        startToCloseTimeout: Duration? = nil,
        heartbeatTimeout: Duration? = nil,
        retryPolicy: RetryPolicy? = nil,
        activityID: String? = nil,
        cancellationType: ActivityCancellationType? = nil,
        priority: Priority? = nil,
        summary: String? = nil
    ) {
        self.cancellationType = cancellationType
        self.priority = priority
        self.summary = summary
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
        merged.cancellationType = cancellationType ?? defaults.cancellationType
        merged.priority = priority ?? defaults.priority
        merged.summary = summary ?? defaults.summary
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
    /// What happens to the child when this workflow closes; nil takes the child contract's
    /// `parentClosePolicy`, else ``ParentClosePolicy/terminate``.
    public var parentClosePolicy: ParentClosePolicy?
    /// What cancelling the code that waits for the child does to it; nil takes the child
    /// contract's `waitForCancellation`, else ``ChildWorkflowCancellationType/waitCancellationCompleted``.
    public var cancellationType: ChildWorkflowCancellationType?
    /// The child's priority and fairness; nil takes the child contract's, else this workflow's.
    public var priority: Priority?
    /// The child's static summary in the web UI; nil takes the child contract's `summary`.
    public var summary: String?
    /// The child's static details in the web UI; nil takes the child contract's `details`.
    public var details: String?
    /// Search attributes the child starts with, over those its contract maps from the input.
    public var searchAttributes = SearchAttributes()
    /// Memo entries the child starts with, over those its contract maps from the input.
    public var memo: [String: any Encodable & Sendable] = [:]

    public init(
        id: String? = nil,
        taskQueue: String? = nil,
        executionTimeout: Duration? = nil,
        runTimeout: Duration? = nil,
        taskTimeout: Duration? = nil,
        retryPolicy: RetryPolicy? = nil,
        idReusePolicy: WorkflowIDReusePolicy? = nil,
        parentClosePolicy: ParentClosePolicy? = nil,
        cancellationType: ChildWorkflowCancellationType? = nil,
        priority: Priority? = nil,
        summary: String? = nil,
        details: String? = nil
    ) {
        self.id = id
        self.taskQueue = taskQueue
        self.executionTimeout = executionTimeout
        self.runTimeout = runTimeout
        self.taskTimeout = taskTimeout
        self.retryPolicy = retryPolicy
        self.idReusePolicy = idReusePolicy
        self.parentClosePolicy = parentClosePolicy
        self.cancellationType = cancellationType
        self.priority = priority
        self.summary = summary
        self.details = details
    }
}

/// What happens to a child workflow when its parent closes.
public enum ParentClosePolicy: Hashable, Sendable {
    case terminate
    case abandon
    case requestCancel
}
