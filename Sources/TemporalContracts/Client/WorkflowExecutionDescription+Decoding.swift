extension WorkflowExecutionDescription {
    /// The description with its memo values and static summary and details run back through the
    /// codecs that encoded them at start, as the Python SDK's `describe()` decodes them; the
    /// summary and details are also read as text (nil when unreadable). Search attributes stay as
    /// the server indexed them.
    public func decoded(with converter: DataConverter) async throws -> WorkflowExecutionDescription {
        var description = self
        for key in memo.keys.sorted() {
            guard let payload = memo[key] else { continue }
            description.memo[key] = try await converter.decodeCodecs([payload])[0]
        }
        description.staticSummary = await Self.text(staticSummaryPayload, with: converter) ?? staticSummary
        description.staticDetails = await Self.text(staticDetailsPayload, with: converter) ?? staticDetails
        return description
    }

    /// A summary or details payload as the text the other SDKs put in it; nil when this
    /// converter cannot read it (another codec wrote it): text shown by a UI must not fail a
    /// describe, and the payload stays available.
    private static func text(_ payload: Payload?, with converter: DataConverter) async -> String? {
        guard let payload, let decoded = try? await converter.decodeCodecs([payload]).first else { return nil }
        return try? converter.payloadConverter.fromPayload(decoded, as: String.self)
    }
}
