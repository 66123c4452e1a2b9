@_spi(Generated) import TemporalContracts
import TemporalContractsTesting
import Testing

/// The test environment accepts eager start and worker versioning options and runs the workflow
/// as usual: it has no task queue to skip and a single build of every workflow.
@Suite("eager start and versioning in the test environment", .timeLimit(.minutes(1)))
struct EagerStartEnvironmentTests {
    final class Shout: WorkflowImplementation {
        init() {}
    }

    static let shout = WorkflowDefinition<String, String>(
        name: "Shout",
        input: .single(),
        output: .single(),
        defaults: WorkflowDefaults(taskQueue: "shouts", enableEagerStart: true, versioningBehavior: .pinned)
    )

    @Test("a start with eager start on, from the contract or the call, runs the workflow")
    func eagerStartIsAcceptedAndRuns() async throws {
        let registration = WorkflowRegistration(Self.shout, implementation: Shout.self) { _, input, _ in input.uppercased() }
        #expect(registration.versioningBehavior == .pinned)
        #expect(registration.versioningBehavior(.autoUpgrade).versioningBehavior == .autoUpgrade)
        let environment = WorkflowTestEnvironment(workflows: [registration])
        let client = environment.client
        for (id, eager) in [("contract", nil), ("call-on", true), ("call-off", false)] as [(String, Bool?)] {
            let execution = try await client.start(Self.shout, input: id, options: WorkflowStartOptions(id: id, enableEagerStart: eager))
            #expect(try await client.result(of: Self.shout, execution: execution) == id.uppercased())
        }
        await environment.shutdown()
    }
}
