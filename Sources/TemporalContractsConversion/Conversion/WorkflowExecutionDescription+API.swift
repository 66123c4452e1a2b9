import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts

extension WorkflowExecutionDescription {
    /// The description of a run from the server's `WorkflowExecutionInfo`.
    public init(_ info: Temporal_Api_Workflow_V1_WorkflowExecutionInfo) {
        self.init(
            execution: WorkflowExecution(workflowID: info.execution.workflowID, runID: info.execution.runID),
            workflowType: info.type.name,
            taskQueue: info.taskQueue,
            status: WorkflowExecutionStatus(rawValue: info.status.rawValue) ?? .unspecified,
            startTime: info.hasStartTime ? info.startTime.date : nil,
            closeTime: info.hasCloseTime ? info.closeTime.date : nil,
            historyLength: info.historyLength,
            memo: info.memo.fields.mapValues(Payload.init),
            searchAttributes: info.searchAttributes.indexedFields.mapValues(Payload.init)
        )
    }
}
