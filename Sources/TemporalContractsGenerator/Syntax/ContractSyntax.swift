/// A contract file as written: names are still strings, references unresolved, every value
/// located. Both loaders (YAML and protobuf) produce this; the resolver turns it into the model.
public struct ContractSyntax: Sendable {
    /// The path the file was loaded from, as diagnostics print it.
    public var file: String
    /// The `contract:` format version.
    public var version: Located<Int>?
    public var name: Located<String>?
    public var taskQueue: Located<String>?
    /// What the contract is for, carried into the doc comment of its namespace.
    public var description: String?
    public var imports: [Located<String>] = []
    public var types: [TypeDeclarationSyntax] = []
    public var workflows: [WorkflowSyntax] = []
    public var signals: [HandlerSyntax] = []
    public var queries: [HandlerSyntax] = []
    public var updates: [HandlerSyntax] = []
    public var activities: [ActivitySyntax] = []
    /// The search attributes the contract declares (`searchAttributes:`).
    public var searchAttributes: [SearchAttributeDeclarationSyntax] = []
    /// Where the contract came from, which decides how payload types are rendered.
    public var format: ContractFormat
    /// For `.proto` contracts: the fields of each message by full name, for checking ID templates.
    public var protoMessageFields: [String: [PropertySyntax]] = [:]
    /// For `.proto` contracts: every message and enum the payloads reach, by full name.
    public var protoMessages: [String: ProtoMessageModel] = [:]
    /// The file could not be read as YAML at all; its one diagnostic says why, and nothing else is checked.
    public var isUnreadable = false

    public init(file: String, format: ContractFormat) {
        self.file = file
        self.format = format
    }

    /// The location of the file itself, for problems that concern all of it.
    public var fileLocation: SourceLocation { SourceLocation(file: file) }
}

/// The two contract formats.
public enum ContractFormat: String, Sendable, Codable {
    case yaml
    case proto
}

/// A named type under `types:`.
public struct TypeDeclarationSyntax: Sendable {
    public var name: Located<String>
    public var schema: SchemaNode

    public init(name: Located<String>, schema: SchemaNode) {
        self.name = name
        self.schema = schema
    }
}

/// What a handler takes: nothing, one input payload, or positional parameters (one payload each).
public enum InputSyntax: Sendable {
    case none
    case single(SchemaNode)
    case parameters([ParameterSyntax])
}

/// One positional parameter of a handler.
public struct ParameterSyntax: Sendable {
    public var name: Located<String>
    public var type: SchemaNode

    public init(name: Located<String>, type: SchemaNode) {
        self.name = name
        self.type = type
    }
}

/// A reference from a workflow to a signal, query or update it accepts.
public struct HandlerReferenceSyntax: Sendable {
    public var name: Located<String>
    /// Generate signal-with-start or update-with-start for this handler.
    public var withStart: Bool
    /// Updates only: overrides whether this workflow validates the update (`validate:`).
    public var validate: Bool?
    /// Updates only: the ID conflict policy of this update-with-start (`idConflictPolicy:`).
    public var idConflictPolicy: Located<String>?

    public init(name: Located<String>, withStart: Bool = false) {
        self.name = name
        self.withStart = withStart
    }
}

/// Retry policy fields shared by workflows and activities.
public struct RetryPolicySyntax: Sendable {
    public var initialInterval: Located<String>?
    public var backoffCoefficient: Located<Double>?
    public var maximumInterval: Located<String>?
    public var maximumAttempts: Located<Int>?
    public var nonRetryableErrorTypes: [Located<String>] = []
    public var location: SourceLocation

    public init(at location: SourceLocation) {
        self.location = location
    }
}

/// A signal, query or update declaration.
public struct HandlerSyntax: Sendable {
    /// The key under `signals:`/`queries:`/`updates:` (for `.proto`: the method name).
    public var key: Located<String>
    /// The wire name; defaults to the key.
    public var wireName: Located<String>?
    /// Former wire names (`aliases:`), still served by workers.
    public var aliases: [Located<String>] = []
    public var description: String?
    public var input: InputSyntax = .none
    public var output: SchemaNode?
    /// Updates only: generate a validator.
    public var validate: Bool = false
    /// Updates only: an update ID template.
    public var idTemplate: Located<String>?
    /// Updates only: the stage a start waits for by default (`waitForStage`).
    public var waitForStage: Located<String>?

    public init(key: Located<String>) {
        self.key = key
    }
}

/// A workflow declaration.
public struct WorkflowSyntax: Sendable {
    public var key: Located<String>
    public var wireName: Located<String>?
    /// Former wire names (`aliases:`), still served by workers.
    public var aliases: [Located<String>] = []
    public var description: String?
    public var input: InputSyntax = .none
    public var output: SchemaNode?
    public var signals: [HandlerReferenceSyntax] = []
    public var queries: [HandlerReferenceSyntax] = []
    public var updates: [HandlerReferenceSyntax] = []
    public var idTemplate: Located<String>?
    public var taskQueue: Located<String>?
    public var executionTimeout: Located<String>?
    public var runTimeout: Located<String>?
    public var taskTimeout: Located<String>?
    public var retryPolicy: RetryPolicySyntax?
    public var idReusePolicy: Located<String>?
    public var idConflictPolicy: Located<String>?
    /// Whether starts ask for the first workflow task in the response (`enableEagerStart:`).
    public var enableEagerStart: Bool?
    /// How runs move between worker deployment versions (`versioningBehavior:`).
    public var versioningBehavior: Located<String>?
    /// As a child: what happens to it when its parent closes.
    public var parentClosePolicy: Located<String>?
    /// As a child: whether cancelling the parent's wait waits for the child to end.
    public var waitForCancellation: Bool?
    public var priority: PrioritySyntax?
    /// Static user metadata the web UI shows for each run (`summary:`, `details:`).
    public var summary: Located<String>?
    public var details: Located<String>?
    /// Search attributes set at start from input fields (`searchAttributes:`).
    public var searchAttributes: [InputMappingSyntax] = []
    /// Memo entries set at start from input fields (`memo:`).
    public var memo: [InputMappingSyntax] = []

    public init(key: Located<String>) {
        self.key = key
    }
}

/// An activity declaration.
public struct ActivitySyntax: Sendable {
    public var key: Located<String>
    public var wireName: Located<String>?
    /// Former wire names (`aliases:`), still served by workers.
    public var aliases: [Located<String>] = []
    public var description: String?
    public var input: InputSyntax = .none
    public var output: SchemaNode?
    public var taskQueue: Located<String>?
    public var scheduleToCloseTimeout: Located<String>?
    public var scheduleToStartTimeout: Located<String>?
    public var startToCloseTimeout: Located<String>?
    public var heartbeatTimeout: Located<String>?
    public var retryPolicy: RetryPolicySyntax?
    /// Whether cancelling the workflow's wait waits for the activity to acknowledge it.
    public var waitForCancellation: Bool?
    public var priority: PrioritySyntax?
    /// The summary the web UI shows for each scheduled activity (`summary:`).
    public var summary: Located<String>?

    public init(key: Located<String>) {
        self.key = key
    }
}
