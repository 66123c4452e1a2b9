extension WorkflowContext {
    /// The memo entry `key` decoded as `type`; nil when the memo has no such entry.
    public func memoValue<Value>(_ key: String, as type: Value.Type) throws -> Value? {
        guard let payload = memo[key] else { return nil }
        return try payloadConverter.fromPayload(payload, as: type)
    }
}
