import TemporalContracts

/// Sends an activity's heartbeats at most once per interval, as the SDKs do: the first at once,
/// later ones held back until the interval has passed, and then only the latest details.
actor HeartbeatThrottle {
    private let interval: Duration
    private let send: @Sendable ([Payload]) async -> Void
    private var lastSent: ContinuousClock.Instant?
    private var pending: [Payload]?
    private var flushTask: Task<Void, Never>?

    init(interval: Duration, send: @escaping @Sendable ([Payload]) async -> Void) {
        self.interval = interval
        self.send = send
    }

    func record(_ details: [Payload]) {
        let now = ContinuousClock.now
        if let lastSent, now - lastSent < interval {
            pending = details
            if flushTask == nil {
                let wait = lastSent + interval - now
                flushTask = Task { [weak self] in
                    try? await Task.sleep(for: wait)
                    await self?.flush()
                }
            }
            return
        }
        transmit(details, at: now)
    }

    /// Drops what was not sent yet: the attempt is over.
    func stop() {
        flushTask?.cancel()
        flushTask = nil
        pending = nil
    }

    private func flush() {
        flushTask = nil
        guard let details = pending else { return }
        pending = nil
        transmit(details, at: .now)
    }

    private func transmit(_ details: [Payload], at instant: ContinuousClock.Instant) {
        lastSent = instant
        let send = self.send
        // Heartbeats never block the activity; the response is handled by `send`.
        Task { await send(details) }
    }
}
