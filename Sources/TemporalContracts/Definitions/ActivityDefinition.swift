/// An activity type of a contract: its wire name, how its input and result travel, and the
/// options the contract gives it.
public struct ActivityDefinition<Input: Sendable, Output: Sendable>: Sendable {
    /// The activity type name on the wire.
    public let name: String
    public let input: PayloadCoding<Input>
    public let output: PayloadCoding<Output>
    public let defaults: ActivityDefaults

    public init(
        name: String,
        input: PayloadCoding<Input>,
        output: PayloadCoding<Output>,
        defaults: ActivityDefaults = ActivityDefaults()
    ) {
        self.name = name
        self.input = input
        self.output = output
        self.defaults = defaults
    }
}
