/// A counting semaphore for activity slots. `close()` wakes every waiter with `false`, which is
/// how pollers learn the worker is shutting down while they wait for a slot.
actor ConcurrencySlots {
    private var available: Int
    private var waiters: [CheckedContinuation<Bool, Never>] = []
    private var closed = false

    init(_ count: Int) {
        available = count
    }

    /// Takes a slot; false once closed.
    func acquire() async -> Bool {
        if closed { return false }
        if available > 0 {
            available -= 1
            return true
        }
        return await withCheckedContinuation { waiters.append($0) }
    }

    /// Takes a slot if one is free now, without waiting.
    func tryAcquire() -> Bool {
        guard !closed, available > 0 else { return false }
        available -= 1
        return true
    }

    func release() {
        if !closed, !waiters.isEmpty {
            waiters.removeFirst().resume(returning: true)
        } else {
            available += 1
        }
    }

    func close() {
        closed = true
        for waiter in waiters { waiter.resume(returning: false) }
        waiters.removeAll()
    }
}
