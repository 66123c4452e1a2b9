import Metrics

/// The workflow worker's swift-metrics instruments, named as the other SDKs name theirs.
struct WorkflowWorkerMetrics: Sendable {
    let factory: any MetricsFactory
    let taskQueue: String

    private func dimensions(_ workflowType: String) -> [(String, String)] {
        [("workflow_type", workflowType), ("task_queue", taskQueue)]
    }

    func taskReceived(workflowType: String) {
        Counter(label: "temporal_workflow_task_received", dimensions: dimensions(workflowType), factory: factory).increment()
    }

    func taskLatency(workflowType: String, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        Timer(label: "temporal_workflow_task_execution_latency", dimensions: dimensions(workflowType), factory: factory)
            .recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
    }

    func taskFailed(workflowType: String, nondeterministic: Bool) {
        let reason = nondeterministic ? "NonDeterminismError" : "WorkflowError"
        Counter(
            label: "temporal_workflow_task_execution_failed",
            dimensions: dimensions(workflowType) + [("failure_reason", reason)],
            factory: factory
        )
        .increment()
    }

    func workflowFinished(workflowType: String) {
        Counter(label: "temporal_workflow_completed", dimensions: dimensions(workflowType), factory: factory).increment()
    }

    func stickyCacheHit() {
        Counter(label: "temporal_sticky_cache_hit", dimensions: [("task_queue", taskQueue)], factory: factory).increment()
    }

    func stickyCacheMiss() {
        Counter(label: "temporal_sticky_cache_miss", dimensions: [("task_queue", taskQueue)], factory: factory).increment()
    }

    func cacheSize(_ size: Int) {
        Gauge(label: "temporal_sticky_cache_size", dimensions: [("task_queue", taskQueue)], factory: factory).record(size)
    }
}
