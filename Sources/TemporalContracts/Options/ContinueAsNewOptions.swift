/// Options of the next run started by continue-as-new; unset fields keep the current run's.
public struct ContinueAsNewOptions: Sendable {
    public var taskQueue: String?
    public var runTimeout: Duration?
    public var taskTimeout: Duration?
    public var retryPolicy: RetryPolicy?

    public init(taskQueue: String? = nil, runTimeout: Duration? = nil, taskTimeout: Duration? = nil, retryPolicy: RetryPolicy? = nil) {
        self.taskQueue = taskQueue
        self.runTimeout = runTimeout
        self.taskTimeout = taskTimeout
        self.retryPolicy = retryPolicy
    }
}
