import Foundation
import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

/// What a marker records, read from a `MarkerRecorded` event or written into a `RecordMarker`
/// command. Patch markers use sdk-core's name and `patch_data` shape; side effects and local
/// activities carry their sequence number so a replay finds them by the workflow's call order.
struct MarkerRecord {
    enum Kind: Equatable {
        case sideEffect(sequence: Int)
        case patch(id: String, deprecated: Bool)
        case localActivity(sequence: Int, activityType: String)
    }

    static let sideEffectName = "SideEffect"
    static let patchName = "core_patch"
    static let localActivityName = "core_local_activity"

    var kind: Kind
    /// The recorded value: the side effect's or local activity's result.
    var result: [Payload] = []
    /// A local activity's failure.
    var failure: Temporal_Api_Failure_V1_Failure?

    /// A patch marker of `deprecatePatch`: code may drop it and old histories may lack it.
    var isDeprecatedPatch: Bool {
        if case .patch(_, true) = kind { return true }
        return false
    }

    /// Identifies the marker among those of one execution.
    var key: String {
        switch kind {
        case .sideEffect(let sequence): "side effect #\(sequence)"
        case .patch(let id, _): "patch '\(id)'"
        case .localActivity(let sequence, let activityType): "local activity #\(sequence) '\(activityType)'"
        }
    }

    init(kind: Kind, result: [Payload] = [], failure: Temporal_Api_Failure_V1_Failure? = nil) {
        self.kind = kind
        self.result = result
        self.failure = failure
    }

    init?(_ event: HistoryEvent) {
        guard case .markerRecordedEventAttributes(let attributes) = event.attributes else { return nil }
        let details = attributes.details.mapValues { [Payload]($0) }
        let data = details["data"]?.first.flatMap { try? JSONSerialization.jsonObject(with: $0.data) as? [String: Any] } ?? [:]
        switch attributes.markerName {
        case Self.sideEffectName:
            guard let sequence = data["seq"] as? Int else { return nil }
            kind = .sideEffect(sequence: sequence)
            result = details["result"] ?? []
        case Self.patchName:
            let patch = details["patch_data"]?.first.flatMap { try? JSONSerialization.jsonObject(with: $0.data) as? [String: Any] } ?? [:]
            guard let id = patch["id"] as? String else { return nil }
            kind = .patch(id: id, deprecated: patch["deprecated"] as? Bool ?? false)
        case Self.localActivityName:
            guard let sequence = data["seq"] as? Int else { return nil }
            kind = .localActivity(sequence: sequence, activityType: data["activity_type"] as? String ?? "")
            result = details["result"] ?? []
            if attributes.hasFailure { failure = attributes.failure }
        default:
            return nil
        }
    }

    var command: Command {
        Command(.recordMarker) { command in
            var attributes = Temporal_Api_Command_V1_RecordMarkerCommandAttributes()
            switch kind {
            case .sideEffect(let sequence):
                attributes.markerName = Self.sideEffectName
                attributes.details["data"] = Self.json(["seq": sequence])
                attributes.details["result"] = result.apiPayloads
            case .patch(let id, let deprecated):
                attributes.markerName = Self.patchName
                attributes.details["patch_data"] = Self.json(["id": id, "deprecated": deprecated])
            case .localActivity(let sequence, let activityType):
                attributes.markerName = Self.localActivityName
                attributes.details["data"] = Self.json(["seq": sequence, "activity_type": activityType])
                if !result.isEmpty { attributes.details["result"] = result.apiPayloads }
                if let failure { attributes.failure = failure }
            }
            command.recordMarkerCommandAttributes = attributes
        }
    }

    private static func json(_ object: [String: Any]) -> Temporal_Api_Common_V1_Payloads {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return [Payload(metadata: ["encoding": Data("json/plain".utf8)], data: data)].apiPayloads
    }
}
