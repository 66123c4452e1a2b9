extension ActivityRegistration {
    /// A fallback activity: runs every activity type the worker has no registration (or alias)
    /// for, like the `dynamic` activities of the other SDKs.
    ///
    /// `implementation` receives the activity type the caller scheduled and its raw arguments,
    /// with the context's payload converter to decode them; its result is encoded with the same
    /// converter. Register at most one per worker: a registered name always wins over it.
    ///
    /// ```swift
    /// .dynamic { input, context in
    ///     "\(input.name) got \(try input.decode(as: String.self))"
    /// }
    /// ```
    public static func dynamic<Output>(
        _ implementation: @escaping @Sendable (DynamicValues, any ActivityContext) async throws -> Output
    ) -> ActivityRegistration {
        ActivityRegistration(
            name: WorkflowRegistration.dynamicName,
            aliases: [],
            defaults: ActivityDefaults(),
            isDynamic: true
        ) { payloads, context in
            let converter = context.dataConverter
            let decoded = try await converter.decodeCodecs(payloads)
            let values = DynamicValues(name: context.info.activityType, payloads: decoded, converter: converter.payloadConverter)
            return try await converter.encodeCodecs([try converter.payloadConverter.toPayload(try await implementation(values, context))])
        }
    }
}

extension Dictionary where Key == String, Value == ActivityRegistration {
    /// The registration that runs `activityType`: the one registered under the name or an alias,
    /// else the dynamic fallback, if any.
    package func registration(forType activityType: String) -> ActivityRegistration? {
        self[activityType] ?? (activityType.isEmpty ? nil : self[WorkflowRegistration.dynamicName])
    }
}
