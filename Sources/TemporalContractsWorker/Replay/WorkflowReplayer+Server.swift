import TemporalAPI
import TemporalContractsConversion
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsGRPC

extension WorkflowReplayer {
    /// Replays a run's history as the server has it, payloads decoded by the replayer's codecs:
    /// the check to run in CI against recent executions before deploying changed workflow code.
    ///
    /// - Parameters:
    ///   - workflowID: the workflow whose run to replay.
    ///   - runID: the run to replay; empty for the latest run of `workflowID`.
    ///   - connection: the connection to the server that has the history.
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
}
