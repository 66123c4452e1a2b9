import TemporalAPI

/// `RecordMarker` ↔ `MarkerRecorded`, for side effects, patches and local activity results,
/// matched by marker name and the marker's own key (side-effect sequence, patch ID, local
/// activity sequence).
final class MarkerMachine: CommandMachine {
    enum State: Equatable {
        case created
        case recorded
        /// A deprecated patch the history does not have (it was written before the patch):
        /// nothing to match.
        case skipped
    }

    let command: Command
    let marker: MarkerRecord
    private(set) var state = State.created
    private(set) var recordedEventID: Int64 = 0

    var summary: String { "RecordMarker \(marker.key)" }

    init(record: MarkerRecord) {
        marker = record
        command = record.command
    }

    func mismatch(with event: HistoryEvent) -> String? {
        guard let recorded = MarkerRecord(event) else { return "it is \(event.summary)" }
        return recorded.key == marker.key ? nil : "it records \(recorded.key)"
    }

    func record(_ event: HistoryEvent) throws {
        guard state == .created else { throw invalidTransition("record", in: state) }
        state = .recorded
        recordedEventID = event.eventID
    }

    /// created → skipped, for a deprecated patch only.
    func skip() throws {
        guard state == .created, marker.isDeprecatedPatch else { throw invalidTransition("skip", in: state) }
        state = .skipped
    }
}
