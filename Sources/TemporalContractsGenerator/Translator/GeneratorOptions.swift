/// What to generate and how, shared by the CLI, its config file, the plugins and the protoc plugin.
public struct GeneratorOptions: Hashable, Sendable {
    /// The kinds of generated files.
    public enum Output: String, CaseIterable, Hashable, Sendable, Codable {
        /// Payload types (structs and enums with explicit wire names).
        case types
        /// Typed definitions of workflows, signals, queries, updates and activities.
        case definitions
    }

    /// The access level of generated declarations.
    public enum AccessLevel: String, CaseIterable, Hashable, Sendable, Codable {
        case `public`
        case `package`
        case `internal`
    }

    public var outputs: Set<Output>
    public var accessLevel: AccessLevel
    /// The module of the swift-protobuf messages of `.proto` contracts, when it is not the target itself.
    public var protoMessagesModule: String?

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
