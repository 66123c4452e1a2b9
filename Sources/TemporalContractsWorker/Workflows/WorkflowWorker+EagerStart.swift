import Synchronization
import TemporalAPI
import TemporalContractsGRPC

/// Eager workflow start: while the worker polls, clients on its connection that start a workflow
/// on its task queue with `enableEagerStart` get the first workflow task in the start response
/// and hand it here, when a task slot is free.
extension WorkflowWorker: EagerWorkflowTaskWorker {
    /// How many workflow tasks this worker took from start responses rather than from polls.
    public var eagerWorkflowTaskCount: Int { eagerTaskCounter.load(ordering: .relaxed) }

    package var eagerDeploymentOptions: Temporal_Api_Deployment_V1_WorkerDeploymentOptions? {
        options.deployment?.apiOptions
    }

    package func reserveEagerSlot() -> Bool {
        poller.slots.tryAcquire()
    }

    package func releaseEagerSlot() {
        poller.slots.release()
    }

    package func processEagerTask(_ task: Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueResponse) {
        if case .enqueued = eagerTasks.continuation.yield(task) {
            eagerTaskCounter.add(1, ordering: .relaxed)
        } else {
            // The worker stopped while the start was under way: the server gives the task to a
            // worker of the queue once the task's start-to-close timeout passes.
            releaseEagerSlot()
            options.logger.warning(
                "an eager workflow task arrived after the worker stopped; the server will retry it",
                metadata: ["workflow_id": "\(task.workflowExecution.workflowID)"]
            )
        }
    }

    /// Runs the tasks of eager starts until the worker stops taking them.
    func runEagerTasks() async {
        await withDiscardingTaskGroup { group in
            for await task in eagerTasks.stream {
                group.addTask { await self.runTask(task) }
            }
        }
    }

    /// Takes the worker off the connection's eager candidates and ends `runEagerTasks()` once the
    /// tasks already handed over have run.
    func stopTakingEagerTasks() {
        connection.eagerWorkflowWorkers.unregister(self, taskQueue: options.taskQueue)
        eagerTasks.continuation.finish()
    }
}
