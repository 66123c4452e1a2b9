import TemporalContractsGRPC

extension TemporalWorkerOptions {
    /// How both workers record latencies: milliseconds (as sdk-core, the default) or timers.
    /// Set the connection's `TemporalConnectionOptions.latencyMetricsUnit` to the same. See <doc:Metrics>.
    public var latencyMetricsUnit: LatencyMetricsUnit {
        get { workflows.latencyMetricsUnit }
        set {
            workflows.latencyMetricsUnit = newValue
            activities.latencyMetricsUnit = newValue
        }
    }
}
