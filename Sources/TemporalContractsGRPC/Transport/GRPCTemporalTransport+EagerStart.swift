import TemporalAPI
import TemporalContracts

/// Eager workflow start: the first workflow task comes back in the start response and a worker
/// of this connection runs it at once, without the round trip through the task queue.
extension GRPCTemporalTransport {
    /// A local worker with a slot reserved for `request`'s first task, when the start asks for
    /// eager start and one is free. A delayed start cannot run eagerly (the server refuses it).
    func eagerWorker(for request: StartWorkflowRequest) -> (any EagerWorkflowTaskWorker)? {
        guard request.enableEagerStart, request.startDelay == nil else { return nil }
        return connection.eagerWorkflowWorkers.reserve(taskQueue: request.taskQueue)
    }

    /// Starts the workflow asking for its first task; hands the task to `worker`, or gives its
    /// slot back when the server sent none (the workflow was running already, or the server has
    /// eager start off and dispatches the task through the queue).
    func startWorkflow(
        _ request: StartWorkflowRequest,
        eagerlyOn worker: any EagerWorkflowTaskWorker
    ) async throws -> StartWorkflowResponse {
        var message = apiStartRequest(request)
        message.requestEagerExecution = true
        if let deployment = worker.eagerDeploymentOptions { message.eagerWorkerDeploymentOptions = deployment }
        let sent = message
        let response: Temporal_Api_Workflowservice_V1_StartWorkflowExecutionResponse
        do {
            response = try await connection.call("StartWorkflowExecution", retry: .idempotent) { service, metadata, options in
                try await service.startWorkflowExecution(sent, metadata: metadata, options: options)
            } mapError: { error in
                mapStartError(error, request: request)
            }
        } catch {
            worker.releaseEagerSlot()
            throw error
        }
        if response.hasEagerWorkflowTask, !response.eagerWorkflowTask.taskToken.isEmpty {
            worker.processEagerTask(response.eagerWorkflowTask)
        } else {
            worker.releaseEagerSlot()
        }
        return StartWorkflowResponse(runID: response.runID, started: response.started)
    }
}
