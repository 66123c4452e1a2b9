extension ActivityRegistration {
    /// Runs one attempt through the worker's interceptors (first one outermost) and then the
    /// registration's `execute`; the arguments and headers the chain passes on are what the
    /// activity receives.
    package func execute(
        _ input: ExecuteActivityInput,
        context: any ActivityContext,
        interceptors: [any WorkerInterceptor]
    ) async throws -> [Payload] {
        try await Self.chain(interceptors[...], input, context, execute)
    }

    private static func chain(
        _ interceptors: ArraySlice<any WorkerInterceptor>,
        _ input: ExecuteActivityInput,
        _ context: any ActivityContext,
        _ execute: @escaping @Sendable ([Payload], any ActivityContext) async throws -> [Payload]
    ) async throws -> [Payload] {
        guard let interceptor = interceptors.first else { return try await execute(input.arguments, context) }
        return try await interceptor.executeActivity(input, context: context) { next in
            try await chain(interceptors.dropFirst(), next, context, execute)
        }
    }
}
