import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsGRPC

extension WorkflowReplayer {
    /// Replays a run's history as the server has it, payloads decoded by the replayer's codecs:
    /// the check to run in CI against recent executions before deploying changed workflow code.
    ///
    /// - Parameter runID: the run to replay; empty for the latest run of `workflowID`.
    /// - Throws: `NondeterminismError` naming the event where the code and the history part.
    @discardableResult
    public func replayHistory(workflowID: String, runID: String = "", connection: TemporalConnection) async throws -> WorkflowEngine {
        var execution = Temporal_Api_Common_V1_WorkflowExecution()
        execution.workflowID = workflowID
        execution.runID = runID
        let events = try await WorkflowHistoryFetcher(connection: connection, dataConverter: dataConverter).events(of: execution)
        var history = Temporal_Api_History_V1_History()
        history.events = events
        return try replay(history, workflowID: workflowID)
    }

    /// Replays a history file exported by `temporal workflow show --output json` or the web UI,
    /// payloads decoded by the replayer's codecs. The export does not carry the workflow ID,
    /// which workflow code may read (`context.info.workflowID`, IDs derived from it): pass it.
    @discardableResult
    public func replayHistory(jsonFile url: URL, workflowID: String) async throws -> WorkflowEngine {
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = true
        var history = try Temporal_Api_History_V1_History(jsonUTF8Data: try Data(contentsOf: url), options: options)
        try await dataConverter.decodePayloads(in: &history.events)
        return try replay(history, workflowID: workflowID)
    }
}
