import ServiceContextModule
import Synchronization

/// The trace context each running workflow's start headers carried, by run ID.
///
/// Signal, update and outbound calls of a run parent their spans on it, as the Python SDK parents
/// them on the context of `workflow.info().headers`. It is read from history (the start event), so
/// it is the same on every replay. The run's ``TracingInterceptor/executeWorkflow(_:context:next:)``
/// records it and removes it when the run returns.
final class WorkflowTraceContexts: Sendable {
    private let contexts = Mutex<[String: ServiceContext]>([:])

    func set(_ context: ServiceContext?, forRun runID: String) {
        contexts.withLock { $0[runID] = context }
    }

    func context(forRun runID: String) -> ServiceContext? {
        contexts.withLock { $0[runID] }
    }

    func remove(run runID: String) {
        _ = contexts.withLock { $0.removeValue(forKey: runID) }
    }
}
