import TemporalAPI
import TemporalContracts

extension DataConverter {
    func decodePayloads(in events: inout [Temporal_Api_History_V1_HistoryEvent]) async throws {}
    func decodePayloads(in response: inout Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueResponse) async throws {}
    func encodePayloads(in request: inout Temporal_Api_Workflowservice_V1_RespondWorkflowTaskCompletedRequest) async throws {}
    func encodePayloads(in request: inout Temporal_Api_Workflowservice_V1_RespondQueryTaskCompletedRequest) async throws {}
    func encodePayloads(in request: inout Temporal_Api_Workflowservice_V1_RespondWorkflowTaskFailedRequest) async throws {}
}
