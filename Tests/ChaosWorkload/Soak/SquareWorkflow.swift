import TemporalContracts

/// The child workflow: squares its input after a short timer.
public final class SquareWorkflow: Chaos.SquareWorkflow {
    public init() {}

    public func run(value: Int, context: any WorkflowContext) async throws -> Int {
        try await context.sleep(for: .milliseconds(100))
        return value * value
    }
}
