import Foundation
import Logging
import TemporalAPI
import TemporalContractsConversion
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsGRPC

extension WorkflowTaskProcessor {
    private enum LocalActivityEvent: Sendable {
        case finished(sequence: Int, outcome: LocalActivityOutcome)
        case heartbeatDue
    }

    /// Runs the task's local activities until none is pending, feeding each outcome back to the
    /// engine (which may ask for more). A workflow task must be answered within its timeout, so
    /// at 80 % of it the task is completed with the commands so far and a new one requested at
    /// once (`forceCreateNewWorkflowTask`); its events are applied and the activities go on.
    /// Returns the final result and the token of the task to complete with it.
    func runLocalActivities(
        of run: WorkflowCache.Entry,
        first: WorkflowActivationResult,
        taskToken: Data,
        started: ContinuousClock.Instant,
        logger: Logger
    ) async throws -> (WorkflowActivationResult, Data) {
        var result = first
        var taskToken = taskToken
        let heartbeatInterval = run.workflowTaskTimeout * 0.8
        var deadline = started + heartbeatInterval
        let (events, sink) = AsyncStream.makeStream(of: LocalActivityEvent.self)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            defer { group.cancelAll() }
            var pending = 0
            func start(_ requests: [LocalActivityRequest]) {
                for request in requests {
                    pending += 1
                    let info = run.engine.info
                    group.addTask { [localActivities] in
                        let outcome = await localActivities.run(request, workflow: info)
                        sink.yield(.finished(sequence: request.sequence, outcome: outcome))
                    }
                }
            }
            func scheduleHeartbeat(at instant: ContinuousClock.Instant) {
                group.addTask {
                    try? await Task.sleep(until: instant, clock: .continuous)
                    sink.yield(.heartbeatDue)
                }
            }
            start(result.localActivities)
            scheduleHeartbeat(at: deadline)
            for await event in events {
                switch event {
                case .finished(let sequence, let outcome):
                    pending -= 1
                    result = try run.engine.resolveLocalActivity(sequence: sequence, outcome: outcome)
                    start(result.localActivities)
                case .heartbeatDue:
                    guard ContinuousClock.now >= deadline, pending > 0 else { continue }
                    let next = try await heartbeat(run, result: result, taskToken: taskToken, logger: logger)
                    taskToken = next.taskToken
                    result = try run.engine.activate(WorkflowActivation(events: next.events, updates: next.updates))
                    run.lastEventID = next.events.last?.eventID ?? run.lastEventID
                    start(result.localActivities)
                    deadline = ContinuousClock.now + heartbeatInterval
                    scheduleHeartbeat(at: deadline)
                }
                if pending == 0 && !result.hasPendingLocalActivities { break }
            }
            return (result, taskToken)
        }
    }

    /// Completes the task with the commands so far and takes the next task of the run, which
    /// the server creates at once and returns in the response.
    private func heartbeat(
        _ run: WorkflowCache.Entry,
        result: WorkflowActivationResult,
        taskToken: Data,
        logger: Logger
    ) async throws -> (taskToken: Data, events: [Temporal_Api_History_V1_HistoryEvent], updates: [WorkflowUpdateRequest]) {
        var request = completion(taskToken: taskToken, result: result)
        applyDeployment(to: &request, workflowType: run.engine.info.workflowType)
        request.forceCreateNewWorkflowTask = true
        request.returnNewWorkflowTask = true
        try await options.dataConverter.encodePayloads(in: &request)
        let sent = request
        let response = try await connection.call("RespondWorkflowTaskCompleted", retry: .idempotent) { service, metadata, options in
            try await service.respondWorkflowTaskCompleted(sent, metadata: metadata, options: options)
        }
        guard response.hasWorkflowTask, !response.workflowTask.taskToken.isEmpty else {
            throw WorkflowTaskError("the server returned no new workflow task to continue the local activities in")
        }
        logger.debug("workflow task heartbeat while local activities run", metadata: ["commands": "\(result.commands.count)"])
        var next = response.workflowTask
        try await options.dataConverter.decodePayloads(in: &next)
        var events = next.history.events
        if !next.nextPageToken.isEmpty {
            events += try await history.events(of: next.workflowExecution, from: next.nextPageToken, through: next.startedEventID)
        }
        return (next.taskToken, events, try next.messages.map(WorkflowUpdateRequest.init(message:)))
    }
}
