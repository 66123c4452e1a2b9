import Foundation
import Metrics
import SwiftProtobuf
import TemporalAPI
import TemporalContractsGRPC

/// The activity worker's instruments, named and tagged as the other SDKs name theirs (see
/// <doc:Metrics>); series of one activity type carry `activity_type`.
struct ActivityWorkerMetrics: Sendable {
    let worker: WorkerMetrics

    init(factory: (any MetricsFactory)?, latencyUnit: LatencyMetricsUnit, namespace: String, taskQueue: String) {
        worker = WorkerMetrics(
            factory: factory,
            latencyUnit: latencyUnit,
            namespace: namespace,
            taskQueue: taskQueue,
            workerType: "ActivityWorker"
        )
    }

    private func tags(_ activityType: String) -> [(String, String)] {
        [("activity_type", activityType)]
    }

    /// An attempt starts (polled, or eagerly from a workflow task): its schedule-to-start latency.
    func taskStarted(_ task: Temporal_Api_Workflowservice_V1_PollActivityTaskQueueResponse) {
        worker.record(
            "temporal_activity_schedule_to_start_latency",
            Duration(from: task.currentAttemptScheduledTime, to: task.startedTime),
            tags(task.activityType.name)
        )
    }

    /// The attempt's run time, whatever its outcome.
    func executed(activityType: String, in duration: Duration) {
        worker.record("temporal_activity_execution_latency", duration, tags(activityType))
    }

    /// An attempt succeeded: the time since the activity was first scheduled.
    func succeeded(_ task: Temporal_Api_Workflowservice_V1_PollActivityTaskQueueResponse) {
        guard task.hasScheduledTime else { return }
        let elapsed = max(0, Date().timeIntervalSince(task.scheduledTime.date))
        worker.record("temporal_activity_succeed_endtoend_latency", .seconds(elapsed), tags(task.activityType.name))
    }

    func failed(activityType: String) {
        worker.increment("temporal_activity_execution_failed", tags(activityType))
    }

    func cancelled(activityType: String) {
        worker.increment("temporal_activity_execution_cancelled", tags(activityType))
    }

    /// A poll ended; one without a task counts in `temporal_activity_poll_no_task`.
    func polled(gotTask: Bool) {
        if !gotTask { worker.increment("temporal_activity_poll_no_task") }
    }
}
