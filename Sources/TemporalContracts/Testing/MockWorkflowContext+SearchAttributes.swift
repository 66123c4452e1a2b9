extension MockWorkflowContext {
    public func upsertSearchAttributes(_ attributes: SearchAttributes) {
        searchAttributeUpserts.append(attributes)
        searchAttributes = searchAttributes.merging(attributes)
    }

    public func upsertMemo(_ entries: [String: any Encodable & Sendable]) throws {
        memoUpserts.append(Set(entries.keys))
        for (key, value) in entries { memo[key] = try payloadConverter.toPayload(value) }
    }
}
