import Foundation
import TemporalAPI
import TemporalContracts
import TemporalContractsTesting

/// Records `LongHistory` runs in the in-process test environment (whose histories the Python SDK's
/// replayer accepts: the same event shapes and IDs a server writes), sized to a target event count.
enum HistoryGenerator {
    /// Events per iteration: activity (3) + timer (2) + two workflow tasks (6), plus a signal and its
    /// workflow task (4) every tenth iteration.
    static let eventsPerIteration = 11.0 + 4.0 / Double(LongHistory.signalEvery)

    /// A history of about `events` events (start, the iterations, completion).
    static func history(events: Int) async throws -> Temporal_Api_History_V1_History {
        let iterations = max(1, Int((Double(events - 5) / eventsPerIteration).rounded()))
        let environment = WorkflowTestEnvironment(
            workflows: [LongHistory.registration],
            activities: [LongHistory.stepRegistration]
        )
        let client = environment.client
        let execution = try await client.start(
            LongHistory.definition,
            input: iterations,
            options: WorkflowStartOptions(id: "long-history-\(events)")
        )
        // The test environment skips time only while someone waits for a result.
        async let result = client.result(of: LongHistory.definition, execution: execution)
        // One signal each time the run reaches a wait, so signals sit between the iterations as
        // they would on a server rather than all at the start.
        var sent = 0
        let signals = iterations / LongHistory.signalEvery
        while sent < signals {
            let waiting = try await client.query(LongHistory.waiting, input: (), execution: execution)
            if waiting > sent {
                try await client.signal(LongHistory.bump, input: 1, execution: execution)
                sent += 1
            } else {
                try await Task.sleep(for: .microseconds(200))
            }
        }
        let total = try await result
        let expected = 10 * iterations * (iterations + 1) / 2 + signals
        guard total == expected else {
            throw BenchmarkError("LongHistory(\(iterations)) returned \(total), expected \(expected)")
        }
        let history = try await environment.history(of: execution)
        await environment.shutdown()
        return history
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
