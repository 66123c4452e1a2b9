import TemporalAPI

/// `UpsertWorkflowSearchAttributes` ↔ `UpsertWorkflowSearchAttributes` event, matched by the
/// attributes it sets: names and values. The values are the workflow code's own (no codec
/// touches search attributes), so a replay that sets other ones has diverged, as sdk-core also
/// reports.
final class UpsertSearchAttributesMachine: CommandMachine {
    enum State: Equatable {
        case created
        case recorded
    }

    let command: Command
    private(set) var state = State.created
    private(set) var recordedEventID: Int64 = 0

    var summary: String {
        "UpsertWorkflowSearchAttributes \(Self.describe(command.upsertWorkflowSearchAttributesCommandAttributes.searchAttributes))"
    }

    init(command: Command) {
        self.command = command
    }

    func mismatch(with event: HistoryEvent) -> String? {
        if let difference = commandTypeMismatch(with: event) { return difference }
        let recorded = event.upsertWorkflowSearchAttributesEventAttributes.searchAttributes
        let issued = command.upsertWorkflowSearchAttributesCommandAttributes.searchAttributes
        guard recorded.indexedFields.mapValues(\.data) != issued.indexedFields.mapValues(\.data) else { return nil }
        return "it sets \(Self.describe(recorded))"
    }

    func record(_ event: HistoryEvent) throws {
        guard state == .created else { throw invalidTransition("record", in: state) }
        state = .recorded
        recordedEventID = event.eventID
    }

    /// The attribute names, sorted, as a report names them.
    static func describe(_ attributes: Temporal_Api_Common_V1_SearchAttributes) -> String {
        "[" + attributes.indexedFields.keys.sorted().joined(separator: ", ") + "]"
    }
}
