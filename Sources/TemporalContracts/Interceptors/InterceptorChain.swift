/// Folds a list of interceptors around a call: the first one outermost, `terminal` innermost.
/// The client's, the workflow engine's and the activity worker's chains all run through it.
///
/// `step` picks the interceptor method that matches the call. The closures escape only so the
/// chain can hand them down (the exclusivity rule forbids capturing non-escaping ones); each runs
/// within the call, and the interceptors themselves receive non-escaping `next` closures.
package enum InterceptorChain {
    package static func run<Interceptor, Input, Output>(
        _ interceptors: ArraySlice<Interceptor>,
        _ input: Input,
        step: @escaping (Interceptor, Input, (Input) async throws -> Output) async throws -> Output,
        terminal: @escaping (Input) async throws -> Output
    ) async throws -> Output {
        guard let interceptor = interceptors.first else { return try await terminal(input) }
        return try await step(interceptor, input) { next in
            try await run(interceptors.dropFirst(), next, step: step, terminal: terminal)
        }
    }

    /// The synchronous chain: queries, update validators and continue-as-new.
    package static func runSync<Interceptor, Input, Output>(
        _ interceptors: ArraySlice<Interceptor>,
        _ input: Input,
        step: @escaping (Interceptor, Input, (Input) throws -> Output) throws -> Output,
        terminal: @escaping (Input) throws -> Output
    ) throws -> Output {
        guard let interceptor = interceptors.first else { return try terminal(input) }
        return try step(interceptor, input) { next in
            try runSync(interceptors.dropFirst(), next, step: step, terminal: terminal)
        }
    }
}
