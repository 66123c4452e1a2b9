@_spi(Generated) import TemporalContracts

/// A workflow whose body each machine test writes inline, with definitions declared by hand
/// rather than generated: the tests run it on the engine from canned histories.
final class ScriptedWorkflow: WorkflowImplementation {
    /// The inputs of the `Poke` signals and `Touch` updates it received, in order.
    var received: [String] = []

    init() {}

    static let definition = WorkflowDefinition<Void, String>(name: "Scripted", input: .void, output: .single())
    static let child = WorkflowDefinition<Void, String>(name: "Kid", input: .void, output: .single())
    static let echo = ActivityDefinition<String, String>(
        name: "Echo",
        input: .single(),
        output: .single(),
        defaults: ActivityDefaults(startToCloseTimeout: .seconds(10))
    )
    static let poke = SignalDefinition<String>(name: "Poke", input: .single())
    static let touch = UpdateDefinition<String, String>(name: "Touch", input: .single(), output: .single())

    /// A registration that runs `body` as the workflow's main function.
    static func registration(
        _ body: @escaping @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String
    ) -> WorkflowRegistration {
        WorkflowRegistration(
            definition,
            implementation: ScriptedWorkflow.self,
            run: { workflow, _, context in try await body(workflow, context) }
        ) {
            table in
            table.signal(poke) { workflow, input, _ in workflow.received.append(input) }
            table.update(touch) { workflow, input, _ in
                workflow.received.append(input)
                return input.uppercased()
            }
        }
    }
}
