import TemporalAPI
import TemporalContracts
import TemporalContractsConversion
import TemporalContractsGRPC

extension WorkflowTaskProcessor {
    /// The server's refusal of a completion because of a search attribute that workflow code
    /// upserted (or gave a child or the next run) and the namespace has not registered, or has
    /// registered with another type: the error names the attribute and the fix, where the server's
    /// message alone leaves the reader to guess which code wrote it. Nil for any other error.
    static func searchAttributeError(
        _ error: any Error,
        in completion: Temporal_Api_Workflowservice_V1_RespondWorkflowTaskCompletedRequest
    ) -> SearchAttributeRegistrationError? {
        var written: [String: SearchAttributeValue] = [:]
        for command in completion.commands {
            let fields: [String: Temporal_Api_Common_V1_Payload]
            switch command.attributes {
            case .upsertWorkflowSearchAttributesCommandAttributes(let attributes): fields = attributes.searchAttributes.indexedFields
            case .startChildWorkflowExecutionCommandAttributes(let attributes): fields = attributes.searchAttributes.indexedFields
            case .continueAsNewWorkflowExecutionCommandAttributes(let attributes): fields = attributes.searchAttributes.indexedFields
            default: continue
            }
            written.merge(fields.compactMapValues(SearchAttributeValue.init(apiPayload:))) { _, later in later }
        }
        guard !written.isEmpty else { return nil }
        return SearchAttributeRegistrationError(serverRefusal: error, attributes: written)
    }
}
