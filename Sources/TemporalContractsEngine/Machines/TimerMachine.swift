import TemporalAPI

/// A durable timer: `StartTimer` ↔ `TimerStarted`, resolved by `TimerFired`; a cancel becomes
/// `CancelTimer` ↔ `TimerCanceled`.
final class TimerMachine: CommandMachine {
    let timerID: String
    /// True when it fired, false when cancelled.
    let fired = PendingResult<Bool>()

    override var isPending: Bool { !fired.isResolved }

    override init(command: Command) {
        timerID = command.startTimerCommandAttributes.timerID
        super.init(command: command)
    }

    override func mismatch(with event: HistoryEvent) -> String? {
        guard case .timerStartedEventAttributes(let attributes) = event.attributes else { return "it is \(event.summary)" }
        return attributes.timerID == timerID ? nil : "it starts timer \(attributes.timerID)"
    }

    override func abandon() {
        fired.resolve(.failure(CancellationError()))
    }

    override func handle(_ event: HistoryEvent, engine: WorkflowEngine) throws {
        if case .timerFiredEventAttributes = event.attributes {
            fired.resolve(.success(true))
        }
    }
}

/// `CancelTimer` ↔ `TimerCanceled`.
final class CancelTimerMachine: CommandMachine {
    override func mismatch(with event: HistoryEvent) -> String? {
        guard case .timerCanceledEventAttributes(let attributes) = event.attributes else { return "it is \(event.summary)" }
        let expected = command.cancelTimerCommandAttributes.timerID
        return attributes.timerID == expected ? nil : "it cancels timer \(attributes.timerID)"
    }
}
