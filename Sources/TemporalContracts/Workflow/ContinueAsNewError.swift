/// Thrown by `WorkflowContext.continueAsNew`: the engine ends the run with a continue-as-new
/// command when workflow code lets it propagate out of `run`. Do not catch it.
public struct ContinueAsNewError: Error, Sendable {
    public var workflowType: String
    public var input: [Payload]
    public var options: ContinueAsNewOptions
    /// Temporal headers for the next run, as the workflow's outbound interceptors set them.
    public var headers: [String: Payload] = [:]

    public init(workflowType: String, input: [Payload], options: ContinueAsNewOptions) {
        self.workflowType = workflowType
        self.input = input
        self.options = options
    }

    /// The request to continue as `workflow` with `input`, converted by `converter`.
    public init<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        options: ContinueAsNewOptions,
        using converter: any PayloadConverter
    ) throws {
        self.init(workflowType: workflow.name, input: try workflow.input.encode(input, using: converter), options: options)
    }
}
