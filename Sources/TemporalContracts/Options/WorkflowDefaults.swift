/// Options a contract fixes for a workflow; every call may override them.
public struct WorkflowDefaults: Hashable, Sendable {
    public var taskQueue: String?
    public var executionTimeout: Duration?
    public var runTimeout: Duration?
    public var taskTimeout: Duration?
    public var retryPolicy: RetryPolicy?
    public var idReusePolicy: WorkflowIDReusePolicy?
    public var idConflictPolicy: WorkflowIDConflictPolicy?
    /// Whether a start asks the server to hand the first workflow task straight to a local worker.
    public var enableEagerStart: Bool?
    /// How runs of the workflow move between worker deployment versions.
    public var versioningBehavior: WorkflowVersioningBehavior?
    /// What happens to the workflow, started as a child, when its parent closes.
    public var parentClosePolicy: ParentClosePolicy?
    /// What cancelling the parent code that waits for the workflow as a child does to it.
    public var childCancellationType: ChildWorkflowCancellationType?
    /// The workflow's priority and fairness, on start and as a child.
    public var priority: Priority?
    /// The static summary the web UI shows for each run (user metadata); one line.
    public var summary: String?
    /// The static details the web UI shows for each run (user metadata); Markdown. Generated
    /// definitions default it to the workflow's contract description.
    public var details: String?

    public init(
        taskQueue: String? = nil,
        executionTimeout: Duration? = nil,
        runTimeout: Duration? = nil,
        taskTimeout: Duration? = nil,
        retryPolicy: RetryPolicy? = nil,
        idReusePolicy: WorkflowIDReusePolicy? = nil,
        idConflictPolicy: WorkflowIDConflictPolicy? = nil,
        enableEagerStart: Bool? = nil,
        versioningBehavior: WorkflowVersioningBehavior? = nil,
        parentClosePolicy: ParentClosePolicy? = nil,
        childCancellationType: ChildWorkflowCancellationType? = nil,
        priority: Priority? = nil,
        summary: String? = nil,
        details: String? = nil
    ) {
        self.taskQueue = taskQueue
        self.executionTimeout = executionTimeout
        self.runTimeout = runTimeout
        self.taskTimeout = taskTimeout
        self.retryPolicy = retryPolicy
        self.idReusePolicy = idReusePolicy
        self.idConflictPolicy = idConflictPolicy
        self.enableEagerStart = enableEagerStart
        self.versioningBehavior = versioningBehavior
        self.parentClosePolicy = parentClosePolicy
        self.childCancellationType = childCancellationType
        self.priority = priority
        self.summary = summary
        self.details = details
    }
}

/// Options a contract fixes for an activity; every call may override them.
public struct ActivityDefaults: Hashable, Sendable {
    public var taskQueue: String?
    public var scheduleToCloseTimeout: Duration?
    public var scheduleToStartTimeout: Duration?
    public var startToCloseTimeout: Duration?
    public var heartbeatTimeout: Duration?
    public var retryPolicy: RetryPolicy?
    /// What cancelling the workflow code that waits for the activity does to it.
    public var cancellationType: ActivityCancellationType?
    /// The activity's priority and fairness; unset, it inherits its workflow's.
    public var priority: Priority?
    /// The summary the web UI shows for each scheduled activity (user metadata); one line.
    public var summary: String?

    public init(
        taskQueue: String? = nil,
        scheduleToCloseTimeout: Duration? = nil,
        scheduleToStartTimeout: Duration? = nil,
        startToCloseTimeout: Duration? = nil,
        heartbeatTimeout: Duration? = nil,
        retryPolicy: RetryPolicy? = nil,
        cancellationType: ActivityCancellationType? = nil,
        priority: Priority? = nil,
        summary: String? = nil
    ) {
        self.taskQueue = taskQueue
        self.scheduleToCloseTimeout = scheduleToCloseTimeout
        self.scheduleToStartTimeout = scheduleToStartTimeout
        self.startToCloseTimeout = startToCloseTimeout
        self.heartbeatTimeout = heartbeatTimeout
        self.retryPolicy = retryPolicy
        self.cancellationType = cancellationType
        self.priority = priority
        self.summary = summary
    }
}
