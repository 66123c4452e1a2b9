extension ActivityRegistration {
    /// Runs one attempt through the worker's interceptors (first one outermost) and then the
    /// registration's `execute`; the arguments and headers the chain passes on are what the
    /// activity receives.
    package func execute(
        _ input: ExecuteActivityInput,
        context: any ActivityContext,
        interceptors: [any WorkerInterceptor]
    ) async throws -> [Payload] {
        let execute = self.execute
        return try await InterceptorChain.run(
            interceptors[...],
            input,
            step: { try await $0.executeActivity($1, context: context, next: $2) },
            terminal: { try await execute($0.arguments, context) }
        )
    }
}
