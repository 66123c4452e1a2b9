import Metrics

/// How the connection and the workers record latencies (`temporal_request_latency`,
/// `temporal_workflow_task_execution_latency`, …).
///
/// The names are the SDKs' either way; the unit decides which of the Temporal SDK dashboards
/// reads them unchanged. See <doc:ConnectingToTemporal>.
public enum LatencyMetricsUnit: Sendable, Hashable {
    /// Histograms of milliseconds (swift-metrics `Recorder`s that aggregate), as sdk-core records
    /// them by default: the Core-based SDKs' dashboard (`temporal_request_latency_bucket`, in
    /// milliseconds) reads them unchanged. swift-prometheus's default value buckets (5 to 10 000)
    /// suit milliseconds.
    case milliseconds
    /// swift-metrics `Timer`s: the backend picks the unit (swift-prometheus exports seconds), as
    /// the Go and Java SDKs record them; their dashboards query names ending in `_seconds`, which
    /// a metrics factory can add (swift-prometheus's `nameAndLabelSanitizer`).
    case timers

    /// Records one latency in this unit.
    package func record(_ duration: Duration, label: String, dimensions: [(String, String)], factory: any MetricsFactory) {
        switch self {
        case .milliseconds:
            let (seconds, attoseconds) = duration.components
            let milliseconds = Double(seconds) * 1_000 + Double(attoseconds) / 1e15
            Recorder(label: label, dimensions: dimensions, aggregate: true, factory: factory).record(max(0, milliseconds))
        case .timers:
            Metrics.Timer(label: label, dimensions: dimensions, factory: factory).record(duration: max(.zero, duration))
        }
    }
}
