/// A Swift implementation of a contract's workflow bound to its definition and to the
/// definitions of its signals, queries and updates, so an engine can run it by wire names and
/// payloads. Generated code builds one per workflow protocol as `registration`.
public struct WorkflowRegistration: Sendable {
    /// The workflow type name on the wire.
    public let name: String
    /// Former workflow type names the workflow is also registered under, so runs started under
    /// them keep running: the worker, the replayer and the test environment serve each of them.
    public let aliases: [String]
    /// The task queue the contract names for the workflow, if it names one: a worker serving
    /// only such registrations defaults to it.
    public let taskQueue: String?
    /// How the workflow's runs move between worker deployment versions (the contract's
    /// `versioningBehavior`), for a worker with worker versioning on.
    public internal(set) var versioningBehavior: WorkflowVersioningBehavior?
    /// Creates the instance that serves one execution.
    package let makeInstance: @Sendable () -> AnyObject
    /// Decodes the start input; the returned closure runs the workflow and encodes its result.
    package let run: @Sendable ([Payload], any PayloadConverter) throws -> WorkflowRun
    /// The handlers by wire name and by alias, so a message sent under a former name finds its
    /// handler without a lookup of its own.
    package let signals: [String: SignalHandler]
    package let queries: [String: QueryHandler]
    package let updates: [String: UpdateHandler]
    /// The handler names that are aliases, by kind, each with the wire name it stands for: the
    /// workflow's metadata lists current names only.
    package let signalAliases: [String: String]
    package let queryAliases: [String: String]
    package let updateAliases: [String: String]
    /// Whether the registration is a fallback that serves every workflow type the worker has no
    /// registration for (see `dynamic(_:run:signal:query:update:)`).
    public let isDynamic: Bool
    /// The fallbacks for signal, query and update names the handler tables lack: each makes a
    /// handler for the name it is given, so the name reaches the dynamic handler.
    package let dynamicSignal: (@Sendable (String) -> SignalHandler)?
    package let dynamicQuery: (@Sendable (String) -> QueryHandler)?
    package let dynamicUpdate: (@Sendable (String) -> UpdateHandler)?

    /// Runs the workflow on an instance and returns its encoded result.
    package typealias WorkflowRun = @Sendable (AnyObject, any WorkflowContext) async throws -> [Payload]

    /// Binds `implementation` to `definition` and its handlers: what a generated workflow
    /// protocol's `registration` calls (the `Generated` SPI, out of an app's completion lists).
    @_spi(Generated) public init<Workflow: AnyObject, Input, Output>(
        _ definition: WorkflowDefinition<Input, Output>,
        implementation: Workflow.Type,
        run: @escaping @Sendable (Workflow, Input, any WorkflowContext) async throws -> Output,
        handlers: (inout WorkflowHandlerTable<Workflow>) -> Void = { _ in }
    ) where Workflow: WorkflowImplementation {
        var table = WorkflowHandlerTable<Workflow>(workflowType: definition.name)
        handlers(&table)
        let handlerTable = table
        self.name = definition.name
        self.aliases = definition.aliases
        self.taskQueue = definition.defaults.taskQueue
        self.versioningBehavior = definition.defaults.versioningBehavior
        self.makeInstance = { Workflow() }
        // The returned closure lives as long as the run (a cached run holds it while it waits), so
        // it captures the output coding and the type name, not the whole definition.
        let outputCoding = definition.output
        let workflowType = definition.name
        self.run = { payloads, converter in
            let input = try definition.input.decodeArguments(payloads, using: converter)
            return { instance, context in
                let workflow = try WorkflowHandlerTable<Workflow>.cast(instance, workflowType: workflowType)
                let output = try await run(workflow, input, context)
                return try outputCoding.encode(output, using: context.payloadConverter)
            }
        }
        self.signals = handlerTable.signals
        self.queries = handlerTable.queries
        self.updates = handlerTable.updates
        self.signalAliases = handlerTable.signalAliases
        self.queryAliases = handlerTable.queryAliases
        self.updateAliases = handlerTable.updateAliases
        self.isDynamic = false
        self.dynamicSignal = nil
        self.dynamicQuery = nil
        self.dynamicUpdate = nil
    }

    /// The wire name followed by the aliases: every workflow type name the workflow answers to.
    public var names: [String] { [name] + aliases }

    /// A signal handler: decodes the input, then the returned closure runs the handler.
    package struct SignalHandler: Sendable {
        package let bind:
            @Sendable ([Payload], any PayloadConverter) throws -> @Sendable (AnyObject, any WorkflowContext) async throws -> Void
    }

    /// A query handler: decodes the input, then the returned closure answers synchronously.
    package struct QueryHandler: Sendable {
        package let bind:
            @Sendable ([Payload], any PayloadConverter) throws -> @Sendable (AnyObject, any WorkflowContext) throws -> [Payload]
    }

    /// An update handler with its optional validator, both on the decoded input.
    package struct UpdateHandler: Sendable {
        package let bind: @Sendable ([Payload], any PayloadConverter) throws -> BoundUpdate
    }

    /// An update whose input is decoded.
    package struct BoundUpdate: Sendable {
        /// Throws to reject the update before it is accepted.
        package let validate: (@Sendable (AnyObject, any WorkflowContext) throws -> Void)?
        package let run: @Sendable (AnyObject, any WorkflowContext) async throws -> [Payload]
    }
}

/// What generated workflow protocols require of an implementation so an engine can create it.
///
/// A workflow implementation is a class with an initializer that takes no arguments: the engine
/// creates one instance per run (and again on every replay of the run), before the run's input
/// is decoded, so the input arrives in `run`, not in `init`. Keep `init` free of side effects;
/// put dependencies an implementation needs into activities.
///
/// ```swift
/// public final class ProcessOrder: Orders.ProcessOrderWorkflow {
///     private var status: Orders.OrderStatus = .open
///     public init() {}
///     public func run(_ input: Orders.Order, context: any WorkflowContext) async throws -> Orders.OrderResult { … }
/// }
/// ```
public protocol WorkflowImplementation: AnyObject, SendableMetatype {
    /// Creates the instance that serves one run.
    init()
}

/// The signal, query and update handlers of a workflow implementation, filled in by generated
/// code when it builds a `WorkflowRegistration`.
@_spi(Generated) public struct WorkflowHandlerTable<Workflow: WorkflowImplementation>: Sendable {
    let workflowType: String
    var signals: [String: WorkflowRegistration.SignalHandler] = [:]
    var queries: [String: WorkflowRegistration.QueryHandler] = [:]
    var updates: [String: WorkflowRegistration.UpdateHandler] = [:]
    var signalAliases: [String: String] = [:]
    var queryAliases: [String: String] = [:]
    var updateAliases: [String: String] = [:]

    init(workflowType: String) {
        self.workflowType = workflowType
    }

    /// Dispatches the signal to `body`.
    public mutating func signal<Input>(
        _ definition: SignalDefinition<Input>,
        _ body: @escaping @Sendable (Workflow, Input, any WorkflowContext) async throws -> Void
    ) {
        let table = self
        let handler = WorkflowRegistration.SignalHandler { payloads, converter in
            let input = try definition.input.decodeArguments(payloads, using: converter)
            return { instance, context in try await body(try table.cast(instance), input, context) }
        }
        Self.register(handler, name: definition.name, aliases: definition.aliases, in: &signals, aliasTable: &signalAliases)
    }

    /// Dispatches the query to `body`.
    public mutating func query<Input, Output>(
        _ definition: QueryDefinition<Input, Output>,
        _ body: @escaping @Sendable (Workflow, Input, any WorkflowContext) throws -> Output
    ) {
        let table = self
        let handler = WorkflowRegistration.QueryHandler { payloads, converter in
            let input = try definition.input.decodeArguments(payloads, using: converter)
            return { instance, context in
                try definition.output.encode(try body(try table.cast(instance), input, context), using: context.payloadConverter)
            }
        }
        Self.register(handler, name: definition.name, aliases: definition.aliases, in: &queries, aliasTable: &queryAliases)
    }

    /// Dispatches the update to `body`, after `validator` when the contract asks for one.
    public mutating func update<Input, Output>(
        _ definition: UpdateDefinition<Input, Output>,
        validator: (@Sendable (Workflow, Input, any WorkflowContext) throws -> Void)? = nil,
        _ body: @escaping @Sendable (Workflow, Input, any WorkflowContext) async throws -> Output
    ) {
        let table = self
        let handler = WorkflowRegistration.UpdateHandler { payloads, converter in
            let input = try definition.input.decodeArguments(payloads, using: converter)
            let validate: (@Sendable (AnyObject, any WorkflowContext) throws -> Void)?
            if let validator {
                validate = { instance, context in try validator(try table.cast(instance), input, context) }
            } else {
                validate = nil
            }
            return WorkflowRegistration.BoundUpdate(
                validate: validate,
                run: { instance, context in
                    try definition.output.encode(try await body(try table.cast(instance), input, context), using: context.payloadConverter)
                }
            )
        }
        Self.register(handler, name: definition.name, aliases: definition.aliases, in: &updates, aliasTable: &updateAliases)
    }

    /// Files `handler` under its wire name and each alias. A wire name replaces whatever an
    /// earlier handler's alias put there, and an alias never replaces a wire name, so a handler
    /// renamed to another's former name wins over the alias.
    private static func register<Handler>(
        _ handler: Handler,
        name: String,
        aliases: [String],
        in handlers: inout [String: Handler],
        aliasTable: inout [String: String]
    ) {
        handlers[name] = handler
        aliasTable[name] = nil
        for alias in aliases where alias != name && (handlers[alias] == nil || aliasTable[alias] != nil) {
            handlers[alias] = handler
            aliasTable[alias] = name
        }
    }

    func cast(_ instance: AnyObject) throws -> Workflow {
        try Self.cast(instance, workflowType: workflowType)
    }

    /// The instance as `Workflow`, for closures that keep the type name rather than the table.
    static func cast(_ instance: AnyObject, workflowType: String) throws -> Workflow {
        guard let workflow = instance as? Workflow else {
            throw WorkflowRegistrationError(workflowType: workflowType, expected: "\(Workflow.self)", actual: "\(type(of: instance))")
        }
        return workflow
    }
}

/// An engine handed a registration an instance of another type; a bug in the engine, reported
/// rather than trapped.
public struct WorkflowRegistrationError: Error, CustomStringConvertible, Sendable {
    public let workflowType: String
    public let expected: String
    public let actual: String

    public var description: String {
        "workflow '\(workflowType)' expected an instance of \(expected), got \(actual)"
    }
}
