import Foundation
import TemporalContracts

/// Runs a call through the worker's interceptors, first listed outermost, down to the engine's
/// own implementation. Without interceptors the implementation runs directly. The closures
/// escape only so the chain can hand them down; each runs within the call.
extension EngineWorkflowContext {
    func intercepted<Input, Output>(
        _ input: Input,
        from index: Int = 0,
        _ step: @escaping (any WorkerInterceptor, Input, (Input) async throws -> Output) async throws -> Output,
        terminal: @escaping (Input) async throws -> Output
    ) async throws -> Output {
        guard index < interceptors.count else { return try await terminal(input) }
        return try await step(interceptors[index], input) { next in
            try await intercepted(next, from: index + 1, step, terminal: terminal)
        }
    }

    /// The synchronous chain: queries, update validators and continue-as-new.
    func interceptedSync<Input, Output>(
        _ input: Input,
        from index: Int = 0,
        _ step: @escaping (any WorkerInterceptor, Input, (Input) throws -> Output) throws -> Output,
        terminal: @escaping (Input) throws -> Output
    ) throws -> Output {
        guard index < interceptors.count else { return try terminal(input) }
        return try step(interceptors[index], input) { next in
            try interceptedSync(next, from: index + 1, step, terminal: terminal)
        }
    }
}
