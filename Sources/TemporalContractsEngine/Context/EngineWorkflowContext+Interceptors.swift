import Foundation
import TemporalContracts

/// Runs a call through the worker's interceptors, first listed outermost, down to the engine's
/// own implementation. Without interceptors the implementation runs directly.
extension EngineWorkflowContext {
    func intercepted<Input, Output>(
        _ input: Input,
        _ step: @escaping (any WorkerInterceptor, Input, (Input) async throws -> Output) async throws -> Output,
        terminal: @escaping (Input) async throws -> Output
    ) async throws -> Output {
        try await InterceptorChain.run(interceptors[...], input, step: step, terminal: terminal)
    }

    /// The synchronous chain: queries, update validators and continue-as-new.
    func interceptedSync<Input, Output>(
        _ input: Input,
        _ step: @escaping (any WorkerInterceptor, Input, (Input) throws -> Output) throws -> Output,
        terminal: @escaping (Input) throws -> Output
    ) throws -> Output {
        try InterceptorChain.runSync(interceptors[...], input, step: step, terminal: terminal)
    }
}
