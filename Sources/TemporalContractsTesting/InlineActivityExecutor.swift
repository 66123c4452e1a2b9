import Foundation
import Synchronization

/// The executor activity tasks of the test environment prefer: it runs an activity on the
/// server's own thread until the activity first suspends for real (most mocks never do), and
/// hands everything after that to the global concurrent executor. A mock activity then costs no
/// thread hop, which matters because the clock may only skip while no activity runs.
final class InlineActivityExecutor: TaskExecutor, Sendable {
    private struct State {
        var jobs: [UnownedJob] = []
        var drainingThread: pthread_t?
    }

    private let state = Mutex(State())

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        let inline = state.withLock { state in
            guard let thread = state.drainingThread, pthread_equal(thread, pthread_self()) != 0 else { return false }
            state.jobs.append(unowned)
            return true
        }
        if !inline {
            globalConcurrentExecutor.enqueue(unowned)
        }
    }

    /// Runs, on this thread, the jobs that `start` enqueues and the jobs those enqueue in turn.
    func runInline<Value>(_ start: () -> Value) -> Value {
        state.withLock { $0.drainingThread = pthread_self() }
        let value = start()
        while let job = state.withLock({ $0.jobs.isEmpty ? nil : $0.jobs.removeFirst() }) {
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
        state.withLock { $0.drainingThread = nil }
        return value
    }
}

/// Where an activity's outcome goes: taken by the server right after the inline run when the
/// activity finished there, else reported by the activity's task when it ends.
final class ActivityOutcomeSlot: Sendable {
    private enum State {
        case running
        case finished(TestServer.ActivityOutcome)
        case detached
    }

    private let state = Mutex(State.running)

    /// Called by the activity's task; false when the task must report the outcome itself.
    func offer(_ outcome: TestServer.ActivityOutcome) -> Bool {
        state.withLock { state in
            guard case .running = state else { return false }
            state = .finished(outcome)
            return true
        }
    }

    /// Called by the server after the inline run: the outcome if the activity finished.
    func take() -> TestServer.ActivityOutcome? {
        state.withLock { state in
            if case .finished(let outcome) = state { return outcome }
            state = .detached
            return nil
        }
    }
}
