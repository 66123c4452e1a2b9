import Foundation
@_spi(Generated) import TemporalContracts
import TemporalContractsTesting
import Testing

/// `describe()` in the test environment answers the start's static summary and details and its
/// priority, as the server's `DescribeWorkflowExecution` does.
@Suite("Describe: static summary, details and priority", .timeLimit(.minutes(1)))
struct DescribeStaticMetadataTests {
    final class Greeter: WorkflowImplementation {
        static let definition = WorkflowDefinition<String, String>(
            name: "DescribedGreeter",
            input: .single(),
            output: .single(),
            defaults: WorkflowDefaults(priority: Priority(priorityKey: 4), summary: "Greets", details: "Says **hello**")
        )
        static var registration: WorkflowRegistration {
            WorkflowRegistration(definition, implementation: Greeter.self) { (_: Greeter, input: String, _) in "hello \(input)" }
        }

        init() {}
    }

    @Test func theContractsDefaultsAndACallsOverridesAreDescribed() async throws {
        try await withWorkflowTestEnvironment(workflows: [Greeter.registration]) { environment in
            let defaulted = try await environment.client.start(
                Greeter.definition,
                input: "ada",
                options: WorkflowStartOptions(id: "described-defaults", taskQueue: "engine-tests")
            )
            _ = try await environment.client.result(of: Greeter.definition, execution: defaulted)
            let described = try await environment.client.describe(defaulted)
            #expect(described.staticSummary == "Greets")
            #expect(described.staticDetails == "Says **hello**")
            #expect(described.priority == Priority(priorityKey: 4))

            let overridden = try await environment.client.start(
                Greeter.definition,
                input: "bob",
                options: WorkflowStartOptions(
                    id: "described-override",
                    taskQueue: "engine-tests",
                    priority: Priority(priorityKey: 1, fairnessKey: "tenant-b"),
                    summary: "Nightly run"
                )
            )
            let override = try await environment.client.describe(overridden)
            #expect(override.staticSummary == "Nightly run")
            #expect(override.staticDetails == "Says **hello**")
            #expect(override.priority == Priority(priorityKey: 1, fairnessKey: "tenant-b"))
        }
    }
}
