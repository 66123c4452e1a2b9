/// A workflow, handler or activity as Swift methods see it: its names, its parameters and how its
/// input is built from them, spelled from inside its contract's namespace and from outside.
struct SwiftCallable {
    /// The Swift member name, e.g. `chargeCard`.
    var name: String
    /// `ChargeCard`, for composed names such as `startChargeCard` or `ChargeCardHandle`.
    var stem: String
    /// The wire name, for doc comments.
    var wireName: String
    var doc: [String]
    /// The definition constant, e.g. `Activities.chargeCard`, or `Common.Signals.cancel` for a
    /// handler of an imported contract.
    var definition: String
    /// `definition` spelled from outside every namespace, e.g. `Orders.Activities.chargeCard`.
    var qualifiedDefinition: String
    /// `_ input: Payment`, `sku: String, quantity: Int32`, or nothing.
    var parameters: [SwiftParameter]
    var qualifiedParameters: [SwiftParameter]
    /// The definition's input type, `Swift.Void` for none.
    var inputType: String
    var qualifiedInputType: String
    /// The definition's output type; nil for none.
    var output: String?
    var qualifiedOutput: String?
    /// The definition's input value built from the parameters: `input`, `ShipOrderArguments(…)`, `()`.
    var inputExpression: SwiftCode
    /// Arguments that pass the parameters on: `input`, `sku: sku, quantity: quantity`, or none.
    var forwardArguments: [SwiftCode]
    /// Arguments that pass the fields of the definition's `input` value on, for registrations.
    var unpackedArguments: [SwiftCode]

    var hasInput: Bool { !parameters.isEmpty }
    /// `Swift.Void` for no output, for generic arguments.
    var outputType: String { output ?? QualifiedNames.void }
    var qualifiedOutputType: String { qualifiedOutput ?? QualifiedNames.void }
}
