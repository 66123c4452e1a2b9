import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

/// Search attributes and memo: read from the start event, changed by the run's own upserts,
/// which are commands matched against the history like any other.
extension EngineWorkflowContext {
    /// The values the run started with.
    func startProperties(_ attributes: Temporal_Api_History_V1_WorkflowExecutionStartedEventAttributes) {
        searchAttributes = SearchAttributes(
            attributes.searchAttributes.indexedFields.compactMapValues(SearchAttributeValue.init(apiPayload:))
        )
        memo = attributes.memo.fields.mapValues(Payload.init)
    }

    /// The search attributes and memo a child starts with: the contract's mappings from its
    /// input, as a client's start applies them, with the call's own values over them; nil for none.
    func childStartProperties<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        options: ChildWorkflowOptions
    ) throws -> (Temporal_Api_Common_V1_SearchAttributes?, Temporal_Api_Common_V1_Memo?) {
        let attributes = (try workflow.makeSearchAttributes?(input, idSource) ?? SearchAttributes()).merging(options.searchAttributes)
        let entries = (workflow.makeMemo?(input) ?? [:]).merging(options.memo) { _, call in call }
        var memo = Temporal_Api_Common_V1_Memo()
        memo.fields = try entries.mapValues { try payloadConverter.toPayload($0).apiPayload }
        return (attributes.isEmpty ? nil : attributes.values.apiSearchAttributes, entries.isEmpty ? nil : memo)
    }

    func upsertSearchAttributes(_ attributes: SearchAttributes) {
        guard !attributes.isEmpty else { return }
        // The run's own view changes at once, in the first run and in replays alike, as in the
        // other SDKs: code after the upsert reads the new values.
        if readOnlyOperation == nil { searchAttributes = searchAttributes.merging(attributes) }
        issue(
            UpsertSearchAttributesMachine(
                command: Command(.upsertWorkflowSearchAttributes) { command in
                    command.upsertWorkflowSearchAttributesCommandAttributes.searchAttributes = attributes.values.apiSearchAttributes
                }
            )
        )
    }

    func upsertMemo(_ entries: [String: any Encodable & Sendable]) throws {
        guard !entries.isEmpty else { return }
        let payloads = try entries.mapValues { try payloadConverter.toPayload($0) }
        if readOnlyOperation == nil { memo.merge(payloads) { _, new in new } }
        issue(
            ModifyWorkflowPropertiesMachine(
                command: Command(.modifyWorkflowProperties) { command in
                    command.modifyWorkflowPropertiesCommandAttributes.upsertedMemo.fields = payloads.mapValues(\.apiPayload)
                }
            )
        )
    }
}
