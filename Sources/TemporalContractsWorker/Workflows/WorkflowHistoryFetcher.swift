import Foundation
import TemporalAPI
import TemporalContractsConversion
import TemporalContracts
import TemporalContractsGRPC

/// Reads workflow histories from the server: the remaining pages of a workflow task's history,
/// or a whole history when a sticky task cannot continue the cached run.
struct WorkflowHistoryFetcher: Sendable {
    let connection: TemporalConnection
    let dataConverter: DataConverter

    /// Every event of the run, from the first page (`pageToken` empty) or from `pageToken`, up to
    /// and including `lastEventID` when given (later events belong to later tasks). Payloads
    /// come out decoded by the converter's codecs.
    func events(
        of execution: Temporal_Api_Common_V1_WorkflowExecution,
        from pageToken: Data = Data(),
        through lastEventID: Int64? = nil
    ) async throws -> [Temporal_Api_History_V1_HistoryEvent] {
        var request = Temporal_Api_Workflowservice_V1_GetWorkflowExecutionHistoryRequest()
        request.namespace = connection.options.namespace
        request.execution = execution
        request.nextPageToken = pageToken
        var events: [Temporal_Api_History_V1_HistoryEvent] = []
        repeat {
            let sent = request
            let response = try await connection.call("GetWorkflowExecutionHistory", retry: .idempotent) { service, metadata, options in
                try await service.getWorkflowExecutionHistory(sent, metadata: metadata, options: options)
            }
            var page = response.history.events
            try await dataConverter.decodePayloads(in: &page)
            events += page
            request.nextPageToken = response.nextPageToken
            if let lastEventID, let last = events.last?.eventID, last >= lastEventID { break }
        } while !request.nextPageToken.isEmpty
        if let lastEventID { events.removeAll { $0.eventID > lastEventID } }
        return events
    }
}
