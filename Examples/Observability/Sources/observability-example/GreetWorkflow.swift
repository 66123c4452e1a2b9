import TemporalContracts

/// The `Greet` workflow: asks the `ComposeGreeting` activity for the greeting. Its input, the
/// activity's input and result and its own result are all stored encrypted.
final class GreetWorkflow: Greetings.GreetWorkflow {
    init() {}

    func run(_ input: Greetings.GreetingRequest, context: any WorkflowContext) async throws -> String {
        try await Greetings.ActivityStubs(context).composeGreeting(input)
    }
}
