import Logging
import ServiceLifecycle
import TemporalContracts
import TemporalContractsGRPC

/// Serves the workflows and activities of one or more contracts on one task queue: a
/// `WorkflowWorker` and an `ActivityWorker` side by side, started and stopped together. An
/// activity a workflow schedules on the same queue is run eagerly: the server hands it over in
/// the workflow task's completion response when the activity worker has a free slot.
///
/// ```swift
/// let worker = try TemporalWorker(
///     connection: connection,
///     workflows: [BookTrip.registration, Greet.registration],
///     activities: TripActivities().registrations
/// )
/// let group = ServiceGroup(services: [worker], gracefulShutdownSignals: [.sigterm], logger: logger)
/// try await group.run()
/// ```
public final class TemporalWorker: Service, Sendable {
    public let workflowWorker: WorkflowWorker?
    public let activityWorker: ActivityWorker?

    /// Workflows and activities may each be empty; the worker polls only for what it serves.
    /// Local activities run from `activities` too.
    ///
    /// - Throws: `TemporalWorkerConfigurationError` when `options` names no task queue and the
    ///   contracts of the registrations name none, or several.
    public init(
        connection: TemporalConnection,
        workflows: [WorkflowRegistration],
        activities: [ActivityRegistration] = [],
        options: TemporalWorkerOptions = TemporalWorkerOptions()
    ) throws {
        var options = options
        let taskQueue = try options.taskQueue ?? Self.contractTaskQueue(workflows: workflows, activities: activities)
        options.workflows.taskQueue = taskQueue
        options.activities.taskQueue = taskQueue
        options.activities.interceptors = options.interceptors + options.activities.interceptors
        options.workflows.interceptors = options.interceptors + options.workflows.interceptors
        if let deployment = options.deployment {
            try deployment.checkVersioningBehaviors(of: workflows)
            options.workflows.deployment = deployment
            options.activities.deployment = deployment
        }
        let activityWorker =
            activities.isEmpty ? nil : ActivityWorker(connection: connection, activities: activities, options: options.activities)
        self.activityWorker = activityWorker
        workflowWorker =
            workflows.isEmpty
            ? nil
            : WorkflowWorker(
                connection: connection,
                workflows: workflows,
                activities: activities,
                eagerActivities: options.eagerActivityExecution ? activityWorker : nil,
                options: options.workflows
            )
    }

    /// Runs both workers until `shutdown()` or the service group's graceful shutdown.
    public func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            if let workflowWorker { group.addTask { try await workflowWorker.run() } }
            if let activityWorker { group.addTask { try await activityWorker.run() } }
        }
    }

    /// The task queue both workers serve.
    public var taskQueue: String {
        workflowWorker?.options.taskQueue ?? activityWorker?.options.taskQueue ?? ""
    }

    /// Returns once both workers poll the task queue (or have stopped): a ready signal for tests
    /// and scripts; each worker also logs a "polling" line.
    public func waitUntilPolling() async {
        await workflowWorker?.waitUntilPolling()
        await activityWorker?.waitUntilPolling()
    }

    /// The one task queue the registrations' contracts name.
    static func contractTaskQueue(workflows: [WorkflowRegistration], activities: [ActivityRegistration]) throws -> String {
        let named = Set(workflows.compactMap(\.taskQueue) + activities.compactMap(\.defaults.taskQueue))
        guard named.count == 1, let taskQueue = named.first else {
            throw TemporalWorkerConfigurationError(
                named.isEmpty
                    ? "no task queue: the contracts of the registrations name none; set TemporalWorkerOptions.taskQueue"
                    : "the contracts of the registrations name several task queues (\(named.sorted().joined(separator: ", "))); "
                        + "set TemporalWorkerOptions.taskQueue, or run one worker per queue"
            )
        }
        return taskQueue
    }

    /// Stops polling on both workers; running tasks and activities finish as each worker's
    /// options allow.
    public func shutdown() {
        workflowWorker?.shutdown()
        activityWorker?.shutdown()
    }
}
