extension WorkflowExecutionDescription {
    /// The description with its memo values and static summary and details run back through the
    /// codecs that encoded them at start, as the Python SDK's `describe()` decodes them; the
    /// summary and details are also read as text. Search attributes stay as the server indexed them.
    public func decoded(with converter: DataConverter) async throws -> WorkflowExecutionDescription {
        var description = self
        for key in memo.keys.sorted() {
            guard let payload = memo[key] else { continue }
            description.memo[key] = try await converter.decodeCodecs([payload])[0]
        }
        description.staticSummary = try await Self.text(staticSummaryPayload, with: converter) ?? staticSummary
        description.staticDetails = try await Self.text(staticDetailsPayload, with: converter) ?? staticDetails
        return description
    }

    /// A summary or details payload as the text the other SDKs put in it.
    private static func text(_ payload: Payload?, with converter: DataConverter) async throws -> String? {
        guard let payload else { return nil }
        return try converter.payloadConverter.fromPayload(try await converter.decodeCodecs([payload])[0], as: String.self)
    }
}
