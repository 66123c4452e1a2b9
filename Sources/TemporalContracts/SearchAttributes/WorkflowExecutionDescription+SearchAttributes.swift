extension WorkflowExecutionDescription {
    /// The run's search attributes, typed by the index type the server reports for each.
    public var typedSearchAttributes: SearchAttributes {
        SearchAttributes(payloads: searchAttributes)
    }

    /// The memo entry `key` decoded as `type`; nil when the memo has no such entry.
    public func memoValue<Value>(
        _ key: String,
        as type: Value.Type,
        converter: any PayloadConverter = DataConverter.default.payloadConverter
    ) throws -> Value? {
        guard let payload = memo[key] else { return nil }
        return try converter.fromPayload(payload, as: type)
    }
}
