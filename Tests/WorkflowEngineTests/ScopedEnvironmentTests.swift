import Foundation
import TemporalContracts
import TemporalContractsTesting
import Testing

@Suite("withWorkflowTestEnvironment", .timeLimit(.minutes(1)))
struct ScopedEnvironmentTests {
    private struct Expected: Error {}

    @Test("returns the body's result and rethrows its error")
    func scopedEnvironment() async throws {
        let activities = EngineActivities()
        let report = try await withWorkflowTestEnvironment(
            workflows: [GreeterWorkflow.registration],
            activities: activities.registrations
        ) { environment in
            try await Engine.Client(environment.client).executeGreeter("Ada", options: WorkflowStartOptions(id: "scoped"))
        }
        #expect(report.greeting == "HELLO, ADA!")
        await #expect(throws: Expected.self) {
            try await withWorkflowTestEnvironment(workflows: [SleeperWorkflow.registration]) { _ in throw Expected() }
        }
    }
}
