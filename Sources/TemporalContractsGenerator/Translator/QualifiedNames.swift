/// The types generated code names from other modules, spelled with their module. Generated code
/// lives in a contract's namespace beside the contract's own types, and in a module with types of
/// its own: a contract type `Payload`, `RetryPolicy` or `Result`, or an app's `Client`, would
/// otherwise take the place of the runtime's or the standard library's type of that name.
enum QualifiedNames {
    /// The runtime module generated code imports.
    static let runtimeModule = "TemporalContracts"
    /// `TemporalContracts.WorkflowDefinition`.
    static func runtime(_ name: String) -> String { "\(runtimeModule).\(name)" }
    /// `Swift.String`.
    static func swift(_ name: String) -> String { "Swift.\(name)" }
    /// `Foundation.Date`.
    static func foundation(_ name: String) -> String { "Foundation.\(name)" }

    /// `Swift.Void`, the input or output of a handler that takes or returns nothing.
    static let void = swift("Void")
    static let string = swift("String")
    static let optionalString = swift("String") + "?"
    /// `any TemporalContracts.WorkflowContext`, and so on: the contexts handed to implementations.
    static let workflowContext = "any " + runtime("WorkflowContext")
    static let activityContext = "any " + runtime("ActivityContext")
    static let clientBackend = "any " + runtime("WorkflowClientBackend")
}
