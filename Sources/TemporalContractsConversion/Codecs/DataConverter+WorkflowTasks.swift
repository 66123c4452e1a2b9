import TemporalAPI
import TemporalContracts

/// The data converter's codecs over what a workflow worker exchanges with the server: decoded on the
/// way in (history events, update requests, query arguments), encoded on the way out (commands,
/// protocol messages, query answers, failures), as the Python SDK's payload visitor does around its
/// workflow activations. Search attributes and headers are left alone (see `PayloadTransform`).
///
/// Without codecs every call returns at once and leaves the message untouched: this runs on every
/// workflow task of a worker, and most workers have no codec.
extension DataConverter {
    private var decoding: PayloadTransform? {
        codecs.isEmpty ? nil : PayloadTransform(transform: decodeCodecs)
    }

    private var encoding: PayloadTransform? {
        codecs.isEmpty ? nil : PayloadTransform(transform: encodeCodecs)
    }

    // MARK: Server to worker

    /// Decodes the payloads of history events: a page of history, a history to replay.
    ///
    /// - Throws: `PayloadCodecError` naming the event and the field when a codec fails.
    public func decodePayloads(in events: inout [Temporal_Api_History_V1_HistoryEvent]) async throws {
        guard let decoding else { return }
        for index in events.indices { try await decoding.event(&events[index]) }
    }

    /// Decodes a workflow task: its history, the update requests of its messages, and the arguments
    /// of its legacy query and of its attached queries.
    ///
    /// - Throws: `PayloadCodecError` naming the event, message or query and the field when a codec fails.
    public func decodePayloads(in task: inout Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueResponse) async throws {
        guard let decoding else { return }
        try await withTakenOut(\.history.events, of: &task, leaving: []) { events in
            for index in events.indices { try await decoding.event(&events[index]) }
        }
        try await withTakenOut(\.messages, of: &task, leaving: []) { messages in
            for index in messages.indices { try await decoding.message(&messages[index]) }
        }
        if task.hasQuery { try await decoding.query(&task.query, at: "query") }
        try await withTakenOut(\.queries, of: &task, leaving: [:]) { queries in
            for id in queries.keys.sorted() {
                try await decoding.query(&queries[id, default: Temporal_Api_Query_V1_WorkflowQuery()], at: "query '\(id)'")
            }
        }
    }

    // MARK: Worker to server

    /// Encodes a workflow task completion: its commands, its protocol messages (update acceptances,
    /// rejections and responses) and its query answers.
    ///
    /// - Throws: `PayloadCodecError` naming the command, message or query and the field when a codec fails.
    public func encodePayloads(in completion: inout Temporal_Api_Workflowservice_V1_RespondWorkflowTaskCompletedRequest) async throws {
        guard let encoding else { return }
        try await withTakenOut(\.commands, of: &completion, leaving: []) { commands in
            for index in commands.indices { try await encoding.command(&commands[index], index: index) }
        }
        try await withTakenOut(\.messages, of: &completion, leaving: []) { messages in
            for index in messages.indices { try await encoding.message(&messages[index]) }
        }
        try await withTakenOut(\.queryResults, of: &completion, leaving: [:]) { results in
            for id in results.keys.sorted() {
                let location = "query result '\(id)'"
                try await encoding.queryResult(&results[id, default: Temporal_Api_Query_V1_WorkflowQueryResult()], at: location)
            }
        }
    }

    /// Encodes the failure of a workflow task, and the update rejections sent with it.
    ///
    /// - Throws: `PayloadCodecError` naming the field when a codec fails.
    public func encodePayloads(in request: inout Temporal_Api_Workflowservice_V1_RespondWorkflowTaskFailedRequest) async throws {
        guard let encoding else { return }
        if request.hasFailure { try await encoding.failure(&request.failure, at: "workflow task failure") }
        try await withTakenOut(\.messages, of: &request, leaving: []) { messages in
            for index in messages.indices { try await encoding.message(&messages[index]) }
        }
    }

    /// Encodes the answer to a legacy query task, or its failure.
    ///
    /// - Throws: `PayloadCodecError` naming the field when a codec fails.
    public func encodePayloads(in request: inout Temporal_Api_Workflowservice_V1_RespondQueryTaskCompletedRequest) async throws {
        guard let encoding else { return }
        if request.hasQueryResult { try await encoding.payloads(&request.queryResult, at: "query answer") }
        if request.hasFailure { try await encoding.failure(&request.failure, at: "query failure") }
    }
}

/// Lends a collection held by a message to `body`, leaving `empty` in the message meanwhile.
///
/// swift-protobuf's accessors are a getter and a setter over shared storage, so mutating
/// `task.history.events[i]` in place would copy the whole array for every element (quadratic in the
/// length of a history); taken out, the collection is uniquely referenced and mutated in place.
/// It is put back even when `body` throws.
private func withTakenOut<Root, Value>(
    _ path: WritableKeyPath<Root, Value>,
    of root: inout Root,
    leaving empty: Value,
    _ body: (inout Value) async throws -> Void
) async throws {
    var value = root[keyPath: path]
    root[keyPath: path] = empty
    defer { root[keyPath: path] = value }
    try await body(&value)
}
