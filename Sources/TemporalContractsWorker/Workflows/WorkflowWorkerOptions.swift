import Logging
import Metrics
import TemporalContracts
import TemporalContractsGRPC

/// How a `WorkflowWorker` polls for and runs workflow tasks.
public struct WorkflowWorkerOptions: Sendable {
    /// The task queue whose workflow tasks this worker takes.
    public var taskQueue: String
    /// At most this many workflow tasks run at once; pollers wait for a free slot.
    public var maxConcurrentWorkflowTasks: Int
    /// Concurrent long polls on the task queue.
    public var pollers: Int
    /// Concurrent long polls on this worker's sticky queue (tasks of runs it has cached).
    public var stickyPollers: Int
    /// Runs kept in memory between tasks, so a task replays nothing; 0 turns sticky execution off.
    /// The least recently used run is evicted when the cache is full.
    public var maxCachedWorkflows: Int
    /// How long the server waits for this worker to take a sticky task before it gives the task
    /// (with the full history) to any worker of the task queue.
    public var stickyScheduleToStartTimeout: Duration
    /// At most this many local activity attempts run at once, across every run of the worker;
    /// others wait for a slot (`temporal_worker_task_slots_available` with `worker_type`
    /// `LocalActivityWorker` reports the free ones).
    public var maxConcurrentLocalActivities: Int
    /// Workflow tasks may finish for this long after shutdown starts.
    public var gracefulShutdownTimeout: Duration
    public var dataConverter: DataConverter
    /// Worker events, and the base of each workflow's replay-aware `context.logger`.
    public var logger: Logger
    /// Where the worker's counters and timers go; nil uses the connection's factory
    /// (`TemporalConnectionOptions.metricsFactory`), and the bootstrapped `MetricsSystem` when
    /// that is nil too.
    public var metricsFactory: (any MetricsFactory)?
    /// How latencies are recorded: milliseconds (as sdk-core, the default) or timers. See <doc:Metrics>.
    public var latencyMetricsUnit: LatencyMetricsUnit = .milliseconds
    /// The worker deployment version this worker polls as; nil for an unversioned worker. With
    /// worker versioning on, every workflow needs a versioning behaviour (its contract's, or the
    /// options' default).
    public var deployment: WorkerDeploymentOptions?
    /// Workflow inbound and outbound interceptors, first one outermost; local activities run
    /// through their `executeActivity` too. Replay them with the same list
    /// (`WorkflowReplayer(interceptors:)`).
    public var interceptors: [any WorkerInterceptor]

    /// The default of ``maxConcurrentLocalActivities``.
    public static let defaultMaxConcurrentLocalActivities = 100

    public init(
        taskQueue: String,
        maxConcurrentWorkflowTasks: Int = 100,
        pollers: Int = 2,
        stickyPollers: Int = 2,
        maxCachedWorkflows: Int = 1_000,
        stickyScheduleToStartTimeout: Duration = .seconds(10),
        maxConcurrentLocalActivities: Int = Self.defaultMaxConcurrentLocalActivities,
        gracefulShutdownTimeout: Duration = .seconds(10),
        dataConverter: DataConverter = .default,
        logger: Logger = Logger(label: "temporal.worker"),
        metricsFactory: (any MetricsFactory)? = nil,
        interceptors: [any WorkerInterceptor] = []
    ) {
        self.taskQueue = taskQueue
        self.maxConcurrentWorkflowTasks = maxConcurrentWorkflowTasks
        self.pollers = pollers
        self.stickyPollers = stickyPollers
        self.maxCachedWorkflows = maxCachedWorkflows
        self.stickyScheduleToStartTimeout = stickyScheduleToStartTimeout
        self.maxConcurrentLocalActivities = maxConcurrentLocalActivities
        self.gracefulShutdownTimeout = gracefulShutdownTimeout
        self.dataConverter = dataConverter
        self.logger = logger
        self.metricsFactory = metricsFactory
        self.interceptors = interceptors
    }
}
