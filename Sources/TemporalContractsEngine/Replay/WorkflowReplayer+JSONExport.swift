import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

extension WorkflowReplayer {
    /// Replays a history file exported by `temporal workflow show --output json` or the web UI,
    /// payloads decoded by the replayer's codecs.
    ///
    /// The export does not carry the workflow ID, which workflow code may read
    /// (`context.info.workflowID`, IDs derived from it): pass it.
    ///
    /// - Throws: `NondeterminismError` naming the event where the code and the history part;
    ///   `PayloadCodecError` naming the event and field a codec cannot decode.
    @discardableResult
    public func replayHistory(jsonFile url: URL, workflowID: String) async throws -> WorkflowEngine {
        try await replayHistory(json: try Data(contentsOf: url), workflowID: workflowID)
    }

    /// Replays a history in the JSON form `temporal workflow show --output json` writes, payloads
    /// decoded by the replayer's codecs.
    @discardableResult
    public func replayHistory(json: Data, workflowID: String) async throws -> WorkflowEngine {
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = true
        var history = try Temporal_Api_History_V1_History(jsonUTF8Data: json, options: options)
        try await dataConverter.decodePayloads(in: &history.events)
        return try replay(history, workflowID: workflowID)
    }
}
