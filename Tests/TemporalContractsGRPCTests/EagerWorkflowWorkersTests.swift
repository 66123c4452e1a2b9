import Synchronization
import TemporalAPI
import Testing

@testable import TemporalContractsGRPC

/// The connection's registry of workers that take eager workflow starts.
struct EagerWorkflowWorkersTests {
    /// A worker with a fixed number of slots that records what it is handed.
    final class SlotWorker: EagerWorkflowTaskWorker {
        private let state: Mutex<(free: Int, tasks: [String])>
        init(slots: Int) { state = Mutex((slots, [])) }

        var free: Int { state.withLock { $0.free } }
        var tasks: [String] { state.withLock { $0.tasks } }
        var eagerDeploymentOptions: Temporal_Api_Deployment_V1_WorkerDeploymentOptions? { nil }

        func reserveEagerSlot() -> Bool {
            state.withLock { state in
                guard state.free > 0 else { return false }
                state.free -= 1
                return true
            }
        }

        func releaseEagerSlot() { state.withLock { $0.free += 1 } }

        func processEagerTask(_ task: Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueResponse) {
            state.withLock { $0.tasks.append(task.workflowExecution.workflowID) }
        }
    }

    @Test func aWorkerIsReservedOnlyOnItsQueueAndWhileItHasAFreeSlot() {
        let registry = EagerWorkflowWorkers()
        let worker = SlotWorker(slots: 1)
        #expect(registry.reserve(taskQueue: "orders") == nil, "no worker registered")
        registry.register(worker, taskQueue: "orders")
        #expect(registry.reserve(taskQueue: "payments") == nil, "another queue")
        #expect(registry.reserve(taskQueue: "orders") === worker)
        #expect(worker.free == 0)
        #expect(registry.reserve(taskQueue: "orders") == nil, "its only slot is taken")
        worker.releaseEagerSlot()
        registry.unregister(worker, taskQueue: "orders")
        #expect(registry.reserve(taskQueue: "orders") == nil, "unregistered")
        #expect(worker.free == 1)
    }

    @Test func aBusyWorkerIsSkippedForAFreeOne() {
        let registry = EagerWorkflowWorkers()
        let busy = SlotWorker(slots: 0)
        let free = SlotWorker(slots: 1)
        registry.register(busy, taskQueue: "orders")
        registry.register(free, taskQueue: "orders")
        for _ in 0..<5 {
            #expect(registry.reserve(taskQueue: "orders") === free)
            free.releaseEagerSlot()
        }
    }
}
