import Metrics
import SwiftProtobuf
import Synchronization
import TemporalContractsGRPC

/// What both workers record, named and tagged as the other SDKs do (the Temporal SDK metrics
/// reference), so the SDK dashboards read them unchanged: every series carries `namespace` and
/// `task_queue`; slots carry `worker_type`, pollers `poller_type`.
final class WorkerMetrics: Sendable {
    let factory: any MetricsFactory
    let namespace: String
    let taskQueue: String
    /// `WorkflowWorker` or `ActivityWorker`, as the SDKs tag slots and starts.
    let workerType: String
    let latencyUnit: LatencyMetricsUnit
    /// Polls in flight, by `poller_type`: `temporal_num_pollers` is a gauge of absolute values.
    private let pollsInFlight = Mutex<[String: Int]>([:])

    init(factory: (any MetricsFactory)?, latencyUnit: LatencyMetricsUnit, namespace: String, taskQueue: String, workerType: String) {
        self.factory = factory ?? MetricsSystem.factory
        self.latencyUnit = latencyUnit
        self.namespace = namespace
        self.taskQueue = taskQueue
        self.workerType = workerType
    }

    /// The tags of every worker series.
    var tags: [(String, String)] { [("namespace", namespace), ("task_queue", taskQueue)] }

    func increment(_ label: String, _ extraTags: [(String, String)] = []) {
        Counter(label: label, dimensions: tags + extraTags, factory: factory).increment()
    }

    func record(_ label: String, _ duration: Duration, _ extraTags: [(String, String)] = []) {
        latencyUnit.record(duration, label: label, dimensions: tags + extraTags, factory: factory)
    }

    func gauge(_ label: String, _ value: Int, _ extraTags: [(String, String)] = []) {
        Gauge(label: label, dimensions: tags + extraTags, factory: factory).record(value)
    }

    /// `temporal_worker_start`, once per worker run.
    func workerStarted() {
        increment("temporal_worker_start", [("worker_type", workerType)])
    }

    /// `temporal_worker_task_slots_available` and `…_used`, whenever a slot is taken or given back.
    func slotsChanged(available: Int, used: Int) {
        gauge("temporal_worker_task_slots_available", available, [("worker_type", workerType)])
        gauge("temporal_worker_task_slots_used", used, [("worker_type", workerType)])
    }

    /// Runs one poll, counted in `temporal_num_pollers` while it waits.
    func polling<Response>(_ pollerType: String, _ poll: () async throws -> Response) async throws -> Response {
        adjustPollers(pollerType, by: 1)
        defer { adjustPollers(pollerType, by: -1) }
        return try await poll()
    }

    private func adjustPollers(_ pollerType: String, by change: Int) {
        // Recorded under the lock, so a later count never lands before an earlier one.
        pollsInFlight.withLock { polls in
            let count = polls[pollerType, default: 0] + change
            polls[pollerType] = count
            gauge("temporal_num_pollers", count, [("poller_type", pollerType)])
        }
    }
}

extension Duration {
    /// The time from one server timestamp to another (zero when either is missing).
    init(from start: Google_Protobuf_Timestamp, to end: Google_Protobuf_Timestamp) {
        guard start.seconds > 0, end.seconds > 0 else {
            self = .zero
            return
        }
        self = .seconds(end.seconds - start.seconds) + .nanoseconds(Int64(end.nanos) - Int64(start.nanos))
    }
}
