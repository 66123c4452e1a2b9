import BenchmarkSupport
import Foundation
import TemporalContracts

/// Drives one measurement of a workload against a worker's task queue from the benchmark's own
/// client, and checks every result.
struct WorkloadDriver: Sendable {
    let client: TemporalClient
    let inFlight: Int
    let parallelism: Int
    let runNoopsQueue: String

    /// Runs `count` tasks of `workload` on `queue`; returns the wall time in seconds.
    func run(_ workload: Workload, count: Int, queue: String) async throws -> Double {
        let started = ContinuousClock.now
        switch workload {
        case .oneActivity: try await runWorkflows(OneActivity.definition, count: count, queue: queue)
        case .tenActivities: try await runWorkflows(TenActivities.definition, count: count, queue: queue)
        case .activityOnly: try await runNoops(count: count, queue: queue)
        }
        return (ContinuousClock.now - started).seconds
    }

    /// Starts `count` runs of an echoing workflow (at most `inFlight` starts outstanding) and
    /// waits for each result, which must be its input.
    private func runWorkflows(_ definition: WorkflowDefinition<String, String>, count: Int, queue: String) async throws {
        let batch = UUID().uuidString
        let slots = StartSlots(inFlight)
        var progress = Progress("\(definition.name) on \(queue)", total: count)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                group.addTask {
                    let text = "\(batch)-\(index)"
                    let options = WorkflowStartOptions(id: "bench-\(text)", taskQueue: queue)
                    await slots.acquire()
                    let execution: WorkflowExecution
                    do {
                        execution = try await client.start(definition, input: text, options: options)
                        await slots.release()
                    } catch {
                        await slots.release()
                        throw error
                    }
                    let result = try await client.result(of: definition, execution: execution)
                    guard result == text else { fatalError("\(definition.name) on \(queue) returned \(result) for \(text)") }
                }
            }
            var done = 0
            for try await _ in group {
                done += 1
                progress.update(done)
            }
        }
    }

    /// Runs the Python `RunNoops` workflow on its own queue, scheduling `count` Noop activities on
    /// `queue`, and checks that all completed.
    private func runNoops(count: Int, queue: String) async throws {
        let converter = DefaultPayloadConverter()
        let request = StartWorkflowRequest(
            workflowID: "bench-\(UUID().uuidString)",
            workflowType: "RunNoops",
            taskQueue: runNoopsQueue,
            input: [try converter.toPayload(count), try converter.toPayload(parallelism), try converter.toPayload(queue)]
        )
        let response = try await client.transport.startWorkflow(request)
        let outcome = try await client.transport.awaitWorkflowOutcome(
            WorkflowExecution(workflowID: request.workflowID, runID: response.runID)
        )
        guard case .completed(let payloads) = outcome, let first = payloads.first,
            try converter.fromPayload(first, as: Int.self) == count
        else { fatalError("RunNoops on \(queue) did not complete all \(count) activities: \(outcome)") }
    }
}
