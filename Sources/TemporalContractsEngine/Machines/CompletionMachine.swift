import TemporalAPI

/// The command that ends the run — complete, fail, cancel or continue as new — ↔ the event of
/// the same kind.
final class CompletionMachine: CommandMachine {
    enum State: Equatable {
        case created
        case recorded
    }

    let command: Command
    private(set) var state = State.created
    private(set) var recordedEventID: Int64 = 0

    init(command: Command) {
        self.command = command
    }

    func mismatch(with event: HistoryEvent) -> String? {
        commandTypeMismatch(with: event)
    }

    func record(_ event: HistoryEvent) throws {
        guard state == .created else { throw invalidTransition("record", in: state) }
        state = .recorded
        recordedEventID = event.eventID
    }
}
