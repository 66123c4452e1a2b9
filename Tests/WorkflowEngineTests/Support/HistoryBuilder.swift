import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts

/// Builds a Temporal history event by event, with event IDs and the references between events
/// (an activity's scheduled event, a timer's started event, a child's initiated event), for
/// driving the engine and its machines from canned histories.
///
/// Workflow tasks are framed explicitly: `workflowTask()` writes `WorkflowTaskScheduled` and
/// `WorkflowTaskStarted` and marks the point where a driver hands the task to the engine;
/// `taskCompleted()` writes `WorkflowTaskCompleted`, after which the events of that task's
/// commands follow.
struct HistoryBuilder {
    typealias Event = Temporal_Api_History_V1_HistoryEvent

    private(set) var events: [Event] = []
    /// Event counts at each `workflowTask()`: where a worker would answer a task.
    private(set) var taskEnds: [Int] = []
    /// The time written on the next event.
    var time = Date(timeIntervalSince1970: 1_800_000_000)

    /// A history that starts `workflowType` with `input`.
    init(workflowType: String = "Scripted", input: [Payload] = [], runID: String = "run-1") {
        add(.workflowExecutionStarted) { event in
            var attributes = Temporal_Api_History_V1_WorkflowExecutionStartedEventAttributes()
            attributes.workflowType.name = workflowType
            attributes.taskQueue.name = "machines"
            attributes.input = Self.apiPayloads(input)
            attributes.originalExecutionRunID = runID
            attributes.firstExecutionRunID = runID
            attributes.attempt = 1
            event.workflowExecutionStartedEventAttributes = attributes
        }
    }

    var history: Temporal_Api_History_V1_History {
        var history = Temporal_Api_History_V1_History()
        history.events = events
        return history
    }

    var lastEventID: Int64 { events.last?.eventID ?? 0 }

    /// The event with ID `id`.
    subscript(id: Int64) -> Event { events[Int(id) - 1] }

    /// Appends an event and returns its ID.
    @discardableResult
    mutating func add(_ type: Temporal_Api_Enums_V1_EventType, _ fill: (inout Event) -> Void = { _ in }) -> Int64 {
        var event = Event()
        event.eventID = Int64(events.count + 1)
        event.eventType = type
        event.eventTime.seconds = Int64(time.timeIntervalSince1970)
        fill(&event)
        events.append(event)
        return event.eventID
    }

    /// Moves the clock of the events that follow.
    mutating func advance(seconds: Int) {
        time += TimeInterval(seconds)
    }

    // MARK: Workflow tasks

    /// `WorkflowTaskScheduled` and `WorkflowTaskStarted`: a task for the engine.
    mutating func workflowTask(eventsBeforeStart: (inout HistoryBuilder) -> Void = { _ in }) {
        add(.workflowTaskScheduled)
        let scheduled = lastEventID
        eventsBeforeStart(&self)
        add(.workflowTaskStarted) { $0.workflowTaskStartedEventAttributes.scheduledEventID = scheduled }
        taskEnds.append(events.count)
    }

    /// `WorkflowTaskCompleted` for the last task: the events of its commands follow.
    @discardableResult
    mutating func taskCompleted() -> Int64 {
        let started = lastEvent(.workflowTaskStarted)
        return add(.workflowTaskCompleted) { event in
            event.workflowTaskCompletedEventAttributes.scheduledEventID = started - 1
            event.workflowTaskCompletedEventAttributes.startedEventID = started
        }
    }

    /// `WorkflowTaskFailed` for the last task: it left no commands.
    mutating func taskFailed() {
        let started = lastEvent(.workflowTaskStarted)
        add(.workflowTaskFailed) { $0.workflowTaskFailedEventAttributes.startedEventID = started }
    }

    // MARK: Activities

    @discardableResult
    mutating func activityScheduled(_ type: String, id: String) -> Int64 {
        let completed = lastEvent(.workflowTaskCompleted)
        return add(.activityTaskScheduled) { event in
            event.activityTaskScheduledEventAttributes.activityType.name = type
            event.activityTaskScheduledEventAttributes.activityID = id
            event.activityTaskScheduledEventAttributes.workflowTaskCompletedEventID = completed
        }
    }

    @discardableResult
    mutating func activityStarted(_ scheduled: Int64) -> Int64 {
        add(.activityTaskStarted) { $0.activityTaskStartedEventAttributes.scheduledEventID = scheduled }
    }

    mutating func activityCompleted(_ scheduled: Int64, result: [Payload] = []) {
        let started = startedEvent(ofActivity: scheduled)
        add(.activityTaskCompleted) { event in
            event.activityTaskCompletedEventAttributes.scheduledEventID = scheduled
            event.activityTaskCompletedEventAttributes.startedEventID = started
            event.activityTaskCompletedEventAttributes.result = Self.apiPayloads(result)
        }
    }

    mutating func activityFailed(_ scheduled: Int64, message: String, type: String = "Boom") {
        let started = startedEvent(ofActivity: scheduled)
        add(.activityTaskFailed) { event in
            event.activityTaskFailedEventAttributes.scheduledEventID = scheduled
            event.activityTaskFailedEventAttributes.startedEventID = started
            event.activityTaskFailedEventAttributes.failure = Self.applicationFailure(message, type: type)
            event.activityTaskFailedEventAttributes.retryState = .maximumAttemptsReached
        }
    }

    mutating func activityTimedOut(_ scheduled: Int64) {
        add(.activityTaskTimedOut) { event in
            event.activityTaskTimedOutEventAttributes.scheduledEventID = scheduled
            event.activityTaskTimedOutEventAttributes.failure.message = "activity timeout"
            event.activityTaskTimedOutEventAttributes.failure.timeoutFailureInfo.timeoutType = .scheduleToClose
            event.activityTaskTimedOutEventAttributes.retryState = .timeout
        }
    }

    mutating func activityCancelRequested(_ scheduled: Int64) {
        let completed = lastEvent(.workflowTaskCompleted)
        add(.activityTaskCancelRequested) { event in
            event.activityTaskCancelRequestedEventAttributes.scheduledEventID = scheduled
            event.activityTaskCancelRequestedEventAttributes.workflowTaskCompletedEventID = completed
        }
    }

    mutating func activityCanceled(_ scheduled: Int64) {
        let started = startedEvent(ofActivity: scheduled)
        add(.activityTaskCanceled) { event in
            event.activityTaskCanceledEventAttributes.scheduledEventID = scheduled
            event.activityTaskCanceledEventAttributes.startedEventID = started
        }
    }

    // MARK: Timers

    @discardableResult
    mutating func timerStarted(_ id: String, seconds: Int64) -> Int64 {
        let completed = lastEvent(.workflowTaskCompleted)
        return add(.timerStarted) { event in
            event.timerStartedEventAttributes.timerID = id
            event.timerStartedEventAttributes.startToFireTimeout.seconds = seconds
            event.timerStartedEventAttributes.workflowTaskCompletedEventID = completed
        }
    }

    mutating func timerFired(_ id: String, started: Int64) {
        add(.timerFired) { event in
            event.timerFiredEventAttributes.timerID = id
            event.timerFiredEventAttributes.startedEventID = started
        }
    }

    mutating func timerCanceled(_ id: String, started: Int64) {
        let completed = lastEvent(.workflowTaskCompleted)
        add(.timerCanceled) { event in
            event.timerCanceledEventAttributes.timerID = id
            event.timerCanceledEventAttributes.startedEventID = started
            event.timerCanceledEventAttributes.workflowTaskCompletedEventID = completed
        }
    }

    // MARK: Child workflows

    @discardableResult
    mutating func childInitiated(_ type: String, workflowID: String) -> Int64 {
        let completed = lastEvent(.workflowTaskCompleted)
        return add(.startChildWorkflowExecutionInitiated) { event in
            event.startChildWorkflowExecutionInitiatedEventAttributes.namespace = "default"
            event.startChildWorkflowExecutionInitiatedEventAttributes.workflowType.name = type
            event.startChildWorkflowExecutionInitiatedEventAttributes.workflowID = workflowID
            event.startChildWorkflowExecutionInitiatedEventAttributes.workflowTaskCompletedEventID = completed
        }
    }

    mutating func childStarted(_ initiated: Int64, runID: String = "child-run") {
        let execution = childExecution(initiated, runID: runID)
        add(.childWorkflowExecutionStarted) { event in
            event.childWorkflowExecutionStartedEventAttributes.initiatedEventID = initiated
            event.childWorkflowExecutionStartedEventAttributes.workflowExecution = execution
        }
    }

    mutating func childStartFailed(_ initiated: Int64) {
        let execution = childExecution(initiated, runID: "")
        add(.startChildWorkflowExecutionFailed) { event in
            event.startChildWorkflowExecutionFailedEventAttributes.initiatedEventID = initiated
            event.startChildWorkflowExecutionFailedEventAttributes.workflowID = execution.workflowID
            event.startChildWorkflowExecutionFailedEventAttributes.cause = .workflowAlreadyExists
        }
    }

    mutating func childCompleted(_ initiated: Int64, result: [Payload] = []) {
        let started = lastEvent(.childWorkflowExecutionStarted)
        add(.childWorkflowExecutionCompleted) { event in
            event.childWorkflowExecutionCompletedEventAttributes.initiatedEventID = initiated
            event.childWorkflowExecutionCompletedEventAttributes.startedEventID = started
            event.childWorkflowExecutionCompletedEventAttributes.result = Self.apiPayloads(result)
        }
    }

    mutating func childFailed(_ initiated: Int64, message: String) {
        add(.childWorkflowExecutionFailed) { event in
            event.childWorkflowExecutionFailedEventAttributes.initiatedEventID = initiated
            event.childWorkflowExecutionFailedEventAttributes.failure = Self.applicationFailure(message, type: "ChildBoom")
            event.childWorkflowExecutionFailedEventAttributes.retryState = .nonRetryableFailure
        }
    }

    mutating func childCanceled(_ initiated: Int64) {
        add(.childWorkflowExecutionCanceled) { $0.childWorkflowExecutionCanceledEventAttributes.initiatedEventID = initiated }
    }

    mutating func childTimedOut(_ initiated: Int64) {
        add(.childWorkflowExecutionTimedOut) { $0.childWorkflowExecutionTimedOutEventAttributes.initiatedEventID = initiated }
    }

    mutating func childTerminated(_ initiated: Int64) {
        add(.childWorkflowExecutionTerminated) { $0.childWorkflowExecutionTerminatedEventAttributes.initiatedEventID = initiated }
    }

    // MARK: External workflows

    @discardableResult
    mutating func signalExternalInitiated(_ signal: String, workflowID: String) -> Int64 {
        let completed = lastEvent(.workflowTaskCompleted)
        return add(.signalExternalWorkflowExecutionInitiated) { event in
            event.signalExternalWorkflowExecutionInitiatedEventAttributes.signalName = signal
            event.signalExternalWorkflowExecutionInitiatedEventAttributes.workflowExecution.workflowID = workflowID
            event.signalExternalWorkflowExecutionInitiatedEventAttributes.workflowTaskCompletedEventID = completed
        }
    }

    mutating func externalSignaled(_ initiated: Int64) {
        add(.externalWorkflowExecutionSignaled) { $0.externalWorkflowExecutionSignaledEventAttributes.initiatedEventID = initiated }
    }

    mutating func signalExternalFailed(_ initiated: Int64, workflowID: String) {
        add(.signalExternalWorkflowExecutionFailed) { event in
            event.signalExternalWorkflowExecutionFailedEventAttributes.initiatedEventID = initiated
            event.signalExternalWorkflowExecutionFailedEventAttributes.workflowExecution.workflowID = workflowID
            event.signalExternalWorkflowExecutionFailedEventAttributes.cause = .externalWorkflowExecutionNotFound
        }
    }

    @discardableResult
    mutating func cancelExternalInitiated(workflowID: String, childOnly: Bool = false) -> Int64 {
        let completed = lastEvent(.workflowTaskCompleted)
        return add(.requestCancelExternalWorkflowExecutionInitiated) { event in
            event.requestCancelExternalWorkflowExecutionInitiatedEventAttributes.workflowExecution.workflowID = workflowID
            event.requestCancelExternalWorkflowExecutionInitiatedEventAttributes.childWorkflowOnly = childOnly
            event.requestCancelExternalWorkflowExecutionInitiatedEventAttributes.workflowTaskCompletedEventID = completed
        }
    }

    mutating func externalCancelRequested(_ initiated: Int64) {
        add(.externalWorkflowExecutionCancelRequested) {
            $0.externalWorkflowExecutionCancelRequestedEventAttributes.initiatedEventID = initiated
        }
    }

    mutating func cancelExternalFailed(_ initiated: Int64, workflowID: String) {
        add(.requestCancelExternalWorkflowExecutionFailed) { event in
            event.requestCancelExternalWorkflowExecutionFailedEventAttributes.initiatedEventID = initiated
            event.requestCancelExternalWorkflowExecutionFailedEventAttributes.workflowExecution.workflowID = workflowID
            event.requestCancelExternalWorkflowExecutionFailedEventAttributes.cause = .externalWorkflowExecutionNotFound
        }
    }

    // MARK: Markers

    mutating func sideEffectMarker(sequence: Int, result: [Payload]) {
        marker("SideEffect", details: ["data": [Self.json(["seq": sequence])], "result": result])
    }

    mutating func patchMarker(_ id: String, deprecated: Bool = false) {
        marker("core_patch", details: ["patch_data": [Self.json(["id": id, "deprecated": deprecated])]])
    }

    mutating func localActivityMarker(sequence: Int, activityType: String, result: [Payload]) {
        marker("core_local_activity", details: ["data": [Self.json(["seq": sequence, "activity_type": activityType])], "result": result])
    }

    mutating func marker(_ name: String, details: [String: [Payload]]) {
        let completed = lastEvent(.workflowTaskCompleted)
        add(.markerRecorded) { event in
            event.markerRecordedEventAttributes.markerName = name
            event.markerRecordedEventAttributes.details = details.mapValues(Self.apiPayloads)
            event.markerRecordedEventAttributes.workflowTaskCompletedEventID = completed
        }
    }

    // MARK: Signals, updates, cancellation

    mutating func signaled(_ name: String, input: [Payload] = []) {
        add(.workflowExecutionSignaled) { event in
            event.workflowExecutionSignaledEventAttributes.signalName = name
            event.workflowExecutionSignaledEventAttributes.input = Self.apiPayloads(input)
        }
    }

    mutating func cancelRequested() {
        add(.workflowExecutionCancelRequested) { $0.workflowExecutionCancelRequestedEventAttributes.cause = "test" }
    }

    /// `WorkflowExecutionUpdateAccepted` for `request` (see `updateRequest`).
    mutating func updateAccepted(_ request: Temporal_Api_Update_V1_Request, messageID: String) {
        add(.workflowExecutionUpdateAccepted) { event in
            event.workflowExecutionUpdateAcceptedEventAttributes.protocolInstanceID = request.meta.updateID
            event.workflowExecutionUpdateAcceptedEventAttributes.acceptedRequestMessageID = messageID
            event.workflowExecutionUpdateAcceptedEventAttributes.acceptedRequest = request
        }
    }

    mutating func updateCompleted(_ updateID: String, result: [Payload]) {
        let accepted = lastEvent(.workflowExecutionUpdateAccepted)
        add(.workflowExecutionUpdateCompleted) { event in
            event.workflowExecutionUpdateCompletedEventAttributes.meta.updateID = updateID
            event.workflowExecutionUpdateCompletedEventAttributes.acceptedEventID = accepted
            event.workflowExecutionUpdateCompletedEventAttributes.outcome.success = Self.apiPayloads(result)
        }
    }

    // MARK: The end of the run

    mutating func workflowCompleted(result: [Payload] = []) {
        let completed = lastEvent(.workflowTaskCompleted)
        add(.workflowExecutionCompleted) { event in
            event.workflowExecutionCompletedEventAttributes.result = Self.apiPayloads(result)
            event.workflowExecutionCompletedEventAttributes.workflowTaskCompletedEventID = completed
        }
    }

    mutating func workflowFailed(message: String) {
        let completed = lastEvent(.workflowTaskCompleted)
        add(.workflowExecutionFailed) { event in
            event.workflowExecutionFailedEventAttributes.failure = Self.applicationFailure(message, type: "Boom")
            event.workflowExecutionFailedEventAttributes.workflowTaskCompletedEventID = completed
        }
    }

    mutating func workflowCanceled() {
        let completed = lastEvent(.workflowTaskCompleted)
        add(.workflowExecutionCanceled) { $0.workflowExecutionCanceledEventAttributes.workflowTaskCompletedEventID = completed }
    }

    mutating func workflowContinuedAsNew(workflowType: String = "Scripted") {
        let completed = lastEvent(.workflowTaskCompleted)
        add(.workflowExecutionContinuedAsNew) { event in
            event.workflowExecutionContinuedAsNewEventAttributes.workflowType.name = workflowType
            event.workflowExecutionContinuedAsNewEventAttributes.workflowTaskCompletedEventID = completed
        }
    }

    // MARK: Values

    /// One JSON payload per value, as the default converter writes it.
    static func payloads<each Value>(_ values: repeat each Value) -> [Payload] {
        var payloads: [Payload] = []
        for value in repeat each values {
            payloads.append(try! DefaultPayloadConverter().toPayload(value))
        }
        return payloads
    }

    /// An update request as the server delivers it: the update's ID, name and arguments.
    static func updateRequest(id: String, name: String, input: [Payload]) -> Temporal_Api_Update_V1_Request {
        var request = Temporal_Api_Update_V1_Request()
        request.meta.updateID = id
        request.input.name = name
        request.input.args = apiPayloads(input)
        return request
    }

    static func apiPayloads(_ payloads: [Payload]) -> Temporal_Api_Common_V1_Payloads {
        var api = Temporal_Api_Common_V1_Payloads()
        api.payloads = payloads.map { payload in
            var converted = Temporal_Api_Common_V1_Payload()
            converted.metadata = payload.metadata
            converted.data = payload.data
            return converted
        }
        return api
    }

    static func applicationFailure(_ message: String, type: String) -> Temporal_Api_Failure_V1_Failure {
        var failure = Temporal_Api_Failure_V1_Failure()
        failure.message = message
        failure.applicationFailureInfo.type = type
        failure.applicationFailureInfo.nonRetryable = true
        return failure
    }

    private static func json(_ object: [String: Any]) -> Payload {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return Payload(metadata: [Payload.encodingKey: Data(PayloadEncoding.json.utf8)], data: data)
    }

    private func lastEvent(_ type: Temporal_Api_Enums_V1_EventType) -> Int64 {
        events.last { $0.eventType == type }?.eventID ?? 0
    }

    private func startedEvent(ofActivity scheduled: Int64) -> Int64 {
        events.last { $0.eventType == .activityTaskStarted && $0.activityTaskStartedEventAttributes.scheduledEventID == scheduled }?
            .eventID ?? 0
    }

    private func childExecution(_ initiated: Int64, runID: String) -> Temporal_Api_Common_V1_WorkflowExecution {
        var execution = Temporal_Api_Common_V1_WorkflowExecution()
        execution.workflowID = events[Int(initiated) - 1].startChildWorkflowExecutionInitiatedEventAttributes.workflowID
        execution.runID = runID
        return execution
    }
}
