import Logging
import Metrics
import TemporalContracts

/// The options of a `TemporalWorker`: the task queue, data converter, logger and metrics both
/// of its workers share, and each worker's own limits.
public struct TemporalWorkerOptions: Sendable {
    /// The task queue both workers serve; nil for the one queue the contracts of the registrations
    /// name (the worker fails to start when they name none or several).
    public var taskQueue: String?
    /// The workflow worker's options; its `taskQueue` is set from `taskQueue` when the worker starts.
    public var workflows: WorkflowWorkerOptions
    /// The activity worker's options; its `taskQueue` is set from `taskQueue` when the worker starts.
    public var activities: ActivityWorkerOptions
    /// Whether activities scheduled on this queue are taken straight from workflow task
    /// completions (when a slot is free) instead of being polled for.
    public var eagerActivityExecution = true
    /// The worker deployment version both workers poll as (worker versioning); nil for an
    /// unversioned worker. See <doc:EagerStartAndWorkerVersioning>.
    public var deployment: WorkerDeploymentOptions?
    /// The interceptors of both workers, first one outermost: workflow inbound and outbound calls
    /// and activity executions run through them, ahead of any the per-worker options list.
    /// See the "Interceptors" article of the `TemporalContracts` documentation.
    public var interceptors: [any WorkerInterceptor] = []

    /// Options with the workers' default limits.
    public init(
        taskQueue: String? = nil,
        dataConverter: DataConverter = .default,
        logger: Logger = Logger(label: "temporal.worker"),
        metricsFactory: (any MetricsFactory)? = nil,
        interceptors: [any WorkerInterceptor] = []
    ) {
        self.taskQueue = taskQueue
        self.interceptors = interceptors
        workflows = WorkflowWorkerOptions(
            taskQueue: taskQueue ?? "",
            dataConverter: dataConverter,
            logger: logger,
            metricsFactory: metricsFactory
        )
        activities = ActivityWorkerOptions(
            taskQueue: taskQueue ?? "",
            dataConverter: dataConverter,
            logger: logger,
            metricsFactory: metricsFactory
        )
    }
}
