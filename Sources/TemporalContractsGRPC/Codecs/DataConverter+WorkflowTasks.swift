import TemporalAPI
import TemporalContracts

/// The data converter's codecs over what a workflow worker exchanges with the server: decoded
/// on the way in (history events, update requests, query arguments), encoded on the way out
/// (commands, protocol messages, query answers, failures). Without codecs each call returns at
/// once, leaving the messages untouched.
extension DataConverter {
    private var decoding: PayloadTransform? {
        codecs.isEmpty ? nil : PayloadTransform(transform: decodeCodecs)
    }

    private var encoding: PayloadTransform? {
        codecs.isEmpty ? nil : PayloadTransform(transform: encodeCodecs)
    }

    /// Decodes the payloads of history events (a page of history, a replayed file).
    public func decodePayloads(in events: inout [Temporal_Api_History_V1_HistoryEvent]) async throws {
        guard let decoding else { return }
        for index in events.indices { try await decoding.event(&events[index]) }
    }

    /// Decodes a workflow task: its history, its update requests and its queries' arguments.
    public func decodePayloads(in task: inout Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueResponse) async throws {
        guard let decoding else { return }
        for index in task.history.events.indices { try await decoding.event(&task.history.events[index]) }
        for index in task.messages.indices {
            let location = "message \(task.messages[index].id)"
            try await decoding.message(&task.messages[index], at: location)
        }
        if task.hasQuery {
            let location = "query '\(task.query.queryType)' arguments"
            if task.query.hasQueryArgs { try await decoding.payloads(&task.query.queryArgs, at: location) }
        }
        for id in task.queries.keys.sorted() {
            guard var query = task.queries[id] else { continue }
            let location = "query '\(query.queryType)' arguments"
            if query.hasQueryArgs { try await decoding.payloads(&query.queryArgs, at: location) }
            task.queries[id] = query
        }
    }

    /// Encodes a workflow task completion: commands, protocol messages and query answers.
    public func encodePayloads(in completion: inout Temporal_Api_Workflowservice_V1_RespondWorkflowTaskCompletedRequest) async throws {
        guard let encoding else { return }
        for index in completion.commands.indices { try await encoding.command(&completion.commands[index], index: index) }
        for index in completion.messages.indices {
            let location = "message \(completion.messages[index].id)"
            try await encoding.message(&completion.messages[index], at: location)
        }
        for id in completion.queryResults.keys.sorted() {
            guard var result = completion.queryResults[id] else { continue }
            try await encoding.queryResult(&result, at: "query \(id)")
            completion.queryResults[id] = result
        }
    }

    /// Encodes the failure of a workflow task.
    public func encodePayloads(in request: inout Temporal_Api_Workflowservice_V1_RespondWorkflowTaskFailedRequest) async throws {
        guard let encoding, request.hasFailure else { return }
        try await encoding.failure(&request.failure, at: "workflow task failure")
    }

    /// Encodes the answer to a legacy query task.
    public func encodePayloads(in request: inout Temporal_Api_Workflowservice_V1_RespondQueryTaskCompletedRequest) async throws {
        guard let encoding else { return }
        if request.hasQueryResult { try await encoding.payloads(&request.queryResult, at: "query answer") }
        if request.hasFailure { try await encoding.failure(&request.failure, at: "query failure") }
    }
}
