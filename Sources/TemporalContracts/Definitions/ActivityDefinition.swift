/// An activity type of a contract: its wire name, how its input and result travel, and the
/// options the contract gives it.
public struct ActivityDefinition<Input: Sendable, Output: Sendable>: Sendable {
    /// The activity type name on the wire: what workflows schedule.
    public let name: String
    /// Former activity type names (the contract's `aliases`): workers run the activity under
    /// these too, so activities scheduled under an old name still run. Workflows never send them.
    public let aliases: [String]
    public let input: PayloadCoding<Input>
    public let output: PayloadCoding<Output>
    public let defaults: ActivityDefaults

    public init(
        name: String,
        aliases: [String] = [],
        input: PayloadCoding<Input>,
        output: PayloadCoding<Output>,
        defaults: ActivityDefaults = ActivityDefaults()
    ) {
        self.name = name
        self.aliases = aliases
        self.input = input
        self.output = output
        self.defaults = defaults
    }
}
