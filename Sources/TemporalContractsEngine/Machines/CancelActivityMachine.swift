import TemporalAPI

/// `RequestCancelActivityTask` ↔ `ActivityTaskCancelRequested`, issued by an activity's cancel
/// transition; nothing waits for it (the activity's own events end the activity).
final class CancelActivityMachine: CommandMachine {
    enum State: Equatable {
        case created
        case recorded
    }

    let command: Command
    private(set) var state = State.created
    private(set) var recordedEventID: Int64 = 0

    init(scheduledEventID: Int64) {
        command = Command(.requestCancelActivityTask) { $0.requestCancelActivityTaskCommandAttributes.scheduledEventID = scheduledEventID }
    }

    func mismatch(with event: HistoryEvent) -> String? {
        guard case .activityTaskCancelRequestedEventAttributes(let attributes) = event.attributes else {
            return "it is \(event.summary)"
        }
        let expected = command.requestCancelActivityTaskCommandAttributes.scheduledEventID
        return attributes.scheduledEventID == expected ? nil : "it cancels the activity of event \(attributes.scheduledEventID)"
    }

    func record(_ event: HistoryEvent) throws {
        guard state == .created else { throw invalidTransition("record", in: state) }
        state = .recorded
        recordedEventID = event.eventID
    }
}
