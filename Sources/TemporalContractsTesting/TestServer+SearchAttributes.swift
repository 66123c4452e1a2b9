import Foundation
import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

/// Search attributes and memo of the test environment's runs: read from each run's history (the
/// start event and the upsert events its workflow tasks recorded), and the list filter of the
/// simple visibility queries.
extension TestServer {
    /// Records an `UpsertWorkflowSearchAttributes` command.
    func upsertSearchAttributes(
        _ attributes: Temporal_Api_Command_V1_UpsertWorkflowSearchAttributesCommandAttributes,
        of execution: TestExecution,
        completedEventID: Int64
    ) {
        append(execution, .upsertWorkflowSearchAttributes) { event in
            event.upsertWorkflowSearchAttributesEventAttributes.searchAttributes = attributes.searchAttributes
            event.upsertWorkflowSearchAttributesEventAttributes.workflowTaskCompletedEventID = completedEventID
        }
    }

    /// Records a `ModifyWorkflowProperties` command.
    func modifyProperties(
        _ attributes: Temporal_Api_Command_V1_ModifyWorkflowPropertiesCommandAttributes,
        of execution: TestExecution,
        completedEventID: Int64
    ) {
        append(execution, .workflowPropertiesModified) { event in
            event.workflowPropertiesModifiedEventAttributes.upsertedMemo = attributes.upsertedMemo
            event.workflowPropertiesModifiedEventAttributes.workflowTaskCompletedEventID = completedEventID
        }
    }
}

extension TestExecution {
    /// The run's search attributes, as indexed payloads: from its start, then each upsert.
    var searchAttributePayloads: [String: Payload] {
        var fields: [String: Temporal_Api_Common_V1_Payload] = [:]
        for event in events {
            switch event.attributes {
            case .workflowExecutionStartedEventAttributes(let attributes):
                fields.merge(attributes.searchAttributes.indexedFields) { _, new in new }
            case .upsertWorkflowSearchAttributesEventAttributes(let attributes):
                fields.merge(attributes.searchAttributes.indexedFields) { _, new in new }
            default: continue
            }
        }
        return fields.mapValues(Payload.init)
    }

    /// The run's memo: from its start, then each modification.
    var memoPayloads: [String: Payload] {
        var fields: [String: Temporal_Api_Common_V1_Payload] = [:]
        for event in events {
            switch event.attributes {
            case .workflowExecutionStartedEventAttributes(let attributes):
                fields.merge(attributes.memo.fields) { _, new in new }
            case .workflowPropertiesModifiedEventAttributes(let attributes):
                fields.merge(attributes.upsertedMemo.fields) { _, new in new }
            default: continue
            }
        }
        return fields.mapValues(Payload.init)
    }
}
