import TemporalAPI

/// An update's protocol message command: acceptance ↔ `WorkflowExecutionUpdateAccepted`,
/// completion ↔ `WorkflowExecutionUpdateCompleted`.
final class UpdateMessageMachine: CommandMachine {
    enum State: Equatable {
        case created
        case recorded
    }

    let command: Command
    let message: Temporal_Api_Protocol_V1_Message?
    let updateID: String
    let isCompletion: Bool
    private(set) var state = State.created
    private(set) var recordedEventID: Int64 = 0

    var summary: String { "\(isCompletion ? "completion" : "acceptance") of update \(updateID)" }

    init(message: Temporal_Api_Protocol_V1_Message, updateID: String, isCompletion: Bool) {
        command = Command(.protocolMessage) { $0.protocolMessageCommandAttributes.messageID = message.id }
        self.message = message
        self.updateID = updateID
        self.isCompletion = isCompletion
    }

    func mismatch(with event: HistoryEvent) -> String? {
        switch event.attributes {
        case .workflowExecutionUpdateAcceptedEventAttributes(let attributes) where !isCompletion:
            return attributes.protocolInstanceID == updateID ? nil : "it accepts update \(attributes.protocolInstanceID)"
        case .workflowExecutionUpdateCompletedEventAttributes(let attributes) where isCompletion:
            return attributes.meta.updateID == updateID ? nil : "it completes update \(attributes.meta.updateID)"
        default:
            return "it is \(event.summary)"
        }
    }

    func record(_ event: HistoryEvent) throws {
        guard state == .created else { throw invalidTransition("record", in: state) }
        state = .recorded
        recordedEventID = event.eventID
    }
}
