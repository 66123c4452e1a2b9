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
/// let worker = TemporalWorker(
///     connection: connection,
///     workflows: [BookTrip.registration, Greet.registration],
///     activities: TripActivities().registrations,
///     options: TemporalWorkerOptions(taskQueue: "trips")
/// )
/// let group = ServiceGroup(services: [worker], gracefulShutdownSignals: [.sigterm], logger: logger)
/// try await group.run()
/// ```
public final class TemporalWorker: Service, Sendable {
    public let workflowWorker: WorkflowWorker?
    public let activityWorker: ActivityWorker?

    /// Workflows and activities may each be empty; the worker polls only for what it serves.
    /// Local activities run from `activities` too.
    public init(
        connection: TemporalConnection,
        workflows: [WorkflowRegistration],
        activities: [ActivityRegistration],
        options: TemporalWorkerOptions
    ) {
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

    /// Stops polling on both workers; running tasks and activities finish as each worker's
    /// options allow.
    public func shutdown() {
        workflowWorker?.shutdown()
        activityWorker?.shutdown()
    }
}
