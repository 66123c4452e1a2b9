import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import TemporalContractsProtobuf

/// The payload-size cases' JSON value: a page of workflow-execution records, shaped as the generator
/// emits types (snake_case keys, `null` for an absent optional), sized by its record count. The
/// Python side decodes the same bytes into equal dataclasses (`python/converter_sizes.py`).
struct ExecutionPage: Codable, Hashable, Sendable {
    var executions: [ExecutionRecord]
    var nextPageToken: String?

    enum CodingKeys: String, CodingKey {
        case executions
        case nextPageToken = "next_page_token"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(executions, forKey: .executions)
        try container.encode(nextPageToken, forKey: .nextPageToken)
    }

    /// `count` deterministic records: every field varies with the index, so no two are alike.
    static func make(count: Int) -> ExecutionPage {
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        let statuses: [ExecutionRecord.Status] = [.running, .completed, .failed]
        var records: [ExecutionRecord] = []
        records.reserveCapacity(count)
        for index in 0..<count {
            let tags: [String: String] = ["region": "eu-\(index % 4)", "tenant": "tenant-\(index % 17)"]
            let note: String? = index % 3 == 0 ? nil : "priority customer \(index)"
            let startTime = start.addingTimeInterval(Double(index * 37))
            let cost = Double(index % 1_000) + 0.25
            records.append(
                ExecutionRecord(
                    workflowID: "order-fulfillment-\(index)",
                    runID: ExecutionPage.runID(index),
                    workflowType: "OrderFulfillmentWorkflow",
                    taskQueue: "orders-\(index % 8)",
                    status: statuses[index % statuses.count],
                    startTime: startTime,
                    historyLength: 11 + index % 300,
                    stateTransitions: 7 + index % 120,
                    cost: cost,
                    tags: tags,
                    note: note
                )
            )
        }
        return ExecutionPage(executions: records, nextPageToken: count > 1 ? "page-\(count)" : nil)
    }

    static func runID(_ index: Int) -> String {
        let highBits: UInt32 = UInt32(truncatingIfNeeded: index &* 2_654_435_761)
        let lowBits: UInt64 = (UInt64(index) &* 0x9E37_79B9) & 0xFFFF_FFFF_FFFF
        let high = String(highBits, radix: 16)
        let low = String(lowBits, radix: 16)
        let highPadding = String(repeating: "0", count: 8 - high.count)
        let lowPadding = String(repeating: "0", count: 12 - low.count)
        return highPadding + high + "-7c1e-4a2b-9d3f-" + lowPadding + low
    }

    /// The same records as the protobuf message the binary/protobuf cases send: a page of the
    /// Temporal API's `ListWorkflowExecutionsResponse`, which the Python SDK has too.
    var message: Temporal_Api_Workflowservice_V1_ListWorkflowExecutionsResponse {
        var response = Temporal_Api_Workflowservice_V1_ListWorkflowExecutionsResponse()
        response.executions = executions.map { record in
            var info = Temporal_Api_Workflow_V1_WorkflowExecutionInfo()
            info.execution.workflowID = record.workflowID
            info.execution.runID = record.runID
            info.type.name = record.workflowType
            info.taskQueue = record.taskQueue
            info.status =
                switch record.status {
                case .running: .running
                case .completed: .completed
                case .failed: .failed
                }
            info.startTime = Google_Protobuf_Timestamp(date: record.startTime)
            info.historyLength = Int64(record.historyLength)
            info.stateTransitionCount = Int64(record.stateTransitions)
            info.historySizeBytes = Int64(record.cost * 1_000)
            return info
        }
        response.nextPageToken = Data((nextPageToken ?? "").utf8)
        return response
    }
}

struct ExecutionRecord: Codable, Hashable, Sendable {
    enum Status: String, Codable, Sendable {
        case running, completed, failed
    }

    var workflowID: String
    var runID: String
    var workflowType: String
    var taskQueue: String
    var status: Status
    var startTime: Date
    var historyLength: Int
    var stateTransitions: Int
    var cost: Double
    var tags: [String: String]
    var note: String?

    enum CodingKeys: String, CodingKey {
        case workflowID = "workflow_id"
        case runID = "run_id"
        case workflowType = "workflow_type"
        case taskQueue = "task_queue"
        case status
        case startTime = "start_time"
        case historyLength = "history_length"
        case stateTransitions = "state_transitions"
        case cost
        case tags
        case note
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(workflowID, forKey: .workflowID)
        try container.encode(runID, forKey: .runID)
        try container.encode(workflowType, forKey: .workflowType)
        try container.encode(taskQueue, forKey: .taskQueue)
        try container.encode(status, forKey: .status)
        try container.encode(startTime, forKey: .startTime)
        try container.encode(historyLength, forKey: .historyLength)
        try container.encode(stateTransitions, forKey: .stateTransitions)
        try container.encode(cost, forKey: .cost)
        try container.encode(tags, forKey: .tags)
        try container.encode(note, forKey: .note)
    }
}

extension Temporal_Api_Workflowservice_V1_ListWorkflowExecutionsResponse: @retroactive ProtobufPayload {}
