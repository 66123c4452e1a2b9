import Synchronization

/// A counting semaphore for task slots. `close()` wakes every waiter with `false`, which is how
/// pollers learn the worker is shutting down while they wait for a slot.
///
/// A lock rather than an actor: a slot is taken and given back for every task, and a free slot is
/// then taken without suspending, where an actor costs a hop onto its executor for each call.
final class ConcurrencySlots: Sendable {
    private struct State {
        var available: Int
        var waiters: [CheckedContinuation<Bool, Never>] = []
        var closed = false

        /// Takes a free slot: true if taken, false if closed, nil if none is free.
        mutating func take() -> Bool? {
            if closed { return false }
            guard available > 0 else { return nil }
            available -= 1
            return true
        }
    }

    private let state: Mutex<State>
    private let count: Int
    /// Told the free and the taken slots after every change (under the lock, so in order): the
    /// worker's slot gauges.
    private let observer: (@Sendable (_ available: Int, _ used: Int) -> Void)?

    init(_ count: Int, observer: (@Sendable (_ available: Int, _ used: Int) -> Void)? = nil) {
        state = Mutex(State(available: count))
        self.count = count
        self.observer = observer
        observer?(count, 0)
    }

    private func changed(_ state: State) {
        observer?(state.available, count - state.available)
    }

    /// Takes a slot, waiting for one if none is free; false once closed.
    func acquire() async -> Bool {
        if let taken = state.withLock({ state -> Bool? in
            defer { changed(state) }
            return state.take()
        }) {
            return taken
        }
        return await withCheckedContinuation { continuation in
            let taken = state.withLock { state -> Bool? in
                let taken = state.take()
                if taken == nil { state.waiters.append(continuation) } else { changed(state) }
                return taken
            }
            if let taken { continuation.resume(returning: taken) }
        }
    }

    /// Takes a slot if one is free now, without waiting.
    func tryAcquire() -> Bool {
        state.withLock { state in
            defer { changed(state) }
            return state.take() ?? false
        }
    }

    /// Gives a slot back, to the longest waiter if there is one.
    func release() {
        let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            if !state.closed, !state.waiters.isEmpty { return state.waiters.removeFirst() }
            state.available += 1
            changed(state)
            return nil
        }
        waiter?.resume(returning: true)
    }

    /// Refuses every later `acquire()` and wakes the waiting ones with `false`.
    func close() {
        let waiters = state.withLock { state in
            state.closed = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: false) }
    }
}
