import Foundation
import Metrics
import TemporalAPI
import TemporalContractsGRPC

/// The workflow worker's instruments, named and tagged as the other SDKs name theirs (see
/// <doc:Metrics>); series of one workflow type carry `workflow_type`.
struct WorkflowWorkerMetrics: Sendable {
    let worker: WorkerMetrics
    /// The local-activity slots, which the SDKs tag as a worker of their own.
    let localActivities: WorkerMetrics

    init(factory: (any MetricsFactory)?, latencyUnit: LatencyMetricsUnit, namespace: String, taskQueue: String) {
        worker = WorkerMetrics(
            factory: factory,
            latencyUnit: latencyUnit,
            namespace: namespace,
            taskQueue: taskQueue,
            workerType: "WorkflowWorker"
        )
        localActivities = WorkerMetrics(
            factory: factory,
            latencyUnit: latencyUnit,
            namespace: namespace,
            taskQueue: taskQueue,
            workerType: "LocalActivityWorker"
        )
    }

    /// How a run ended, by the command that ended it; nil while it runs.
    enum Outcome: String {
        case completed = "temporal_workflow_completed"
        case failed = "temporal_workflow_failed"
        case canceled = "temporal_workflow_canceled"
        case continuedAsNew = "temporal_workflow_continue_as_new"

        init?(_ commands: [Temporal_Api_Command_V1_Command]) {
            for command in commands.reversed() {
                switch command.commandType {
                case .completeWorkflowExecution: self = .completed
                case .failWorkflowExecution: self = .failed
                case .cancelWorkflowExecution: self = .canceled
                case .continueAsNewWorkflowExecution: self = .continuedAsNew
                default: continue
                }
                return
            }
            return nil
        }
    }

    private func tags(_ workflowType: String) -> [(String, String)] {
        [("workflow_type", workflowType)]
    }

    /// A task starts (polled, or handed back with a completion): its schedule-to-start latency.
    func taskStarted(_ task: Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueResponse) {
        worker.record(
            "temporal_workflow_task_schedule_to_start_latency",
            Duration(from: task.scheduledTime, to: task.startedTime),
            tags(task.workflowType.name)
        )
    }

    func taskLatency(workflowType: String, since start: ContinuousClock.Instant) {
        worker.record("temporal_workflow_task_execution_latency", ContinuousClock.now - start, tags(workflowType))
    }

    /// A run rebuilt from its history: the time its past events took to apply.
    func replayLatency(workflowType: String, _ duration: Duration) {
        worker.record("temporal_workflow_task_replay_latency", duration, tags(workflowType))
    }

    func taskFailed(workflowType: String, nondeterministic: Bool) {
        let reason = nondeterministic ? "NonDeterminismError" : "WorkflowError"
        worker.increment("temporal_workflow_task_execution_failed", tags(workflowType) + [("failure_reason", reason)])
    }

    /// A run ended: its outcome's counter, and its schedule-to-close time when its start is known.
    func workflowFinished(workflowType: String, commands: [Temporal_Api_Command_V1_Command], startedAt: Date?) {
        guard let outcome = Outcome(commands) else { return }
        worker.increment(outcome.rawValue, tags(workflowType))
        if let startedAt {
            worker.record("temporal_workflow_endtoend_latency", .seconds(max(0, Date().timeIntervalSince(startedAt))), tags(workflowType))
        }
    }

    /// A poll of the task queue or of this worker's sticky queue ended, with a task or empty.
    func polled(gotTask: Bool) {
        worker.increment(gotTask ? "temporal_workflow_task_queue_poll_succeed" : "temporal_workflow_task_queue_poll_empty")
    }

    func stickyCacheHit() {
        worker.increment("temporal_sticky_cache_hit")
    }

    func stickyCacheMiss() {
        worker.increment("temporal_sticky_cache_miss")
    }

    /// Runs the full cache pushed out to make room for others.
    func stickyCacheEvicted(_ count: Int) {
        guard count > 0 else { return }
        Counter(label: "temporal_sticky_cache_total_forced_eviction", dimensions: worker.tags, factory: worker.factory)
            .increment(by: count)
    }

    func cacheSize(_ size: Int) {
        worker.gauge("temporal_sticky_cache_size", size)
    }
}
