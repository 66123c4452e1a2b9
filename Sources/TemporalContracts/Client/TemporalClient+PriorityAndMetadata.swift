extension TemporalClient {
    /// The start's priority and static summary and details: the call's, else the contract's.
    /// An invalid priority throws before anything is sent.
    func applyPriorityAndMetadata(
        to request: inout StartWorkflowRequest,
        defaults: WorkflowDefaults,
        options: WorkflowStartOptions
    ) async throws {
        if let priority = options.priority ?? defaults.priority, !priority.isEmpty {
            try priority.validate()
            request.priority = priority
        }
        request.summary = try await userMetadataPayload(options.summary ?? defaults.summary)
        request.details = try await userMetadataPayload(options.details ?? defaults.details)
    }

    /// A summary or details text as the other SDKs send it: a string through the data converter
    /// (JSON, then the codecs); nil or empty sends nothing.
    func userMetadataPayload(_ text: String?) async throws -> Payload? {
        guard let text, !text.isEmpty else { return nil }
        return try await dataConverter.encodeCodecs([dataConverter.payloadConverter.toPayload(text)])[0]
    }
}
