import Foundation
import Synchronization
import Logging
import Metrics
import ServiceLifecycle
import TemporalAPI
import TemporalContractsConversion
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsGRPC

/// Serves workflows on a task queue: polls the server for workflow tasks and runs the
/// registered implementations on the deterministic engine.
///
/// ```swift
/// let worker = WorkflowWorker(
///     connection: connection,
///     workflows: [Trips.BookTripWorkflowImplementation.registration],
///     activities: MyActivities().registrations,  // for local activities
///     options: WorkflowWorkerOptions(taskQueue: "trips")
/// )
/// try await worker.run()   // or add it to a ServiceGroup
/// ```
///
/// Runs stay cached between tasks and the server sends their next tasks to this worker's
/// sticky queue with only the new events; a run that is not cached (evicted, or after a
/// restart) is rebuilt by replaying its history. It is a swift-service-lifecycle `Service`.
public final class WorkflowWorker: Service, Sendable {
    public let options: WorkflowWorkerOptions
    let connection: TemporalConnection
    let processor: WorkflowTaskProcessor
    let poller: TaskPoller<Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueResponse>
    /// First workflow tasks that came in start responses (eager start), run beside polled tasks.
    let eagerTasks = AsyncStream.makeStream(of: Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueResponse.self)
    let eagerTaskCounter = Atomic(0)

    /// - Parameters:
    ///   - connection: the connection to the server, shared with other workers and clients.
    ///   - workflows: the workflow implementations to serve (`registration` of a generated
    ///     workflow protocol's implementation).
    ///   - activities: the activities the workflows may run as local activities.
    ///   - options: the task queue, limits, data converter, logger and metrics.
    public convenience init(
        connection: TemporalConnection,
        workflows: [WorkflowRegistration],
        activities: [ActivityRegistration] = [],
        options: WorkflowWorkerOptions
    ) {
        self.init(connection: connection, workflows: workflows, activities: activities, eagerActivities: nil, options: options)
    }

    /// `eagerActivities`: the activity worker beside this one (`TemporalWorker`).
    init(
        connection: TemporalConnection,
        workflows: [WorkflowRegistration],
        activities: [ActivityRegistration],
        eagerActivities: (any EagerActivities)?,
        options: WorkflowWorkerOptions
    ) {
        self.connection = connection
        self.options = options
        let metrics = WorkflowWorkerMetrics(
            factory: options.metricsFactory ?? connection.options.metricsFactory,
            latencyUnit: options.latencyMetricsUnit,
            namespace: connection.options.namespace,
            taskQueue: options.taskQueue
        )
        poller = TaskPoller(
            slots: options.maxConcurrentWorkflowTasks,
            kind: "workflow tasks",
            logger: options.logger,
            metrics: metrics.worker
        )
        let stickyQueue =
            options.maxCachedWorkflows > 0 && options.stickyPollers > 0
            ? "\(connection.options.identity)-\(options.taskQueue)-sticky-\(UUID().uuidString.lowercased())" : nil
        var logger = options.logger
        logger[metadataKey: "task_queue"] = "\(options.taskQueue)"
        processor = WorkflowTaskProcessor(
            connection: connection,
            workflows: Dictionary(registrations: workflows, keepingFirst: true) { ($0.name, $0.aliases) },
            cache: WorkflowCache(capacity: stickyQueue == nil ? 0 : options.maxCachedWorkflows),
            localActivities: LocalActivityRunner(
                registrations: Dictionary(registrations: activities, keepingFirst: true) { ($0.name, $0.aliases) },
                dataConverter: options.dataConverter,
                logger: logger,
                interceptors: options.interceptors,
                slots: ConcurrencySlots(max(1, options.maxConcurrentLocalActivities)) {
                    [localActivityMetrics = metrics.localActivities] available, used in
                    localActivityMetrics.slotsChanged(available: available, used: used)
                }
            ),
            history: WorkflowHistoryFetcher(connection: connection, dataConverter: options.dataConverter),
            options: options,
            stickyQueue: stickyQueue,
            metrics: metrics,
            eagerActivities: eagerActivities
        )
    }

    /// The queue the server sends this worker the tasks of the runs it has cached.
    public var stickyQueue: String? { processor.stickyQueue }

    /// Polls and runs workflow tasks until `shutdown()` or the service group's graceful
    /// shutdown; returns once every task it took has been answered.
    public func run() async throws {
        options.logger.info(
            "workflow worker started",
            metadata: ["task_queue": "\(options.taskQueue)", "workflows": "\(processor.workflows.keys.sorted())"]
        )
        processor.metrics.worker.workerStarted()
        await withGracefulShutdownHandler {
            await runUntilShutdown()
        } onGracefulShutdown: {
            self.shutdown()
        }
        await releaseStickyQueue()
        for entry in await processor.cache.removeAll() { entry.engine.tearDown() }
        options.logger.info("workflow worker stopped", metadata: ["task_queue": "\(options.taskQueue)"])
    }

    /// Returns once the worker polls its task queue (its poll loops run, after the "polling" log
    /// line), or once it has stopped: a ready signal for tests and scripts.
    public func waitUntilPolling() async {
        await poller.polling.wait()
    }

    /// Stops polling; tasks already taken are finished and answered.
    public func shutdown() {
        poller.stop()
    }

    private func runUntilShutdown() async {
        var normal = Temporal_Api_Taskqueue_V1_TaskQueue()
        normal.name = options.taskQueue
        normal.kind = .normal
        var queues = Array(repeating: normal, count: max(1, options.pollers))
        if let stickyQueue {
            let sticky = WorkflowTaskProcessor.stickyTaskQueue(stickyQueue, normalName: options.taskQueue)
            queues += Array(repeating: sticky, count: options.stickyPollers)
        }
        // Registered before polling starts, so a start made once `waitUntilPolling()` returns
        // finds the worker.
        connection.eagerWorkflowWorkers.register(self, taskQueue: options.taskQueue)
        let tasks = poller.start(queues.map { queue in { try await self.poll(queue) } })
        await withDiscardingTaskGroup { group in
            group.addTask { await self.runEagerTasks() }
            for await task in tasks {
                group.addTask { await self.runTask(task) }
            }
            // Polling has stopped, and with it the slots: no start reserves one any more.
            stopTakingEagerTasks()
        }
    }

    /// Runs one task on the slot taken for it, then gives the slot back.
    func runTask(_ task: Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueResponse) async {
        await processor.process(task)
        poller.slots.release()
        processor.metrics.cacheSize(await processor.cache.count)
    }

    /// One long poll on `queue`; nil when it ended without a task.
    private func poll(
        _ queue: Temporal_Api_Taskqueue_V1_TaskQueue
    ) async throws -> Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueResponse? {
        var request = Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueRequest()
        request.namespace = connection.options.namespace
        request.taskQueue = queue
        request.identity = connection.options.identity
        if let deployment = options.deployment { request.deploymentOptions = deployment.apiOptions }
        let sent = request
        let task = try await processor.metrics.worker.polling(queue.kind == .sticky ? "sticky_workflow_task" : "workflow_task") {
            try await connection.call("PollWorkflowTaskQueue", retry: .longPoll) { service, metadata, options in
                try await service.pollWorkflowTaskQueue(sent, metadata: metadata, options: options)
            }
        }
        processor.metrics.polled(gotTask: !task.taskToken.isEmpty)
        return task.taskToken.isEmpty ? nil : task
    }

    /// Tells the server this worker's sticky queue is gone, so the next tasks of its cached
    /// runs go to the task queue at once instead of after the sticky timeout.
    private func releaseStickyQueue() async {
        guard let stickyQueue else { return }
        var request = Temporal_Api_Workflowservice_V1_ShutdownWorkerRequest()
        request.namespace = connection.options.namespace
        request.stickyTaskQueue = stickyQueue
        request.identity = connection.options.identity
        request.reason = "graceful shutdown"
        let sent = request
        do {
            _ = try await connection.call("ShutdownWorker", retry: .idempotent) { service, metadata, options in
                try await service.shutdownWorker(sent, metadata: metadata, options: options)
            }
        } catch {
            options.logger.debug("the server did not take the sticky queue's shutdown", metadata: ["error": "\(error)"])
        }
    }
}
