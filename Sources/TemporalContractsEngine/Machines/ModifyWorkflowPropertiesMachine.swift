import TemporalAPI

/// `ModifyWorkflowProperties` ↔ `WorkflowPropertiesModified`, matched by the memo keys it sets.
/// Only the keys: the values are payloads a codec may have rewritten in the history.
final class ModifyWorkflowPropertiesMachine: CommandMachine {
    enum State: Equatable {
        case created
        case recorded
    }

    let command: Command
    private(set) var state = State.created
    private(set) var recordedEventID: Int64 = 0

    var summary: String {
        "ModifyWorkflowProperties memo \(Self.describe(command.modifyWorkflowPropertiesCommandAttributes.upsertedMemo))"
    }

    init(command: Command) {
        self.command = command
    }

    func mismatch(with event: HistoryEvent) -> String? {
        if let difference = commandTypeMismatch(with: event) { return difference }
        let recorded = event.workflowPropertiesModifiedEventAttributes.upsertedMemo
        let issued = command.modifyWorkflowPropertiesCommandAttributes.upsertedMemo
        return Set(recorded.fields.keys) == Set(issued.fields.keys) ? nil : "it sets memo \(Self.describe(recorded))"
    }

    func record(_ event: HistoryEvent) throws {
        guard state == .created else { throw invalidTransition("record", in: state) }
        state = .recorded
        recordedEventID = event.eventID
    }

    /// The memo keys, sorted, as a report names them.
    static func describe(_ memo: Temporal_Api_Common_V1_Memo) -> String {
        "[" + memo.fields.keys.sorted().joined(separator: ", ") + "]"
    }
}
