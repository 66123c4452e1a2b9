import Foundation
import Logging
import Metrics
import ServiceLifecycle
import Synchronization
import TemporalAPI
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
    private let connection: TemporalConnection
    private let processor: WorkflowTaskProcessor
    private let slots: ConcurrencySlots

    private struct State {
        var shuttingDown = false
        var polling: Task<Void, Never>?
    }

    private let state = Mutex(State())

    /// - Parameters:
    ///   - workflows: the workflow implementations to serve (`registration` of a generated
    ///     workflow protocol's implementation).
    ///   - activities: the activities the workflows may run as local activities.
    public init(
        connection: TemporalConnection,
        workflows: [WorkflowRegistration],
        activities: [ActivityRegistration] = [],
        options: WorkflowWorkerOptions
    ) {
        self.connection = connection
        self.options = options
        slots = ConcurrencySlots(max(1, options.maxConcurrentWorkflowTasks))
        let stickyQueue = options.maxCachedWorkflows > 0 && options.stickyPollers > 0
            ? "\(connection.options.identity)-\(options.taskQueue)-sticky-\(UUID().uuidString.lowercased())" : nil
        var logger = options.logger
        logger[metadataKey: "task_queue"] = "\(options.taskQueue)"
        processor = WorkflowTaskProcessor(
            connection: connection,
            workflows: Dictionary(workflows.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
            cache: WorkflowCache(capacity: stickyQueue == nil ? 0 : options.maxCachedWorkflows),
            localActivities: LocalActivityRunner(
                registrations: Dictionary(activities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
                dataConverter: options.dataConverter,
                logger: logger
            ),
            history: WorkflowHistoryFetcher(connection: connection, dataConverter: options.dataConverter),
            options: options,
            stickyQueue: stickyQueue,
            metrics: WorkflowWorkerMetrics(factory: options.metricsFactory ?? MetricsSystem.factory, taskQueue: options.taskQueue)
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
        await withGracefulShutdownHandler {
            await runUntilShutdown()
        } onGracefulShutdown: {
            self.shutdown()
        }
        await releaseStickyQueue()
        for entry in await processor.cache.removeAll() { entry.engine.tearDown() }
        options.logger.info("workflow worker stopped", metadata: ["task_queue": "\(options.taskQueue)"])
    }

    /// Stops polling; tasks already taken are finished and answered.
    public func shutdown() {
        let polling = state.withLock { state in
            state.shuttingDown = true
            return state.polling
        }
        polling?.cancel()
        let slots = self.slots
        Task { await slots.close() }
    }

    private func runUntilShutdown() async {
        let (tasks, continuation) = AsyncStream.makeStream(of: Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueResponse.self)
        var queues: [Temporal_Api_Taskqueue_V1_TaskQueue] = []
        var normal = Temporal_Api_Taskqueue_V1_TaskQueue()
        normal.name = options.taskQueue
        normal.kind = .normal
        queues += Array(repeating: normal, count: max(1, options.pollers))
        if let stickyQueue {
            let sticky = WorkflowTaskProcessor.stickyTaskQueue(stickyQueue, normalName: options.taskQueue)
            queues += Array(repeating: sticky, count: options.stickyPollers)
        }
        let polling = Task { [self, queues] in
            await withDiscardingTaskGroup { group in
                for queue in queues {
                    group.addTask { await self.poll(queue, into: continuation) }
                }
            }
            continuation.finish()
        }
        let alreadyStopping = state.withLock { state in
            state.polling = polling
            return state.shuttingDown
        }
        if alreadyStopping { shutdown() }

        await withDiscardingTaskGroup { group in
            for await task in tasks {
                group.addTask {
                    await self.processor.process(task)
                    await self.slots.release()
                    self.processor.metrics.cacheSize(await self.processor.cache.count)
                }
            }
        }
    }

    private func poll(
        _ queue: Temporal_Api_Taskqueue_V1_TaskQueue,
        into continuation: AsyncStream<Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueResponse>.Continuation
    ) async {
        var request = Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueRequest()
        request.namespace = connection.options.namespace
        request.taskQueue = queue
        request.identity = connection.options.identity
        let sent = request
        while !Task.isCancelled {
            guard await slots.acquire() else { return }
            do {
                let task = try await connection.call("PollWorkflowTaskQueue", retry: .longPoll) { service, metadata, options in
                    try await service.pollWorkflowTaskQueue(sent, metadata: metadata, options: options)
                }
                if task.taskToken.isEmpty {
                    await slots.release()
                    continue
                }
                continuation.yield(task)
            } catch {
                await slots.release()
                if Task.isCancelled || state.withLock({ $0.shuttingDown }) { return }
                // The server stayed away past the retry budget: keep the worker alive and try again.
                options.logger.error("polling for workflow tasks failed", metadata: ["error": "\(error)", "queue": "\(queue.name)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
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
