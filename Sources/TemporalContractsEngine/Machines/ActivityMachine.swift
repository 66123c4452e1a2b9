import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

/// A scheduled activity: `ScheduleActivityTask` ↔ `ActivityTaskScheduled`, then started and
/// completed, failed, timed out, or canceled after a `RequestCancelActivityTask`.
final class ActivityMachine: CancellableMachine {
    enum State: Equatable {
        /// Issued; no event recorded it yet.
        case created
        /// `ActivityTaskScheduled` recorded it.
        case scheduled
        /// `ActivityTaskStarted` (the server writes it with the outcome of the last attempt).
        case started
        /// Cancelled, `RequestCancelActivityTask` issued; the activity's own end ends this too.
        case cancelRequested(started: Bool)
        case completed
        case failed
        case timedOut
        /// `ActivityTaskCanceled`, after the cancellation request.
        case canceled
        /// Cancelled in the task that issued it: the command was taken back, never sent.
        case canceledBeforeSent
        /// Cancelled with `.abandon`: the workflow stopped waiting without telling the server;
        /// the activity's later events change nothing.
        case abandoned
    }

    let command: Command
    let activityType: String
    let activityID: String
    let cancellationType: ActivityCancellationType
    let result = PendingResult<[Payload]>()
    private(set) var state = State.created
    private(set) var recordedEventID: Int64 = 0
    private var startedEventID: Int64 = 0
    private let failureConverter: any FailureConverter

    var isPending: Bool { !result.isResolved }

    init(command: Command, cancellationType: ActivityCancellationType, failureConverter: any FailureConverter) {
        let attributes = command.scheduleActivityTaskCommandAttributes
        self.command = command
        activityType = attributes.activityType.name
        activityID = attributes.activityID
        self.cancellationType = cancellationType
        self.failureConverter = failureConverter
    }

    func mismatch(with event: HistoryEvent) -> String? {
        guard case .activityTaskScheduledEventAttributes(let attributes) = event.attributes else {
            return "it is \(event.summary)"
        }
        if attributes.activityType.name != activityType || attributes.activityID != activityID {
            return "it schedules activity '\(attributes.activityType.name)' with ID \(attributes.activityID)"
        }
        return nil
    }

    func record(_ event: HistoryEvent) throws {
        guard state == .created else { throw invalidTransition("record", in: state) }
        state = .scheduled
        recordedEventID = event.eventID
    }

    func handle(_ event: HistoryEvent) throws {
        // Whatever happens after an abandon, the workflow no longer listens.
        if state == .abandoned { return }
        switch (event.attributes, state) {
        case (.activityTaskStartedEventAttributes, .scheduled):
            startedEventID = event.eventID
            state = .started
        case (.activityTaskStartedEventAttributes, .cancelRequested(started: false)):
            startedEventID = event.eventID
            state = .cancelRequested(started: true)
        case (.activityTaskCompletedEventAttributes(let attributes), .started),
            (.activityTaskCompletedEventAttributes(let attributes), .cancelRequested(started: true)):
            state = .completed
            result.resolve(.success([Payload](attributes.result)))
        case (.activityTaskFailedEventAttributes(let attributes), .started),
            (.activityTaskFailedEventAttributes(let attributes), .cancelRequested(started: true)):
            state = .failed
            result.resolve(
                .failure(error(cause: failureConverter.error(from: Failure(attributes.failure)), retryState: attributes.retryState))
            )
        case (.activityTaskTimedOutEventAttributes(let attributes), .scheduled),
            (.activityTaskTimedOutEventAttributes(let attributes), .started),
            (.activityTaskTimedOutEventAttributes(let attributes), .cancelRequested):
            state = .timedOut
            result.resolve(
                .failure(error(cause: failureConverter.error(from: Failure(attributes.failure)), retryState: attributes.retryState))
            )
        case (.activityTaskCanceledEventAttributes(let attributes), .cancelRequested):
            state = .canceled
            let cause = CanceledError("activity canceled", details: [Payload](attributes.details))
            result.resolve(.failure(error(cause: cause, retryState: .cancelRequested)))
        default:
            throw MachineError.unexpectedEvent(event, state: "\(state)")
        }
    }

    func cancel() -> CancelAction {
        let canceled = CanceledError("activity '\(activityType)' canceled")
        switch state {
        case .created:
            state = .canceledBeforeSent
            result.resolve(.failure(canceled))
            return .withdraw
        case .scheduled, .started:
            if cancellationType == .abandon {
                state = .abandoned
                result.resolve(.failure(canceled))
                return .none
            }
            state = .cancelRequested(started: state == .started)
            if cancellationType == .tryCancel { result.resolve(.failure(canceled)) }
            return .issue(CancelActivityMachine(scheduledEventID: recordedEventID))
        case .cancelRequested, .completed, .failed, .timedOut, .canceled, .canceledBeforeSent, .abandoned:
            return .none
        }
    }

    func tearDown() {
        result.resolve(.failure(CancellationError()))
    }

    private func error(cause: any TemporalFailureError, retryState: Temporal_Api_Enums_V1_RetryState) -> ActivityError {
        ActivityError(
            activityType: activityType,
            activityID: activityID,
            scheduledEventID: recordedEventID,
            startedEventID: startedEventID,
            retryState: RetryState(rawValue: retryState.rawValue) ?? .unspecified,
            cause: cause
        )
    }
}
