/// One activity a worker can run: its name and a function from payloads to payloads. Generated
/// `ActivityImplementations` protocols produce all of a contract's registrations in one value.
public struct ActivityRegistration: Sendable {
    /// The activity type name on the wire.
    public let name: String
    /// Former activity type names the worker also runs the activity under.
    public let aliases: [String]
    /// The defaults the activity's contract declares for callers.
    public let defaults: ActivityDefaults
    /// Whether the registration is a fallback that runs every activity type the worker has no
    /// registration for (see `dynamic(_:)`).
    public let isDynamic: Bool
    /// Runs the activity on encoded arguments and returns its encoded result.
    public let execute: @Sendable ([Payload], any ActivityContext) async throws -> [Payload]

    /// Binds a typed implementation to its definition; payloads are converted with the context's
    /// data converter.
    public init<Input, Output>(
        _ definition: ActivityDefinition<Input, Output>,
        _ implementation: @escaping @Sendable (Input, any ActivityContext) async throws -> Output
    ) {
        name = definition.name
        aliases = definition.aliases
        defaults = definition.defaults
        isDynamic = false
        execute = { payloads, context in
            let converter = context.dataConverter
            let input = try await converter.decodeArguments(payloads, with: definition.input)
            return try await converter.encode(try await implementation(input, context), with: definition.output)
        }
    }

    /// Files an activity whose arguments and result are already payloads.
    init(
        name: String,
        aliases: [String],
        defaults: ActivityDefaults,
        isDynamic: Bool,
        execute: @escaping @Sendable ([Payload], any ActivityContext) async throws -> [Payload]
    ) {
        self.name = name
        self.aliases = aliases
        self.defaults = defaults
        self.isDynamic = isDynamic
        self.execute = execute
    }

    /// The wire name followed by the aliases: every activity type name the activity answers to.
    public var names: [String] { [name] + aliases }
}
