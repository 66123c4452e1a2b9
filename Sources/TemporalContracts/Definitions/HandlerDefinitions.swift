/// A signal a workflow accepts.
public struct SignalDefinition<Input: Sendable>: Sendable {
    /// The signal name on the wire: what clients send.
    public let name: String
    /// Former signal names (the contract's `aliases`): workflows handle these too, so senders
    /// that still use an old name keep working. Clients never send them.
    public let aliases: [String]
    public let input: PayloadCoding<Input>

    public init(name: String, aliases: [String] = [], input: PayloadCoding<Input>) {
        self.name = name
        self.aliases = aliases
        self.input = input
    }
}

/// A query a workflow answers.
public struct QueryDefinition<Input: Sendable, Output: Sendable>: Sendable {
    /// The query name on the wire: what clients send.
    public let name: String
    /// Former query names (the contract's `aliases`): workflows answer these too, so callers
    /// that still use an old name keep working. Clients never send them.
    public let aliases: [String]
    public let input: PayloadCoding<Input>
    public let output: PayloadCoding<Output>

    public init(name: String, aliases: [String] = [], input: PayloadCoding<Input>, output: PayloadCoding<Output>) {
        self.name = name
        self.aliases = aliases
        self.input = input
        self.output = output
    }
}

/// An update a workflow handles.
public struct UpdateDefinition<Input: Sendable, Output: Sendable>: Sendable {
    /// The update name on the wire: what clients send.
    public let name: String
    /// Former update names (the contract's `aliases`): workflows handle these too, so callers
    /// that still use an old name keep working. Clients never send them.
    public let aliases: [String]
    public let input: PayloadCoding<Input>
    public let output: PayloadCoding<Output>
    /// Whether the workflow validates the update before accepting it.
    public let hasValidator: Bool
    /// The stage `startUpdate` waits for when the call's ``UpdateOptions/waitFor`` is nil (the
    /// contract's `waitForStage`); nil for ``UpdateWaitStage/accepted``.
    public let waitForStage: UpdateWaitStage?
    /// The update ID from the input (the contract's update `id` template), used when the call's
    /// ``UpdateOptions/id`` is nil; without one, clients send a random UUID.
    public let makeID: (@Sendable (Input, WorkflowIDSource) throws -> String)?

    public init(
        name: String,
        aliases: [String] = [],
        input: PayloadCoding<Input>,
        output: PayloadCoding<Output>,
        hasValidator: Bool = false,
        waitForStage: UpdateWaitStage? = nil,
        makeID: (@Sendable (Input, WorkflowIDSource) throws -> String)? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.input = input
        self.output = output
        self.hasValidator = hasValidator
        self.waitForStage = waitForStage
        self.makeID = makeID
    }
}
