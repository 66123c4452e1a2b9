import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

extension WorkflowEngine {
    /// The next run keeps the current memo and search attributes (the start's, with the run's own
    /// upserts), as sdk-core fills them in for the Python SDK: the command sends them explicitly
    /// rather than relying on the server to carry them over.
    func carryProperties(into attributes: inout Temporal_Api_Command_V1_ContinueAsNewWorkflowExecutionCommandAttributes) {
        if !context.memo.isEmpty { attributes.memo.fields = context.memo.mapValues(\.apiPayload) }
        if !context.searchAttributes.isEmpty { attributes.searchAttributes = context.searchAttributes.values.apiSearchAttributes }
    }
}
