import Synchronization

/// The executor every task of one workflow run prefers: a FIFO queue that runs nothing by
/// itself. The engine drains it on its own thread at each activation, so workflow code (the
/// main function, handlers, `async let` and task-group children) interleaves in the order its
/// jobs were enqueued, which only depends on the history — never on the machine's threads.
final class WorkflowExecutor: TaskExecutor, Sendable {
    private struct State {
        var jobs: [UnownedJob] = []
        var head = 0
        /// Whether the engine is inside an activation; a job enqueued outside one was resumed
        /// by something that is not the workflow context (a real clock, an actor, I/O).
        var isActive = false
        var strayJobs = 0
    }

    private let state = Mutex(State())

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        state.withLock { state in
            if !state.isActive { state.strayJobs += 1 }
            state.jobs.append(job)
        }
    }

    /// Marks the start or the end of an activation.
    func setActive(_ active: Bool) {
        state.withLock { $0.isActive = active }
    }

    /// Jobs that arrived while no activation ran, counted since the last call.
    func takeStrayJobCount() -> Int {
        state.withLock { state in
            defer { state.strayJobs = 0 }
            return state.strayJobs
        }
    }

    /// Runs queued jobs, and the jobs they enqueue, until none is left.
    func drain() {
        while let job = next() {
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    private func next() -> UnownedJob? {
        state.withLock { state in
            guard state.head < state.jobs.count else {
                state.jobs.removeAll(keepingCapacity: true)
                state.head = 0
                return nil
            }
            defer { state.head += 1 }
            return state.jobs[state.head]
        }
    }
}
