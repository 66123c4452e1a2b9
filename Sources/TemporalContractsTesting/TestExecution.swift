import Foundation
import TemporalAPI
import TemporalContracts
import TemporalContractsEngine

/// One workflow run inside the test environment: its history, its engine (kept between tasks,
/// as a worker's sticky cache would), and the callers waiting on it.
final class TestExecution {
    let workflowID: String
    let runID: String
    let workflowType: String
    let taskQueue: String
    let firstRunID: String
    var events: [Temporal_Api_History_V1_HistoryEvent] = []
    var status: WorkflowExecutionStatus = .running
    var closeTime: Date?
    var outcome: WorkflowOutcome?
    /// The run this one continued as, once it has.
    var continuedRunID: String?
    var engine: WorkflowEngine?
    /// How many events the engine has seen.
    var deliveredEvents = 0
    var workflowTaskScheduled = false
    /// Whether the scheduled task is only for updates.
    var speculativeTask = false
    var inWorkflowTask = false
    /// Events that arrived while a workflow task ran; written after its completion, as the
    /// server buffers them.
    var bufferedEvents: [(Temporal_Api_Enums_V1_EventType, (inout Temporal_Api_History_V1_HistoryEvent) -> Void)] = []
    var pendingUpdates: [WorkflowUpdateRequest] = []
    var updates: [String: UpdateState] = [:]
    var outcomeWaiters: [CheckedContinuation<Void, Never>] = []
    /// The parent's run and the event that initiated this child.
    var parent: (execution: TestExecution, initiatedEventID: Int64)?
    /// What happens to this run, started as a child, when its parent closes.
    var parentClosePolicy = Temporal_Api_Enums_V1_ParentClosePolicy.unspecified
    /// Running activity attempts by scheduled event ID, to cancel them.
    var activities: [Int64: ActivityAttempt] = [:]
    /// The error that stopped the workflow's tasks (nondeterminism, a bug in the workflow).
    var taskFailure: (any Error)?
    var cancelRequested = false
    var signalRequestIDs: Set<String> = []

    init(workflowID: String, runID: String, workflowType: String, taskQueue: String, firstRunID: String) {
        self.workflowID = workflowID
        self.runID = runID
        self.workflowType = workflowType
        self.taskQueue = taskQueue
        self.firstRunID = firstRunID
    }

    var isOpen: Bool { status == .running }

    /// An update's progress, for callers waiting on a stage.
    final class UpdateState {
        let name: String
        var accepted = false
        var outcome: UpdateOutcome?
        var waiters: [CheckedContinuation<Void, Never>] = []

        init(name: String) {
            self.name = name
        }
    }

    /// A running activity attempt.
    final class ActivityAttempt {
        let task: Task<Void, Never>
        let cancellation: CancellationFlag

        init(task: Task<Void, Never>, cancellation: CancellationFlag) {
            self.task = task
            self.cancellation = cancellation
        }
    }
}
