/// Options a contract fixes for a workflow; every call may override them.
public struct WorkflowDefaults: Hashable, Sendable {
    public var taskQueue: String?
    public var executionTimeout: Duration?
    public var runTimeout: Duration?
    public var taskTimeout: Duration?
    public var retryPolicy: RetryPolicy?
    public var idReusePolicy: WorkflowIDReusePolicy?
    public var idConflictPolicy: WorkflowIDConflictPolicy?

    public init(
        taskQueue: String? = nil,
        executionTimeout: Duration? = nil,
        runTimeout: Duration? = nil,
        taskTimeout: Duration? = nil,
        retryPolicy: RetryPolicy? = nil,
        idReusePolicy: WorkflowIDReusePolicy? = nil,
        idConflictPolicy: WorkflowIDConflictPolicy? = nil
    ) {
        self.taskQueue = taskQueue
        self.executionTimeout = executionTimeout
        self.runTimeout = runTimeout
        self.taskTimeout = taskTimeout
        self.retryPolicy = retryPolicy
        self.idReusePolicy = idReusePolicy
        self.idConflictPolicy = idConflictPolicy
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

    public init(
        taskQueue: String? = nil,
        scheduleToCloseTimeout: Duration? = nil,
        scheduleToStartTimeout: Duration? = nil,
        startToCloseTimeout: Duration? = nil,
        heartbeatTimeout: Duration? = nil,
        retryPolicy: RetryPolicy? = nil
    ) {
        self.taskQueue = taskQueue
        self.scheduleToCloseTimeout = scheduleToCloseTimeout
        self.scheduleToStartTimeout = scheduleToStartTimeout
        self.startToCloseTimeout = startToCloseTimeout
        self.heartbeatTimeout = heartbeatTimeout
        self.retryPolicy = retryPolicy
    }
}
