import TemporalAPI

/// A durable timer: `StartTimer` ↔ `TimerStarted`, resolved by `TimerFired`; a cancel once
/// started becomes `CancelTimer` ↔ `TimerCanceled`.
final class TimerMachine: CancellableMachine {
    enum State: Equatable {
        /// Issued; no event recorded it yet.
        case created
        /// `TimerStarted` recorded it.
        case started
        case fired
        /// Cancelled once started: `CancelTimer` issued, the wait ended at once.
        case cancelRequested
        /// `TimerCanceled` recorded the cancellation.
        case canceled
        /// Cancelled in the task that issued it: the command was taken back, never sent.
        case canceledBeforeSent
    }

    let command: Command
    let timerID: String
    /// True when it fired, false when cancelled.
    let fired = PendingResult<Bool>()
    private(set) var state = State.created
    private(set) var recordedEventID: Int64 = 0

    var isPending: Bool { !fired.isResolved }

    init(command: Command) {
        self.command = command
        timerID = command.startTimerCommandAttributes.timerID
    }

    func mismatch(with event: HistoryEvent) -> String? {
        guard case .timerStartedEventAttributes(let attributes) = event.attributes else { return "it is \(event.summary)" }
        return attributes.timerID == timerID ? nil : "it starts timer \(attributes.timerID)"
    }

    func record(_ event: HistoryEvent) throws {
        guard state == .created else { throw invalidTransition("record", in: state) }
        state = .started
        recordedEventID = event.eventID
    }

    func handle(_ event: HistoryEvent) throws {
        switch (event.attributes, state) {
        case (.timerFiredEventAttributes, .started):
            state = .fired
            fired.resolve(.success(true))
        case (.timerFiredEventAttributes, .cancelRequested), (.timerFiredEventAttributes, .canceled):
            // A fire written while the cancelling task ran (the test server keeps it): the wait
            // already ended, as it would have.
            break
        default:
            throw MachineError.unexpectedEvent(event, state: "\(state)")
        }
    }

    func cancel() -> CancelAction {
        switch state {
        case .created:
            state = .canceledBeforeSent
            fired.resolve(.success(false))
            return .withdraw
        case .started:
            state = .cancelRequested
            fired.resolve(.success(false))
            return .issue(CancelTimerMachine(timer: self))
        case .fired, .cancelRequested, .canceled, .canceledBeforeSent:
            return .none
        }
    }

    /// cancelRequested → canceled: `TimerCanceled` recorded the cancellation.
    func cancelRecorded() throws {
        guard state == .cancelRequested else { throw invalidTransition("cancel recorded", in: state) }
        state = .canceled
    }

    func tearDown() {
        fired.resolve(.failure(CancellationError()))
    }
}
