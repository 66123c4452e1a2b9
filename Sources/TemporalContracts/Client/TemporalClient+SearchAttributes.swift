extension TemporalClient {
    /// The search attributes of a start: the contract's mappings from the input, with the call's
    /// own values written over them.
    func startSearchAttributes<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        options: WorkflowStartOptions
    ) throws -> [String: SearchAttributeValue] {
        let mapped = try workflow.makeSearchAttributes?(input, .system) ?? SearchAttributes()
        return mapped.merging(options.searchAttributes).values
    }

    /// The memo of a start, encoded: the contract's mappings from the input, with the call's own
    /// entries written over them.
    func startMemo<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        options: WorkflowStartOptions
    ) async throws -> [String: Payload] {
        let entries = (workflow.makeMemo?(input) ?? [:]).merging(options.memo) { _, call in call }
        var memo: [String: Payload] = [:]
        for (key, value) in entries {
            memo[key] = try await dataConverter.encodeCodecs([dataConverter.payloadConverter.toPayload(value)])[0]
        }
        return memo
    }
}
