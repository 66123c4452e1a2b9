/// A workflow type of a contract: its wire name, how its input and result travel, and the
/// options the contract gives it.
public struct WorkflowDefinition<Input: Sendable, Output: Sendable>: Sendable {
    /// The workflow type name on the wire: what clients start and children are started as.
    public let name: String
    /// Former workflow type names (the contract's `aliases`): workers register the workflow
    /// under these too, so runs started under an old name keep running. Clients never send them.
    public let aliases: [String]
    public let input: PayloadCoding<Input>
    public let output: PayloadCoding<Output>
    public let defaults: WorkflowDefaults
    /// Derives the workflow ID from the input when the caller gives none (the contract's ID
    /// template or `${! … }` expression). Random functions draw from the ``WorkflowIDSource``;
    /// a failing expression throws ``IDExpressionError``.
    public let makeID: (@Sendable (Input, WorkflowIDSource) throws -> String)?
    /// The search attributes the contract sets at start from the input (its `searchAttributes`
    /// mappings, whose `${! … }` expressions draw from the ``WorkflowIDSource`` and may throw
    /// ``IDExpressionError``); the call's own values win.
    public let makeSearchAttributes: (@Sendable (Input, WorkflowIDSource) throws -> SearchAttributes)?
    /// The memo entries the contract sets at start from the input (its `memo` mappings); the
    /// call's own entries win.
    public let makeMemo: (@Sendable (Input) -> [String: any Encodable & Sendable])?

    public init(
        name: String,
        aliases: [String] = [],
        input: PayloadCoding<Input>,
        output: PayloadCoding<Output>,
        defaults: WorkflowDefaults = WorkflowDefaults(),
        makeID: (@Sendable (Input, WorkflowIDSource) throws -> String)? = nil,
        makeSearchAttributes: (@Sendable (Input, WorkflowIDSource) throws -> SearchAttributes)? = nil,
        makeMemo: (@Sendable (Input) -> [String: any Encodable & Sendable])? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.input = input
        self.output = output
        self.defaults = defaults
        self.makeID = makeID
        self.makeSearchAttributes = makeSearchAttributes
        self.makeMemo = makeMemo
    }
}
