import TemporalAPI

/// `RecordMarker` ↔ `MarkerRecorded`, for side effects, patches and local activity results,
/// matched by marker name and the marker's own key (side-effect sequence, patch ID, local
/// activity sequence).
final class MarkerMachine: CommandMachine {
    let record: MarkerRecord

    init(record: MarkerRecord) {
        self.record = record
        super.init(command: record.command)
    }

    override func mismatch(with event: HistoryEvent) -> String? {
        guard let recorded = MarkerRecord(event) else { return "it is \(event.summary)" }
        return recorded.key == record.key ? nil : "it records \(recorded.key)"
    }

    override var summary: String { "RecordMarker \(record.key)" }
}

/// An update's protocol message command: acceptance ↔ `WorkflowExecutionUpdateAccepted`,
/// completion ↔ `WorkflowExecutionUpdateCompleted`.
final class UpdateMessageMachine: CommandMachine {
    let updateID: String
    let isCompletion: Bool

    init(message: Temporal_Api_Protocol_V1_Message, updateID: String, isCompletion: Bool) {
        self.updateID = updateID
        self.isCompletion = isCompletion
        super.init(command: Command(.protocolMessage) { $0.protocolMessageCommandAttributes.messageID = message.id })
        self.message = message
    }

    override var summary: String { "\(isCompletion ? "completion" : "acceptance") of update \(updateID)" }

    override func mismatch(with event: HistoryEvent) -> String? {
        switch event.attributes {
        case .workflowExecutionUpdateAcceptedEventAttributes(let attributes) where !isCompletion:
            return attributes.protocolInstanceID == updateID ? nil : "it accepts update \(attributes.protocolInstanceID)"
        case .workflowExecutionUpdateCompletedEventAttributes(let attributes) where isCompletion:
            return attributes.meta.updateID == updateID ? nil : "it completes update \(attributes.meta.updateID)"
        default:
            return "it is \(event.summary)"
        }
    }
}
