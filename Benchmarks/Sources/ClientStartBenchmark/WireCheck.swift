import Foundation
import TemporalAPI
import TemporalContractsGRPC

/// Checks that both clients started the same thing: the server's `WorkflowExecutionStarted` event
/// of a Swift start and of a Python start, compared on type, task queue and input payload.
enum WireCheck {
    struct Started: Equatable {
        var workflowID: String
        var workflowType: String
        var taskQueue: String
        var inputEncodings: [String]
        var inputData: [Data]

        static func == (left: Started, right: Started) -> Bool {
            (left.workflowType, left.taskQueue, left.inputEncodings, left.inputData)
                == (right.workflowType, right.taskQueue, right.inputEncodings, right.inputData)
        }
    }

    /// The started event of `workflowID`, read over a connection of its own.
    static func started(_ workflowID: String, host: String, port: Int, namespace: String) async throws -> Started {
        let connection = try await TemporalConnection.connect(
            TemporalConnectionOptions(host: host, port: port, namespace: namespace)
        )
        var request = Temporal_Api_Workflowservice_V1_GetWorkflowExecutionHistoryRequest()
        request.namespace = namespace
        request.execution.workflowID = workflowID
        request.maximumPageSize = 1
        let response: Temporal_Api_Workflowservice_V1_GetWorkflowExecutionHistoryResponse
        do {
            response = try await connection.workflowService.getWorkflowExecutionHistory(request)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
        guard let event = response.history.events.first, event.eventType == .workflowExecutionStarted else {
            throw BenchmarkError("workflow '\(workflowID)' has no WorkflowExecutionStarted event")
        }
        let attributes = event.workflowExecutionStartedEventAttributes
        return Started(
            workflowID: workflowID,
            workflowType: attributes.workflowType.name,
            taskQueue: attributes.taskQueue.name,
            inputEncodings: attributes.input.payloads.map { String(decoding: $0.metadata["encoding"] ?? Data(), as: UTF8.self) },
            inputData: attributes.input.payloads.map(\.data)
        )
    }

    /// Lines describing the comparison, and whether the two starts match.
    static func compare(swift: Started, python: Started) -> (lines: [String], passed: Bool) {
        func describe(_ started: Started) -> String {
            let inputs = zip(started.inputEncodings, started.inputData)
                .map { "\($0) \(String(decoding: $1, as: UTF8.self))" }
                .joined(separator: ", ")
            return "\(started.workflowType) on \(started.taskQueue), input [\(inputs)]"
        }
        let passed = swift == python
        return (
            [
                "Swift  \(swift.workflowID): \(describe(swift))",
                "Python \(python.workflowID): \(describe(python))",
                passed ? "identical type, task queue and input payload" : "MISMATCH",
            ],
            passed
        )
    }
}
