/// One contract after resolution and validation: the single model both formats share.
public struct ContractModel: Sendable {
    /// The file the contract was read from.
    public var file: String
    public var format: ContractFormat
    /// The contract's name, which becomes the Swift namespace.
    public var name: String
    /// Where the contract states its name (for `.proto` contracts: the service).
    public var nameLocation: SourceLocation
    public var taskQueue: String?
    /// What the contract is for, as its author describes it.
    public var description: String?
    public var types: [NamedType]
    public var workflows: [WorkflowModel]
    public var signals: [HandlerModel]
    public var queries: [HandlerModel]
    public var updates: [HandlerModel]
    public var activities: [ActivityModel]
    /// The search attributes the contract declares, with their index types.
    public var searchAttributes: [SearchAttributeModel] = []
    /// Names of the contracts this one imports, whose types it may use.
    public var importedContracts: [String]
    /// For `.proto` contracts: swift-protobuf's property name of each message field, by JSON name.
    public var protoFieldSwiftNames: [String: [String: String]] = [:]
    /// For `.proto` contracts: the shape of every message and enum the payloads reach, by full name.
    public var protoMessages: [String: ProtoMessageModel] = [:]

    public init(file: String, format: ContractFormat, name: String) {
        self.file = file
        self.format = format
        self.name = name
        self.nameLocation = SourceLocation(file: file)
        self.taskQueue = nil
        self.types = []
        self.workflows = []
        self.signals = []
        self.queries = []
        self.updates = []
        self.activities = []
        self.importedContracts = []
    }
}

/// Which kind of message a handler receives.
public enum HandlerKind: String, Sendable {
    case signal
    case query
    case update
}

/// A signal, query or update.
public struct HandlerModel: Sendable {
    public var kind: HandlerKind
    /// The name the contract uses for it (the key, or the `.proto` method name).
    public var key: String
    /// The name on the wire.
    public var wireName: String
    /// Former wire names that workers still answer to, so renames do not break running executions.
    public var aliases: [String] = []
    /// The contract that declares it.
    public var contract: String
    public var description: String?
    public var signature: HandlerSignature
    /// Updates only: the workflow has a validator that may reject the update before it is accepted.
    public var hasValidator: Bool
    /// Updates only: the stage a start waits for unless the call says.
    public var waitForStage: UpdateWaitStageModel?
    /// Updates only: the update ID computed from the input when the caller passes none.
    public var idTemplate: IDTemplate?
    public var location: SourceLocation

    public init(
        kind: HandlerKind,
        key: String,
        wireName: String,
        contract: String,
        description: String?,
        signature: HandlerSignature,
        hasValidator: Bool,
        location: SourceLocation
    ) {
        self.kind = kind
        self.key = key
        self.wireName = wireName
        self.contract = contract
        self.description = description
        self.signature = signature
        self.hasValidator = hasValidator
        self.location = location
    }
}

/// A workflow's use of a handler.
public struct HandlerUse: Sendable {
    public var handler: HandlerModel
    /// Generate signal-with-start or update-with-start.
    public var withStart: Bool
    /// Update-with-start only: the conflict policy when the call sets none (else the
    /// workflow's, else `useExisting`).
    public var idConflictPolicy: IDConflictPolicyModel?

    public init(handler: HandlerModel, withStart: Bool) {
        self.handler = handler
        self.withStart = withStart
    }
}

/// A workflow type.
public struct WorkflowModel: Sendable {
    public var key: String
    public var wireName: String
    /// Former workflow type names that workers still register, so executions started under them keep running.
    public var aliases: [String] = []
    public var description: String?
    public var signature: HandlerSignature
    public var signals: [HandlerUse]
    public var queries: [HandlerUse]
    public var updates: [HandlerUse]
    public var idTemplate: IDTemplate?
    /// The workflow's task queue, or the contract's default.
    public var taskQueue: String?
    public var executionTimeout: Duration?
    public var runTimeout: Duration?
    public var taskTimeout: Duration?
    public var retryPolicy: RetryPolicyModel?
    public var idReusePolicy: IDReusePolicyModel?
    public var idConflictPolicy: IDConflictPolicyModel?
    /// Whether starts ask for the first workflow task in the response, for a local worker.
    public var enableEagerStart: Bool?
    /// How runs move between worker deployment versions under worker versioning.
    public var versioningBehavior: VersioningBehaviorModel?
    /// As a child: what happens to it when its parent closes.
    public var parentClosePolicy: ParentClosePolicyModel?
    /// As a child: true waits for a cancelled child to end, false stops waiting at once.
    public var waitForCancellation: Bool?
    public var priority: PriorityModel?
    /// The static summary of each run (user metadata).
    public var summary: String?
    /// The static details of each run: the contract's `details`, else its description.
    public var details: String?
    /// Search attributes the client sets at start from input fields.
    public var searchAttributeMappings: [InputMappingModel] = []
    /// Memo entries the client sets at start from input fields.
    public var memoMappings: [InputMappingModel] = []
    public var location: SourceLocation

    public init(key: String, wireName: String, signature: HandlerSignature, location: SourceLocation) {
        self.key = key
        self.wireName = wireName
        self.signature = signature
        self.signals = []
        self.queries = []
        self.updates = []
        self.location = location
    }
}

/// An activity type.
public struct ActivityModel: Sendable {
    public var key: String
    public var wireName: String
    /// Former activity type names that workers still register.
    public var aliases: [String] = []
    public var description: String?
    public var signature: HandlerSignature
    public var taskQueue: String?
    public var scheduleToCloseTimeout: Duration?
    public var scheduleToStartTimeout: Duration?
    public var startToCloseTimeout: Duration?
    public var heartbeatTimeout: Duration?
    public var retryPolicy: RetryPolicyModel?
    /// True waits for a cancelled activity to acknowledge the cancellation.
    public var waitForCancellation: Bool?
    public var priority: PriorityModel?
    /// The summary of each scheduled activity (user metadata).
    public var summary: String?
    public var location: SourceLocation

    public init(key: String, wireName: String, signature: HandlerSignature, location: SourceLocation) {
        self.key = key
        self.wireName = wireName
        self.signature = signature
        self.location = location
    }
}
