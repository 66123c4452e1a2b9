import Synchronization
import TemporalAPI

/// A workflow worker in this process that can run a workflow's first task straight from the
/// start response (eager workflow start): it reserves a task slot before the start is sent, and
/// either runs the task the response carries or gives the slot back.
package protocol EagerWorkflowTaskWorker: AnyObject, Sendable {
    /// The deployment options the worker polls with, sent with an eager start so the server
    /// dispatches the task to the worker's deployment version; nil for an unversioned worker.
    var eagerDeploymentOptions: Temporal_Api_Deployment_V1_WorkerDeploymentOptions? { get }
    /// Takes a free workflow task slot without waiting; false when none is free or the worker is
    /// stopping.
    func reserveEagerSlot() -> Bool
    /// Gives back a slot reserved for a start whose response carried no task.
    func releaseEagerSlot()
    /// Runs the task of a start response on the reserved slot, then releases it.
    func processEagerTask(_ task: Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueResponse)
}

/// The workflow workers of one connection, by task queue, that can take eager workflow starts.
///
/// A worker registers while it polls. A client on the same connection that starts a workflow
/// with eager start on asks for the first task in the response only when a worker of the task
/// queue has a free slot: the start then never waits for a worker that cannot take the task.
/// Sharing the connection also means sharing the namespace, which the server requires.
package final class EagerWorkflowWorkers: Sendable {
    private struct Entry {
        let worker: any EagerWorkflowTaskWorker
        let id: ObjectIdentifier
    }

    private let workers = Mutex<[String: [Entry]]>([:])

    package init() {}

    /// Makes `worker` a candidate for eager starts on `taskQueue`.
    package func register(_ worker: any EagerWorkflowTaskWorker, taskQueue: String) {
        workers.withLock { $0[taskQueue, default: []].append(Entry(worker: worker, id: ObjectIdentifier(worker))) }
    }

    /// Removes `worker` from the candidates of `taskQueue`.
    package func unregister(_ worker: any EagerWorkflowTaskWorker, taskQueue: String) {
        workers.withLock { workers in
            workers[taskQueue]?.removeAll { $0.id == ObjectIdentifier(worker) }
            if workers[taskQueue]?.isEmpty == true { workers[taskQueue] = nil }
        }
    }

    /// A worker of `taskQueue` with a slot reserved for the start, or nil when none has one free.
    /// The workers are tried from a random one on, so eager starts spread over them, as the Go
    /// SDK's dispatcher does.
    package func reserve(taskQueue: String) -> (any EagerWorkflowTaskWorker)? {
        let candidates = workers.withLock { $0[taskQueue] ?? [] }
        guard !candidates.isEmpty else { return nil }
        let first = Int.random(in: 0..<candidates.count)
        for offset in 0..<candidates.count {
            let worker = candidates[(first + offset) % candidates.count].worker
            if worker.reserveEagerSlot() { return worker }
        }
        return nil
    }
}
