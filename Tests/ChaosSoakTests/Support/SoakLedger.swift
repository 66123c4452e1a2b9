import Foundation

/// What the drivers and the fault injector count while the soak runs, for the checks and the
/// figures printed at the end.
actor SoakLedger {
    enum Fault: String, CaseIterable, Sendable {
        case workerKilled = "worker SIGKILL + restart"
        case workerTerminated = "worker SIGTERM + restart"
        case serverRestarted = "dev server restart"
        case connectionsReset = "proxy: connections reset"
        case trafficStalled = "proxy: traffic stalled"
        case trafficDelayed = "proxy: traffic delayed"
        case halfOpen = "proxy: half-open"
    }

    private(set) var faults: [Fault: Int] = [:]
    private(set) var latencies: [Duration] = []
    private(set) var driverRetries = 0
    private(set) var queriesAnswered = 0
    private(set) var updatesAccepted = 0
    private(set) var updatesRejected = 0
    private(set) var signalsSent = 0
    private(set) var peakResidentKilobytes = 0
    private(set) var residentSamples = 0

    func record(_ fault: Fault) { faults[fault, default: 0] += 1 }
    func recordLatency(_ latency: Duration) { latencies.append(latency) }
    func recordDriverRetry() { driverRetries += 1 }
    func recordQuery() { queriesAnswered += 1 }
    func recordUpdate(accepted: Bool) {
        if accepted { updatesAccepted += 1 } else { updatesRejected += 1 }
    }
    func recordSignal() { signalsSent += 1 }
    func recordResident(kilobytes: Int) {
        residentSamples += 1
        peakResidentKilobytes = max(peakResidentKilobytes, kilobytes)
    }

    /// The latency below which `fraction` of the workflows finished.
    func latency(percentile fraction: Double) -> Duration {
        let sorted = latencies.sorted()
        guard !sorted.isEmpty else { return .zero }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
    }
}
