import Foundation
import InteropWorkflows
import TemporalContracts
import TemporalContractsGRPC
import TemporalDevServer
import Testing

/// The server goes away and comes back (same port, persistent database) while the client works.
@Suite(.timeLimit(.minutes(5)))
struct FaultToleranceTests {
    @Test func clientResumesAfterTheServerRestartsWithoutDuplicatingWorkflows() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await FulfillmentEnvironment.start(databaseFile: directory.appending(path: "temporal.db")).use { environment in
            try await waitThroughRestart(environment)
        }
    }

    private func waitThroughRestart(_ environment: FulfillmentEnvironment) async throws {
        let sleeper = try await environment.client.startSleep(
            seconds: 8,
            options: WorkflowStartOptions(id: "restart-sleeper-\(UUID().uuidString)")
        )
        let waiting = Task { try await sleeper.result() }
        try await Task.sleep(for: .seconds(1))

        await environment.server.stop()
        // A start sent while the server is down is retried until it answers; its request ID keeps
        // a retry that reached the server from starting a second run.
        let lateID = "restart-late-\(UUID().uuidString)"
        let lateStart = Task {
            try await environment.client.startCombine(text: "late", count: 1, scale: 1, options: WorkflowStartOptions(id: lateID))
        }
        try await Task.sleep(for: .seconds(2))
        try await environment.server.restart()

        #expect(try await waiting.value == 8)
        let late = try await lateStart.value
        #expect(try await late.result() == "late:1:1.0")

        let backend = TemporalClient(connection: environment.connection)
        for id in [sleeper.execution.workflowID, lateID] {
            var runs: [WorkflowExecutionDescription] = []
            for _ in 0..<50 {
                runs = try await backend.listWorkflows(query: "WorkflowId = '\(id)'")
                if runs.first?.status == .completed { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(runs.count == 1, "exactly one run of \(id): \(runs.map(\.execution))")
        }
    }
}
