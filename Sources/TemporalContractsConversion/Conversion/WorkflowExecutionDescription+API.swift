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
            searchAttributes: info.searchAttributes.indexedFields.mapValues(Payload.init),
            priority: info.hasPriority ? Priority(info.priority) : nil
        )
    }

    /// The description `DescribeWorkflowExecution` answers: the run's info and the start's static
    /// summary and details, still encoded.
    public init(_ response: Temporal_Api_Workflowservice_V1_DescribeWorkflowExecutionResponse) {
        self.init(response.workflowExecutionInfo)
        let metadata = response.executionConfig.userMetadata
        if metadata.hasSummary { staticSummaryPayload = Payload(metadata.summary) }
        if metadata.hasDetails { staticDetailsPayload = Payload(metadata.details) }
    }
}
