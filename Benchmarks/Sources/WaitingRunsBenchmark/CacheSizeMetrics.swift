import CoreMetrics
import Synchronization

/// A swift-metrics factory that keeps only the last value of the worker's
/// `temporal_sticky_cache_size` gauge and hands every other measurement to the no-op handler, so reading the cache size
/// costs the measured worker no memory per task.
final class CacheSizeMetrics: MetricsFactory, Sendable {
    private let gauge = Gauge()

    /// The cache size last recorded, or -1 before the first record.
    var cacheSize: Int64 { gauge.size.load(ordering: .relaxed) }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler { NOOPMetricsHandler.instance }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        label == "temporal_sticky_cache_size" ? gauge : NOOPMetricsHandler.instance
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler { NOOPMetricsHandler.instance }

    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}

    private final class Gauge: RecorderHandler, Sendable {
        let size = Atomic<Int64>(-1)

        func record(_ value: Int64) { size.store(value, ordering: .relaxed) }
        func record(_ value: Double) { record(Int64(value)) }
    }
}
