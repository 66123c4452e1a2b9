/// A workflow type of a contract: its wire name, how its input and result travel, and the
/// options the contract gives it.
public struct WorkflowDefinition<Input: Sendable, Output: Sendable>: Sendable {
    /// The workflow type name on the wire.
    public let name: String
    public let input: PayloadCoding<Input>
    public let output: PayloadCoding<Output>
    public let defaults: WorkflowDefaults
    /// Derives the workflow ID from the input when the caller gives none (the contract's ID template).
    public let makeID: (@Sendable (Input) -> String)?

    public init(
        name: String,
        input: PayloadCoding<Input>,
        output: PayloadCoding<Output>,
        defaults: WorkflowDefaults = WorkflowDefaults(),
        makeID: (@Sendable (Input) -> String)? = nil
    ) {
        self.name = name
        self.input = input
        self.output = output
        self.defaults = defaults
        self.makeID = makeID
    }
}
