// View models of the client, workflow, activity and mock files. As with the other view models,
// every string is decided in `SwiftTranslator+Surface.swift`.

/// A workflow, handler or activity as a Swift method: how it is declared and called.
struct CallableViewModel {
    var doc: [String]
    /// The Swift member name, e.g. `chargeCard`.
    var name: String
    /// `ChargeCard`, for composed names such as `startChargeCard`.
    var typeName: String
    /// The wire name, for doc comments.
    var wireName: String
    /// The definition constant, e.g. `Activities.chargeCard`.
    var definition: String
    /// `definition` spelled from outside every namespace, e.g. `Orders.Activities.chargeCard`.
    var qualifiedDefinition: String
    /// The name a registration closure gives the decoded input: `input`, or `_` for no input.
    var inputBinding: String
    /// Declared parameters: `_ input: Payment`, `sku: String, quantity: Int32`, or empty.
    var parameters: String
    /// `parameters` followed by `, ` when not empty, to append more parameters.
    var parametersThen: String
    /// The parameters one by one, for signatures written one parameter per line.
    var parameterList: [String]
    /// The definition's input value built from the parameters: `input`, `ShipOrderArguments(…)`, `()`.
    var inputExpression: String
    /// Arguments that pass the parameters on: `input`, `sku: sku, quantity: quantity`, or empty.
    var forwardArguments: String
    var forwardArgumentsThen: String
    /// Arguments that pass the fields of the definition's `input` value on, for registrations.
    var unpackedArguments: String
    var unpackedArgumentsThen: String
    var inputType: String
    var outputType: String
    /// ` -> Receipt`, or empty for no result.
    var returnClause: String
    var hasValidator: Bool
    var validatorName: String
    /// `parameters`, `inputType`, `outputType` and `returnClause` with every type qualified by its
    /// namespace, for extensions declared outside the namespace.
    var qualifiedParameters: String
    var qualifiedParametersThen: String
    var qualifiedInputType: String
    var qualifiedOutputType: String
    var qualifiedReturnClause: String
    /// The argument list of a one-argument stub closure: the input type, or nothing for no input.
    var stubClosureParameters: String
    /// How the stub method hands its closure to the mock: `body`, or an adapter for no input.
    var stubClosure: String
}

/// A workflow with its handle's members.
struct WorkflowSurfaceViewModel {
    var isFirst: Bool
    var callable: CallableViewModel
    var handleName: String
    var protocolName: String
    var signals: [CallableViewModel]
    var queries: [CallableViewModel]
    var updates: [CallableViewModel]
    /// Whether the workflow has any signal, query or update, so its registration lists handlers.
    var hasHandlers: Bool
    var signalsWithStart: [CallableViewModel]
    var updatesWithStart: [CallableViewModel]
    /// The `start…` and `execute…` declarations of the client protocol and of the mock client,
    /// as lines: one, or one parameter per line when long.
    var startRequirement: [String]
    var executeRequirement: [String]
    var mockStart: [String]
    var mockExecute: [String]
}

struct SurfaceViewModel {
    var file: FileViewModel
    var workflows: [WorkflowSurfaceViewModel]
    var hasWorkflows: Bool
    var activities: [CallableViewModel]
    var hasActivities: Bool
}
