import Foundation
import GRPCCore
import Logging
import ServiceLifecycle
import Synchronization
import TemporalAPI
import TemporalContractsConversion
import TemporalContracts
import TemporalContractsGRPC

/// Serves activities on a task queue: polls the server for activity tasks and runs the
/// registered implementations, at most `maxConcurrentActivities` at once.
///
/// ```swift
/// let worker = ActivityWorker(
///     connection: connection,
///     activities: MyWarehouseActivities().registrations,
///     options: ActivityWorkerOptions(taskQueue: "warehouse")
/// )
/// try await worker.run()   // or add it to a ServiceGroup
/// ```
///
/// It is a swift-service-lifecycle `Service`: on graceful shutdown (or `shutdown()`) it stops
/// polling, lets running activities finish for `gracefulShutdownTimeout`, then cancels them and
/// reports them as retryable failures so other workers run them again.
public final class ActivityWorker: Service, Sendable {
    public let options: ActivityWorkerOptions
    private let connection: TemporalConnection
    private let transport: GRPCTemporalTransport
    private let registrations: [String: ActivityRegistration]
    private let poller: TaskPoller<Temporal_Api_Workflowservice_V1_PollActivityTaskQueueResponse>
    /// The contexts of the activities running now, by task token, to cancel them at shutdown.
    private let running = Mutex<[Data: WorkerActivityContext]>([:])
    private let timeouts = ActivityTimeoutWatch()
    private let metrics: ActivityWorkerMetrics

    public init(connection: TemporalConnection, activities: [ActivityRegistration], options: ActivityWorkerOptions) {
        self.connection = connection
        self.options = options
        transport = GRPCTemporalTransport(connection: connection)
        registrations = Dictionary(registrations: activities, keepingFirst: true) { ($0.name, $0.aliases) }
        metrics = ActivityWorkerMetrics(
            factory: options.metricsFactory ?? connection.options.metricsFactory,
            latencyUnit: options.latencyMetricsUnit,
            namespace: connection.options.namespace,
            taskQueue: options.taskQueue
        )
        poller = TaskPoller(slots: options.maxConcurrentActivities, kind: "activity tasks", logger: options.logger, metrics: metrics.worker)
    }

    /// Polls and runs activities until `shutdown()` or the service group's graceful shutdown;
    /// returns once every activity it started has finished or been canceled.
    public func run() async throws {
        options.logger.info(
            "activity worker started",
            metadata: ["task_queue": "\(options.taskQueue)", "activities": "\(registrations.keys.sorted())"]
        )
        metrics.worker.workerStarted()
        await withGracefulShutdownHandler {
            await runUntilShutdown()
        } onGracefulShutdown: {
            self.shutdown()
        }
        options.logger.info("activity worker stopped", metadata: ["task_queue": "\(options.taskQueue)"])
    }

    /// Returns once the worker polls its task queue (its poll loops run, after the "polling" log
    /// line), or once it has stopped: a ready signal for tests and scripts.
    public func waitUntilPolling() async {
        await poller.polling.wait()
    }

    /// Stops polling; running activities get `gracefulShutdownTimeout` to finish.
    public func shutdown() {
        poller.stop()
    }

    private func runUntilShutdown() async {
        var request = Temporal_Api_Workflowservice_V1_PollActivityTaskQueueRequest()
        request.namespace = connection.options.namespace
        request.taskQueue.name = options.taskQueue
        request.taskQueue.kind = .normal
        request.identity = connection.options.identity
        if let deployment = options.deployment { request.deploymentOptions = deployment.apiOptions }
        let sent = request
        let poll: TaskPoller<Temporal_Api_Workflowservice_V1_PollActivityTaskQueueResponse>.Poll = { [connection, metrics] in
            let task = try await metrics.worker.polling("activity_task") {
                try await connection.call("PollActivityTaskQueue", retry: .longPoll) { service, metadata, options in
                    try await service.pollActivityTaskQueue(sent, metadata: metadata, options: options)
                }
            }
            metrics.polled(gotTask: !task.taskToken.isEmpty)
            return task.taskToken.isEmpty ? nil : task
        }
        let tasks = poller.start(Array(repeating: poll, count: max(1, options.pollers)))
        await withDiscardingTaskGroup { group in
            for await task in tasks {
                let execution = begin(task)
                group.addTask { await self.execute(execution) }
            }
            // Polling stopped: give running activities the grace period, then cancel the rest.
            group.addTask { await self.cancelAfterGracePeriod() }
        }
        timeouts.stop()
    }

    /// Prepares a task taken in a slot, registered as running so shutdown can cancel it.
    private func begin(_ task: Temporal_Api_Workflowservice_V1_PollActivityTaskQueueResponse) -> ActivityTaskExecution {
        let execution = ActivityTaskExecution(
            task: task,
            registration: registrations.registration(forType: task.activityType.name),
            transport: transport,
            options: options,
            timeouts: timeouts
        )
        running.withLock { $0[task.taskToken] = execution.context }
        return execution
    }

    /// Runs a task `begin` prepared, then gives its slot back.
    private func execute(_ execution: ActivityTaskExecution) async {
        await execution.run()
        running.withLock { _ = $0.removeValue(forKey: execution.task.taskToken) }
        poller.slots.release()
    }

    private func cancelAfterGracePeriod() async {
        let deadline = ContinuousClock.now + options.gracefulShutdownTimeout
        while ContinuousClock.now < deadline {
            if running.withLock({ $0.isEmpty }) { return }
            try? await Task.sleep(for: .milliseconds(50))
        }
        let remaining = running.withLock { Array($0.values) }
        if !remaining.isEmpty {
            options.logger.warning("grace period over; canceling running activities", metadata: ["count": "\(remaining.count)"])
        }
        for context in remaining { context.cancel(.workerShutdown) }
    }
}

extension ActivityWorker: EagerActivities {
    func runs(_ type: String, on taskQueue: String) -> Bool {
        taskQueue == options.taskQueue && registrations.registration(forType: type) != nil
    }

    func reserveSlot() -> Bool {
        poller.slots.tryAcquire()
    }

    func releaseSlot() {
        poller.slots.release()
    }

    func run(_ task: Temporal_Api_Workflowservice_V1_PollActivityTaskQueueResponse) {
        // Outside the poll loop's task group; shutdown still cancels it through `running`.
        let execution = begin(task)
        Task { await execute(execution) }
    }
}
