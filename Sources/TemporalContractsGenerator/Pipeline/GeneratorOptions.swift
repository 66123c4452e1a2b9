/// What to generate and how, shared by the CLI, its config file, the plugins and the protoc plugin.
public struct GeneratorOptions: Hashable, Sendable {
    /// The kinds of generated files.
    public enum Output: String, CaseIterable, Hashable, Sendable, Codable {
        /// Payload types (structs and enums with explicit wire names).
        case types
        /// Typed definitions of workflows, signals, queries, updates and activities.
        case definitions
        /// A client protocol, its implementation and a typed handle per workflow.
        case client
        /// A skeleton protocol per workflow, and workflow-side stubs for activities and child workflows.
        case workflows
        /// The activities protocol, registrable on a worker in one call.
        case activities
        /// A mock client and mock activities for tests.
        case mocks

        /// The outputs this one needs to compile.
        var requirements: Set<Output> {
            switch self {
            case .types: []
            case .definitions: [.types]
            case .client, .workflows, .activities: [.types, .definitions]
            case .mocks: [.types, .definitions, .client, .activities]
            }
        }

        var template: String {
            rawValue.prefix(1).uppercased() + rawValue.dropFirst()
        }
    }

    /// The access level of generated declarations.
    public enum AccessLevel: String, CaseIterable, Hashable, Sendable, Codable {
        case `public`
        case `package`
        case `internal`
    }

    /// How generated files are named.
    public enum FileNaming: String, CaseIterable, Hashable, Sendable, Codable {
        /// `Orders+Types.swift`, after the contract's name; imported contracts are generated too.
        case contract
        /// `orders+Types.swift`, after the contract file, for the given files only, and a file for
        /// every output kind even when it has nothing to declare: what a build plugin needs, as it
        /// must name its outputs before the generator runs.
        case inputFile = "input-file"
    }

    public var outputs: Set<Output>
    public var accessLevel: AccessLevel
    public var fileNaming: FileNaming = .contract
    /// The module of the swift-protobuf messages of `.proto` contracts, when it is not the target itself.
    public var protoMessagesModule: String?
    /// The module where another target generated this contract's other outputs (a test-support
    /// target generating `mocks` beside the app's target): the outputs are then exactly those
    /// selected, without the ones they need, and the generated files import that module.
    public var outputsModule: String?

    public init(
        outputs: Set<Output> = Set(Output.allCases),
        accessLevel: AccessLevel = .public,
        protoMessagesModule: String? = nil
    ) {
        self.outputs = outputs
        self.accessLevel = accessLevel
        self.protoMessagesModule = protoMessagesModule
    }
}
