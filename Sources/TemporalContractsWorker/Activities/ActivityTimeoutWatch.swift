import Foundation
import Synchronization

/// Cancels running attempts whose start-to-close (or schedule-to-close) deadline passed or that
/// stopped heartbeating for longer than their heartbeat timeout — the server has timed them out by
/// then, and their code should stop too.
///
/// One sleeping task serves every attempt of a worker, instead of a task and a timer per attempt:
/// most attempts finish long before their timeout, and attempts with the same timeout are due in
/// the order they start, so a new attempt rarely moves the next wake-up earlier and the watch sets
/// about one timer per timeout period rather than one per attempt.
final class ActivityTimeoutWatch: Sendable {
    /// One watched attempt.
    private struct Entry {
        let context: WorkerActivityContext
        let deadline: ContinuousClock.Instant?

        /// When this attempt must be looked at next: its deadline, or its heartbeat timeout after
        /// its last heartbeat, whichever comes first; nil when it has neither timeout.
        var dueAt: ContinuousClock.Instant? {
            guard let heartbeatTimeout = context.info.heartbeatTimeout else { return deadline }
            let heartbeatDue = context.lastHeartbeat + heartbeatTimeout
            return min(deadline ?? heartbeatDue, heartbeatDue)
        }
    }

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        /// The sleeping task and when it wakes; a new entry due earlier replaces it.
        var sleeper: Task<Void, Never>?
        var wakeUp: ContinuousClock.Instant?
        var stopped = false
    }

    private let state = Mutex(State())

    /// Watches `context`'s attempt until ``unwatch(_:)``.
    func watch(_ context: WorkerActivityContext) {
        let entry = Entry(
            context: context,
            deadline: context.info.deadline.map { ContinuousClock.now + .seconds($0.timeIntervalSinceNow) }
        )
        guard let due = entry.dueAt else { return }
        state.withLock { state in
            guard !state.stopped else { return }
            state.entries[ObjectIdentifier(context)] = entry
            // A due time can only move later (heartbeats), so a wake-up at or before it is enough.
            if let wakeUp = state.wakeUp, wakeUp <= due { return }
            schedule(at: due, in: &state)
        }
    }

    /// Stops watching `context`'s attempt (it finished). The sleeper is left alone: waking once
    /// for nothing costs less than re-arming a timer per attempt.
    func unwatch(_ context: WorkerActivityContext) {
        _ = state.withLock { $0.entries.removeValue(forKey: ObjectIdentifier(context)) }
    }

    /// Stops the watch (the worker stopped); later attempts are not watched.
    func stop() {
        state.withLock { state in
            state.stopped = true
            state.entries = [:]
            state.sleeper?.cancel()
            state.sleeper = nil
            state.wakeUp = nil
        }
    }

    private func schedule(at wakeUp: ContinuousClock.Instant, in state: inout State) {
        state.sleeper?.cancel()
        state.wakeUp = wakeUp
        state.sleeper = Task { [weak self] in
            do { try await Task.sleep(until: wakeUp) } catch { return }
            self?.sweep(scheduledFor: wakeUp)
        }
    }

    /// Cancels the attempts that are due, and sleeps until the next one is.
    private func sweep(scheduledFor wakeUp: ContinuousClock.Instant) {
        let now = ContinuousClock.now
        var timedOut: [(WorkerActivityContext, ActivityCancellationReason)] = []
        state.withLock { state in
            // A sleeper replaced by an earlier one may still run: only the current one sweeps.
            guard state.wakeUp == wakeUp, !state.stopped else { return }
            state.sleeper = nil
            state.wakeUp = nil
            var next: ContinuousClock.Instant?
            for (key, entry) in state.entries {
                if let deadline = entry.deadline, now >= deadline {
                    timedOut.append((entry.context, .timedOut(.startToClose)))
                } else if let heartbeatTimeout = entry.context.info.heartbeatTimeout,
                    now - entry.context.lastHeartbeat >= heartbeatTimeout
                {
                    timedOut.append((entry.context, .timedOut(.heartbeat)))
                } else {
                    if let due = entry.dueAt { next = min(next ?? due, due) }
                    continue
                }
                state.entries.removeValue(forKey: key)
            }
            if let next { schedule(at: next, in: &state) }
        }
        for (context, reason) in timedOut { context.cancel(reason) }
    }
}
