import Logging
import Synchronization

/// The long-poll loops of a worker: each poll first takes a concurrency slot (so a busy worker
/// leaves tasks to others), what arrives goes to one stream, and a poll the server could not
/// answer within the retry budget is tried again a second later. Shared by the activity and the
/// workflow worker.
final class TaskPoller<Response: Sendable>: Sendable {
    typealias Poll = @Sendable () async throws -> Response?

    let slots: ConcurrencySlots
    private let logger: Logger
    /// What is polled, for the log: "activity tasks".
    private let kind: String
    private let state = Mutex<(stopping: Bool, polling: Task<Void, Never>?, loopsBeforeFirstPoll: Int)>((false, nil, 0))
    /// Fires once every poll loop runs, or when polling stops.
    let polling = OneShotSignal()

    /// `metrics`: the worker's, told of every slot taken and given back.
    init(slots: Int, kind: String, logger: Logger, metrics: WorkerMetrics? = nil) {
        self.slots = ConcurrencySlots(max(1, slots)) { available, used in
            metrics?.slotsChanged(available: available, used: used)
        }
        self.kind = kind
        self.logger = logger
    }

    var isStopping: Bool { state.withLock { $0.stopping } }

    /// Runs one loop per element of `polls` (each returns nil for an empty poll) until `stop()`;
    /// the stream ends once every loop has. A consumer releases the slot of each task it is
    /// done with.
    func start(_ polls: [Poll]) -> AsyncStream<Response> {
        let (tasks, continuation) = AsyncStream.makeStream(of: Response.self)
        state.withLock { $0.loopsBeforeFirstPoll = polls.count }
        if polls.isEmpty { startedPolling() }
        let polling = Task {
            await withDiscardingTaskGroup { group in
                for poll in polls {
                    group.addTask { await self.loop(poll, into: continuation) }
                }
            }
            continuation.finish()
        }
        let alreadyStopping = state.withLock { state in
            state.polling = polling
            return state.stopping
        }
        if alreadyStopping { stop() }
        return tasks
    }

    /// Stops polling: polls in flight are cancelled, loops waiting for a slot return.
    func stop() {
        let pollingTask = state.withLock { state in
            state.stopping = true
            return state.polling
        }
        pollingTask?.cancel()
        polling.fire()
        slots.close()
    }

    private func loop(_ poll: Poll, into continuation: AsyncStream<Response>.Continuation) async {
        // Counted before the first slot is taken: with fewer slots than loops, some loops wait.
        let remaining = state.withLock { state in
            state.loopsBeforeFirstPoll -= 1
            return state.loopsBeforeFirstPoll
        }
        if remaining == 0 { startedPolling() }
        while !Task.isCancelled {
            guard await slots.acquire() else { return }
            do {
                guard let task = try await poll() else {
                    slots.release()
                    continue
                }
                continuation.yield(task)
            } catch {
                slots.release()
                if Task.isCancelled || isStopping { return }
                // The server stayed away past the retry budget: keep the worker alive and try again.
                logger.error("polling for \(kind) failed", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    private func startedPolling() {
        guard !polling.hasFired else { return }
        logger.info("polling for \(kind)")
        polling.fire()
    }
}
