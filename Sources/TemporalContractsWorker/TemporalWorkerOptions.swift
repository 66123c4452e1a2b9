import Logging
import Metrics
import TemporalContracts

/// The options of a `TemporalWorker`: the task queue, data converter, logger and metrics both
/// of its workers share, and each worker's own limits.
public struct TemporalWorkerOptions: Sendable {
    public var workflows: WorkflowWorkerOptions
    public var activities: ActivityWorkerOptions
    /// Whether activities scheduled on this queue are taken straight from workflow task
    /// completions (when a slot is free) instead of being polled for.
    public var eagerActivityExecution = true

    public init(
        taskQueue: String,
        dataConverter: DataConverter = .default,
        logger: Logger = Logger(label: "temporal.worker"),
        metricsFactory: (any MetricsFactory)? = nil
    ) {
        workflows = WorkflowWorkerOptions(
            taskQueue: taskQueue,
            dataConverter: dataConverter,
            logger: logger,
            metricsFactory: metricsFactory
        )
        activities = ActivityWorkerOptions(
            taskQueue: taskQueue,
            dataConverter: dataConverter,
            logger: logger,
            metricsFactory: metricsFactory
        )
    }
}
