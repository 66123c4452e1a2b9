@_spi(Generated) import TemporalContracts

/// The benchmark's workflow, declared by hand as generated code would: one Echo activity, then
/// its result (the Python side in python/one_activity_worker.py is the same).
final class OneActivity: WorkflowImplementation {
    static let definition = WorkflowDefinition<String, String>(name: "OneActivity", input: .single(), output: .single())
    static let echo = ActivityDefinition<String, String>(
        name: "Echo",
        input: .single(),
        output: .single(),
        defaults: ActivityDefaults(startToCloseTimeout: .seconds(10))
    )

    static var registration: WorkflowRegistration {
        WorkflowRegistration(definition, implementation: OneActivity.self) { workflow, text, context in
            try await workflow.run(text, context: context)
        }
    }

    static let echoRegistration = ActivityRegistration(echo) { text, _ in text }

    init() {}

    func run(_ text: String, context: any WorkflowContext) async throws -> String {
        try await context.executeActivity(Self.echo, input: text, options: ActivityOptions())
    }
}
