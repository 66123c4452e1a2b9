import Foundation
import GRPCCore
import Logging
import ServiceLifecycle
import Synchronization
import TemporalAPI
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
    private let slots: ConcurrencySlots

    private struct State {
        var shuttingDown = false
        var polling: Task<Void, Never>?
        var running: [Data: WorkerActivityContext] = [:]
    }

    private let state = Mutex(State())

    public init(connection: TemporalConnection, activities: [ActivityRegistration], options: ActivityWorkerOptions) {
        self.connection = connection
        self.options = options
        transport = GRPCTemporalTransport(connection: connection)
        registrations = Dictionary(activities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        slots = ConcurrencySlots(max(1, options.maxConcurrentActivities))
    }

    /// Polls and runs activities until `shutdown()` or the service group's graceful shutdown;
    /// returns once every activity it started has finished or been canceled.
    public func run() async throws {
        options.logger.info(
            "activity worker started",
            metadata: ["task_queue": "\(options.taskQueue)", "activities": "\(registrations.keys.sorted())"]
        )
        await withGracefulShutdownHandler {
            await runUntilShutdown()
        } onGracefulShutdown: {
            self.shutdown()
        }
        options.logger.info("activity worker stopped", metadata: ["task_queue": "\(options.taskQueue)"])
    }

    /// Stops polling; running activities get `gracefulShutdownTimeout` to finish.
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
        let (tasks, continuation) = AsyncStream.makeStream(of: Temporal_Api_Workflowservice_V1_PollActivityTaskQueueResponse.self)
        let polling = Task { [self] in
            await withDiscardingTaskGroup { group in
                for _ in 0..<max(1, options.pollers) {
                    group.addTask { await self.poll(into: continuation) }
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
                let execution = ActivityTaskExecution(
                    task: task,
                    registration: registrations[task.activityType.name],
                    transport: transport,
                    options: options
                )
                state.withLock { $0.running[task.taskToken] = execution.context }
                group.addTask {
                    await execution.run()
                    self.state.withLock { _ = $0.running.removeValue(forKey: task.taskToken) }
                    await self.slots.release()
                }
            }
            // Polling stopped: give running activities the grace period, then cancel the rest.
            group.addTask { await self.cancelAfterGracePeriod() }
        }
    }

    private func poll(into continuation: AsyncStream<Temporal_Api_Workflowservice_V1_PollActivityTaskQueueResponse>.Continuation) async {
        var request = Temporal_Api_Workflowservice_V1_PollActivityTaskQueueRequest()
        request.namespace = connection.options.namespace
        request.taskQueue.name = options.taskQueue
        request.taskQueue.kind = .normal
        request.identity = connection.options.identity
        let sent = request
        while !Task.isCancelled {
            guard await slots.acquire() else { return }
            do {
                let task = try await connection.call("PollActivityTaskQueue", retry: .longPoll) { service, metadata, options in
                    try await service.pollActivityTaskQueue(sent, metadata: metadata, options: options)
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
                options.logger.error("polling for activity tasks failed", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    private func cancelAfterGracePeriod() async {
        let deadline = ContinuousClock.now + options.gracefulShutdownTimeout
        while ContinuousClock.now < deadline {
            if state.withLock({ $0.running.isEmpty }) { return }
            try? await Task.sleep(for: .milliseconds(50))
        }
        let remaining = state.withLock { Array($0.running.values) }
        if !remaining.isEmpty {
            options.logger.warning("grace period over; canceling running activities", metadata: ["count": "\(remaining.count)"])
        }
        for context in remaining { context.cancel(.workerShutdown) }
    }
}
