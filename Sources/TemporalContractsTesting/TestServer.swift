import Foundation
import Logging
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsConversion

/// The in-process stand-in for a Temporal server and its workers: it keeps each execution's
/// history with the event types and fields the real server writes, runs workflow tasks on the
/// engine and activities in-process, and moves a virtual clock.
actor TestServer {
    let namespace: String
    let workflows: [String: WorkflowRegistration]
    let activities: [String: ActivityRegistration]
    let dataConverter: DataConverter
    let maximumActivityAttempts: Int
    let logger: Logger
    /// The environment's worker interceptors, first one outermost.
    let workerInterceptors: [any WorkerInterceptor]
    var now: Date

    var runs: [String: TestExecution] = [:]
    var latestRuns: [String: TestExecution] = [:]
    /// Runs in start order, which is the order workflow tasks are picked in.
    var executions: [TestExecution] = []
    var timers: [PendingTimer] = []
    /// Schedules by ID, run on the virtual clock (`TestServer+Schedules.swift`).
    var schedules: [String: TestSchedule] = [:]
    /// Runs with a workflow task scheduled, in the order they were scheduled.
    var readyRuns: [TestExecution] = []
    var runningActivities = 0
    let activityExecutor = InlineActivityExecutor()
    /// Callers suspended until a result or an update stage; time skips only while someone waits.
    var waitingCallers = 0
    var isPumping = false
    var runCounter = 0

    struct PendingTimer {
        let fireAt: Date
        let execution: TestExecution
        let timerID: String
        let startedEventID: Int64
    }

    init(
        namespace: String,
        workflows: [WorkflowRegistration],
        activities: [ActivityRegistration],
        dataConverter: DataConverter,
        startTime: Date,
        maximumActivityAttempts: Int,
        logger: Logger,
        workerInterceptors: [any WorkerInterceptor] = []
    ) {
        self.namespace = namespace
        self.workflows = Dictionary(registrations: workflows, keepingFirst: false) { ($0.name, $0.aliases) }
        self.activities = Dictionary(registrations: activities, keepingFirst: false) { ($0.name, $0.aliases) }
        self.dataConverter = dataConverter
        self.now = startTime
        self.maximumActivityAttempts = maximumActivityAttempts
        self.logger = logger
        self.workerInterceptors = workerInterceptors
    }

    /// Runs workflow tasks until none is scheduled; then, if callers wait and nothing runs,
    /// jumps the clock to the next timer and goes on.
    func pump() async {
        guard !isPumping else { return }
        isPumping = true
        defer { isPumping = false }
        while true {
            if !readyRuns.isEmpty {
                let execution = readyRuns.removeFirst()
                if execution.workflowTaskScheduled && execution.isOpen && execution.taskFailure == nil {
                    await runWorkflowTask(execution)
                }
                continue
            }
            if runningActivities == 0, waitingCallers > 0, let next = timers.min(by: { $0.fireAt < $1.fireAt }) {
                advanceClock(to: next.fireAt)
                continue
            }
            return
        }
    }

    /// Moves the clock and fires the timers due by then, earliest first.
    func advanceClock(to date: Date) {
        now = max(now, date)
        let due = timers.enumerated().filter { $0.element.fireAt <= now }.sorted {
            ($0.element.fireAt, $0.offset) < ($1.element.fireAt, $1.offset)
        }
        timers.removeAll { $0.fireAt <= now }
        for (_, timer) in due where timer.execution.isOpen {
            appendOrBuffer(timer.execution, .timerFired) { event in
                event.timerFiredEventAttributes.timerID = timer.timerID
                event.timerFiredEventAttributes.startedEventID = timer.startedEventID
            }
        }
    }

    // MARK: History

    /// Appends an event to the history now and returns its ID.
    @discardableResult
    func append(
        _ execution: TestExecution,
        _ type: Temporal_Api_Enums_V1_EventType,
        _ fill: (inout Temporal_Api_History_V1_HistoryEvent) -> Void = { _ in }
    ) -> Int64 {
        var event = Temporal_Api_History_V1_HistoryEvent()
        event.eventID = Int64(execution.events.count + 1)
        event.eventTime = Google_Protobuf_Timestamp(date: now)
        event.eventType = type
        fill(&event)
        execution.events.append(event)
        return event.eventID
    }

    /// Appends an event that comes from outside the workflow's own task and schedules a
    /// workflow task for it; buffered while a task runs, as the server does.
    func appendOrBuffer(
        _ execution: TestExecution,
        _ type: Temporal_Api_Enums_V1_EventType,
        _ fill: @escaping (inout Temporal_Api_History_V1_HistoryEvent) -> Void
    ) {
        guard execution.isOpen else { return }
        if execution.inWorkflowTask {
            execution.bufferedEvents.append((type, fill))
        } else {
            append(execution, type, fill)
            scheduleWorkflowTask(execution)
        }
    }

    /// Schedules a workflow task unless one is; `speculative` when only updates call for it,
    /// as the server does (such a task leaves no trace if every update is rejected).
    func scheduleWorkflowTask(_ execution: TestExecution, speculative: Bool = false) {
        if !speculative { execution.speculativeTask = false }
        guard execution.isOpen, !execution.workflowTaskScheduled else { return }
        execution.speculativeTask = speculative
        execution.workflowTaskScheduled = true
        readyRuns.append(execution)
        append(execution, .workflowTaskScheduled) { event in
            event.workflowTaskScheduledEventAttributes.taskQueue.name = execution.taskQueue
            event.workflowTaskScheduledEventAttributes.startToCloseTimeout = Duration.seconds(10).protobufDuration
            event.workflowTaskScheduledEventAttributes.attempt = 1
        }
    }

    // MARK: Runs

    /// Starts a run: its start event, the events that arrive with it (signal-with-start), its
    /// first workflow task.
    @discardableResult
    func startRun(
        workflowID: String,
        workflowType: String,
        taskQueue: String,
        input: [Payload],
        firstRunID: String? = nil,
        continuedFrom: String? = nil,
        parent: (execution: TestExecution, initiatedEventID: Int64)? = nil,
        then fillStart: (inout Temporal_Api_History_V1_WorkflowExecutionStartedEventAttributes) -> Void = { _ in }
    ) -> TestExecution {
        runCounter += 1
        let runID = String(format: "00000000-0000-4000-8000-%012d", runCounter)
        let execution = TestExecution(
            workflowID: workflowID,
            runID: runID,
            workflowType: workflowType,
            taskQueue: taskQueue,
            firstRunID: firstRunID ?? runID
        )
        execution.parent = parent
        runs[runID] = execution
        latestRuns[workflowID] = execution
        executions.append(execution)
        append(execution, .workflowExecutionStarted) { event in
            var attributes = Temporal_Api_History_V1_WorkflowExecutionStartedEventAttributes()
            attributes.workflowType.name = workflowType
            attributes.taskQueue.name = taskQueue
            attributes.input = input.apiPayloads
            attributes.attempt = 1
            attributes.originalExecutionRunID = runID
            attributes.firstExecutionRunID = firstRunID ?? runID
            attributes.workflowTaskTimeout = Duration.seconds(10).protobufDuration
            attributes.identity = "swift-test-environment"
            if let continuedFrom { attributes.continuedExecutionRunID = continuedFrom }
            if let parent {
                attributes.parentWorkflowNamespace = namespace
                attributes.parentWorkflowExecution.workflowID = parent.execution.workflowID
                attributes.parentWorkflowExecution.runID = parent.execution.runID
                attributes.parentInitiatedEventID = parent.initiatedEventID
            }
            fillStart(&attributes)
            event.workflowExecutionStartedEventAttributes = attributes
        }
        return execution
    }

    /// Closes a run: wakes its callers, fails its unfinished updates, tells its parent.
    func close(_ execution: TestExecution, _ outcome: WorkflowOutcome, status: WorkflowExecutionStatus) {
        guard execution.isOpen else { return }
        execution.status = status
        execution.outcome = outcome
        execution.closeTime = now
        execution.workflowTaskScheduled = false
        timers.removeAll { $0.execution === execution }
        for attempt in execution.activities.values {
            attempt.cancellation.set()
            attempt.task.cancel()
        }
        execution.activities.removeAll()
        for (updateID, update) in execution.updates where update.outcome == nil {
            let failure = ApplicationError(
                "workflow '\(execution.workflowType)' closed before update '\(update.name)' (ID \(updateID)) completed",
                type: "AcceptedUpdateCompletedWorkflow",
                isNonRetryable: true
            )
            finishUpdate(update, .failure(dataConverter.failureConverter.failure(from: failure)))
        }
        if status != .running, execution.engine?.isFinished == false || status == .terminated {
            execution.engine?.tearDown()
        }
        wakeOutcomeWaiters(execution)
        if let (parent, initiatedEventID) = execution.parent.map({ ($0.execution, $0.initiatedEventID) }) {
            notifyParent(parent, initiatedEventID: initiatedEventID, child: execution, outcome: outcome)
        }
        applyParentClosePolicies(of: execution)
    }

    func wakeOutcomeWaiters(_ execution: TestExecution) {
        let waiters = execution.outcomeWaiters
        execution.outcomeWaiters.removeAll()
        waitingCallers -= waiters.count
        for waiter in waiters { waiter.resume() }
        for update in execution.updates.values { wakeUpdateWaiters(update) }
    }

    func finishUpdate(_ update: TestExecution.UpdateState, _ outcome: UpdateOutcome) {
        guard update.outcome == nil else { return }
        update.outcome = outcome
        wakeUpdateWaiters(update)
    }

    func wakeUpdateWaiters(_ update: TestExecution.UpdateState) {
        let waiters = update.waiters
        update.waiters.removeAll()
        waitingCallers -= waiters.count
        for waiter in waiters { waiter.resume() }
    }

    private func notifyParent(_ parent: TestExecution, initiatedEventID: Int64, child: TestExecution, outcome: WorkflowOutcome) {
        let childExecution = Temporal_Api_Common_V1_WorkflowExecution.with {
            $0.workflowID = child.workflowID
            $0.runID = child.runID
        }
        let workflowType = child.workflowType
        let namespace = namespace
        switch outcome {
        case .completed(let payloads):
            if child.continuedRunID != nil { return }
            appendOrBuffer(parent, .childWorkflowExecutionCompleted) { event in
                event.childWorkflowExecutionCompletedEventAttributes.initiatedEventID = initiatedEventID
                event.childWorkflowExecutionCompletedEventAttributes.workflowExecution = childExecution
                event.childWorkflowExecutionCompletedEventAttributes.workflowType.name = workflowType
                event.childWorkflowExecutionCompletedEventAttributes.namespace = namespace
                event.childWorkflowExecutionCompletedEventAttributes.result = payloads.apiPayloads
            }
        case .failed(let failure):
            appendOrBuffer(parent, .childWorkflowExecutionFailed) { event in
                event.childWorkflowExecutionFailedEventAttributes.initiatedEventID = initiatedEventID
                event.childWorkflowExecutionFailedEventAttributes.workflowExecution = childExecution
                event.childWorkflowExecutionFailedEventAttributes.workflowType.name = workflowType
                event.childWorkflowExecutionFailedEventAttributes.namespace = namespace
                event.childWorkflowExecutionFailedEventAttributes.failure = failure.apiFailure
                event.childWorkflowExecutionFailedEventAttributes.retryState = .nonRetryableFailure
            }
        case .canceled(let details):
            appendOrBuffer(parent, .childWorkflowExecutionCanceled) { event in
                event.childWorkflowExecutionCanceledEventAttributes.initiatedEventID = initiatedEventID
                event.childWorkflowExecutionCanceledEventAttributes.workflowExecution = childExecution
                event.childWorkflowExecutionCanceledEventAttributes.workflowType.name = workflowType
                event.childWorkflowExecutionCanceledEventAttributes.namespace = namespace
                event.childWorkflowExecutionCanceledEventAttributes.details = details.apiPayloads
            }
        case .terminated:
            appendOrBuffer(parent, .childWorkflowExecutionTerminated) { event in
                event.childWorkflowExecutionTerminatedEventAttributes.initiatedEventID = initiatedEventID
                event.childWorkflowExecutionTerminatedEventAttributes.workflowExecution = childExecution
                event.childWorkflowExecutionTerminatedEventAttributes.workflowType.name = workflowType
                event.childWorkflowExecutionTerminatedEventAttributes.namespace = namespace
            }
        case .timedOut:
            appendOrBuffer(parent, .childWorkflowExecutionTimedOut) { event in
                event.childWorkflowExecutionTimedOutEventAttributes.initiatedEventID = initiatedEventID
                event.childWorkflowExecutionTimedOutEventAttributes.workflowExecution = childExecution
                event.childWorkflowExecutionTimedOutEventAttributes.workflowType.name = workflowType
                event.childWorkflowExecutionTimedOutEventAttributes.namespace = namespace
            }
        }
    }

    /// The run a request names: the given run, or the latest run of the workflow ID.
    func execution(_ execution: WorkflowExecution) throws -> TestExecution {
        let found = execution.runID.flatMap { runs[$0] } ?? latestRuns[execution.workflowID]
        guard let found, found.workflowID == execution.workflowID else { throw WorkflowNotFoundError(execution: execution) }
        return found
    }

    /// Waits until `ready` holds. While the caller is suspended (and only then) the clock may
    /// skip ahead; `register` files the continuation where the change will resume it.
    func waitUntil(_ ready: () -> Bool, register: (CheckedContinuation<Void, Never>) -> Void) async {
        while !ready() {
            await pump()
            if ready() { return }
            await withCheckedContinuation { continuation in
                register(continuation)
                waitingCallers += 1
                Task { await self.pump() }
            }
        }
    }
}
