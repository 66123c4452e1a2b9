import TemporalAPI

/// `CancelTimer` ↔ `TimerCanceled`, issued by a started timer's cancel transition; recording it
/// moves the timer to `canceled`.
final class CancelTimerMachine: CommandMachine {
    enum State: Equatable {
        case created
        case recorded
    }

    let command: Command
    let timer: TimerMachine
    private(set) var state = State.created
    private(set) var recordedEventID: Int64 = 0

    init(timer: TimerMachine) {
        self.timer = timer
        command = Command(.cancelTimer) { $0.cancelTimerCommandAttributes.timerID = timer.timerID }
    }

    func mismatch(with event: HistoryEvent) -> String? {
        guard case .timerCanceledEventAttributes(let attributes) = event.attributes else { return "it is \(event.summary)" }
        return attributes.timerID == timer.timerID ? nil : "it cancels timer \(attributes.timerID)"
    }

    func record(_ event: HistoryEvent) throws {
        guard state == .created else { throw invalidTransition("record", in: state) }
        state = .recorded
        recordedEventID = event.eventID
        try timer.cancelRecorded()
    }
}
