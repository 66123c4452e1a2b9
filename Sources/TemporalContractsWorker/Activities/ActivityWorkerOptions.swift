import Logging
import Metrics
import TemporalContracts
import TemporalContractsGRPC

/// How an `ActivityWorker` polls and runs activities.
public struct ActivityWorkerOptions: Sendable {
    /// The task queue whose activity tasks this worker takes.
    public var taskQueue: String
    /// At most this many activities run at once; pollers wait for a free slot before asking for
    /// more work, so the server hands tasks to other workers instead.
    public var maxConcurrentActivities: Int
    /// Concurrent long polls for activity tasks.
    public var pollers: Int
    /// How long running activities may go on after shutdown starts before they are canceled.
    public var gracefulShutdownTimeout: Duration
    /// Heartbeats are sent at most once per 80 % of the heartbeat timeout, and never less often
    /// than this when the timeout is longer.
    public var maxHeartbeatThrottleInterval: Duration
    /// The throttle interval of activities without a heartbeat timeout.
    public var defaultHeartbeatThrottleInterval: Duration
    public var dataConverter: DataConverter
    /// Worker events, and the base of each activity's logger (`context.logger`).
    public var logger: Logger
    /// Where the worker's counters and timers go; nil uses the connection's factory
    /// (`TemporalConnectionOptions.metricsFactory`), and the bootstrapped `MetricsSystem` when
    /// that is nil too.
    public var metricsFactory: (any MetricsFactory)?
    /// How latencies are recorded: milliseconds (as sdk-core, the default) or timers. See <doc:Metrics>.
    public var latencyMetricsUnit: LatencyMetricsUnit = .milliseconds
    /// The worker deployment version this worker polls as; nil for an unversioned worker.
    public var deployment: WorkerDeploymentOptions?
    /// The chain each attempt runs through (`executeActivity`), first one outermost, with the
    /// headers the workflow's schedule command carried.
    public var interceptors: [any WorkerInterceptor]

    public init(
        taskQueue: String,
        maxConcurrentActivities: Int = 100,
        pollers: Int = 2,
        gracefulShutdownTimeout: Duration = .seconds(10),
        maxHeartbeatThrottleInterval: Duration = .seconds(60),
        defaultHeartbeatThrottleInterval: Duration = .seconds(30),
        dataConverter: DataConverter = .default,
        logger: Logger = Logger(label: "temporal.worker"),
        metricsFactory: (any MetricsFactory)? = nil,
        interceptors: [any WorkerInterceptor] = []
    ) {
        self.taskQueue = taskQueue
        self.maxConcurrentActivities = maxConcurrentActivities
        self.pollers = pollers
        self.gracefulShutdownTimeout = gracefulShutdownTimeout
        self.maxHeartbeatThrottleInterval = maxHeartbeatThrottleInterval
        self.defaultHeartbeatThrottleInterval = defaultHeartbeatThrottleInterval
        self.dataConverter = dataConverter
        self.logger = logger
        self.metricsFactory = metricsFactory
        self.interceptors = interceptors
    }
}
