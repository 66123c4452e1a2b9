import Foundation
import Logging
import Metrics
import SwiftProtobuf
import TemporalAPI
import TemporalContractsConversion
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsGRPC

/// Runs one workflow task: finds or rebuilds the run's engine (cached run, sticky increment, or
/// a replay of the full history), applies the task's events and update messages, runs its local
/// activities (heartbeating the task while they run), answers the queries it carries, and
/// reports the commands and protocol messages — or the failure, on the task's first attempt.
struct WorkflowTaskProcessor: Sendable {
    typealias PollResponse = Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueResponse

    let connection: TemporalConnection
    let workflows: [String: WorkflowRegistration]
    let cache: WorkflowCache
    let localActivities: LocalActivityRunner
    let history: WorkflowHistoryFetcher
    let options: WorkflowWorkerOptions
    /// This worker's sticky queue; nil when sticky execution is off.
    let stickyQueue: String?
    let metrics: WorkflowWorkerMetrics
    /// The activity worker beside this one, which may take activities scheduled on its queue
    /// straight from the completion response.
    let eagerActivities: (any EagerActivities)?
    /// At most this many activities of one task are asked for eagerly, as sdk-core does.
    static let maxEagerActivitiesPerTask = 3

    func process(_ polled: PollResponse) async {
        let started = ContinuousClock.now
        let runID = polled.workflowExecution.runID
        var logger = options.logger
        logger[metadataKey: "workflow_id"] = "\(polled.workflowExecution.workflowID)"
        logger[metadataKey: "run_id"] = "\(runID)"
        logger[metadataKey: "workflow_type"] = "\(polled.workflowType.name)"
        metrics.taskStarted(polled)
        let cached = await cache.checkOut(runID)
        let kept = await process(polled, cached: cached, started: started, logger: logger)
        let evicted = await cache.checkIn(runID, kept)
        for entry in evicted { entry.engine.tearDown() }
        metrics.stickyCacheEvicted(evicted.count)
        metrics.taskLatency(workflowType: polled.workflowType.name, since: started)
    }

    /// Runs the task on the checked-out run, then each task the server returns with a completion;
    /// returns the entry to cache (nil evicts the run, whose engine is then torn down).
    ///
    /// Every completion asks for the next task (`return_new_workflow_task`, as sdk-core does): an
    /// update that arrived while the task ran then comes back at once as a speculative task, which
    /// leaves no event when its validator rejects it; without it the server turns the update into
    /// a normal, persisted workflow task.
    private func process(
        _ polled: PollResponse,
        cached: WorkflowCache.Entry?,
        started: ContinuousClock.Instant,
        logger: Logger
    ) async -> WorkflowCache.Entry? {
        var task = polled
        var entry = cached
        var started = started
        do {
            try await options.dataConverter.decodePayloads(in: &task)
            while true {
                if task.hasQuery {
                    try await answerLegacyQuery(task, cached: entry, logger: logger)
                    return entry
                }
                let (run, events) = try await engineAndEvents(for: task, cached: entry, logger: logger)
                if let cached = entry, cached !== run { cached.engine.tearDown() }
                entry = run
                let outcome = try await complete(task, run: run, events: events, started: started, logger: logger)
                if outcome.historyReset {
                    // The server discarded the speculative task (an update rejected): the engine has
                    // applied events that are gone from the history; the next task rebuilds the run.
                    logger.debug("speculative workflow task discarded; the run is rebuilt from history on its next task")
                    run.engine.tearDown()
                    entry = nil
                }
                guard var next = outcome.nextTask else {
                    if outcome.keepCached, let entry { return entry }
                    break
                }
                metrics.taskLatency(workflowType: task.workflowType.name, since: started)
                started = .now
                metrics.taskStarted(next)
                try await options.dataConverter.decodePayloads(in: &next)
                task = next
            }
        } catch let race as WorkflowTaskRace {
            // Not a failure (nothing is reported or counted): evicted below, the next task
            // replays the run from history.
            logger.log(
                level: race.kind == .unhandledCommand ? .debug : .info,
                "workflow task completion raced the server; evicting the run",
                metadata: ["reason": "\(race)", "event_id": "\(task.startedEventID)"]
            )
        } catch {
            await reportFailure(error, of: task, logger: logger)
        }
        entry?.engine.tearDown()
        return nil
    }

    /// The run's engine and the events to apply: the cached engine with the task's new events
    /// when they continue what it has applied, else a new engine with the whole history.
    private func engineAndEvents(
        for task: PollResponse,
        cached: WorkflowCache.Entry?,
        logger: Logger
    ) async throws -> (WorkflowCache.Entry, [Temporal_Api_History_V1_HistoryEvent]) {
        var events = task.history.events
        if !task.nextPageToken.isEmpty {
            events += try await history.events(of: task.workflowExecution, from: task.nextPageToken, through: task.startedEventID)
        }
        if let cached, let first = events.first, first.eventID == cached.lastEventID + 1 {
            metrics.stickyCacheHit()
            return (cached, events)
        }
        // Otherwise: a full history (the sticky queue timed out), or a gap or an old task: start over.
        if let cached, events.first?.eventID != 1 {
            logger.debug(
                "sticky task does not continue the cached run; replaying the full history",
                metadata: ["cached_through": "\(cached.lastEventID)", "task_from": "\(events.first?.eventID ?? 0)"]
            )
        }
        metrics.stickyCacheMiss()
        if let first = events.first, first.eventID != 1 {
            // The task's own events complete what the server has persisted: a speculative task's
            // scheduled and started events are in the task only, never in the stored history.
            events = try await history.events(of: task.workflowExecution, through: first.eventID - 1) + events
        }
        return (try makeEntry(for: task, startEvent: events.first), events)
    }

    func makeEntry(for task: PollResponse, startEvent: Temporal_Api_History_V1_HistoryEvent?) throws -> WorkflowCache.Entry {
        guard let registration = workflows.registration(forType: task.workflowType.name) else {
            throw WorkflowTaskError(
                "workflow type '\(task.workflowType.name)' is not registered on the worker of task queue '\(options.taskQueue)'; "
                    + "registered: \(workflows.keys.sorted().joined(separator: ", "))"
            )
        }
        let engine = WorkflowEngine(
            registration: registration,
            namespace: connection.options.namespace,
            workflowID: task.workflowExecution.workflowID,
            runID: task.workflowExecution.runID,
            dataConverter: options.dataConverter,
            logger: options.logger,
            interceptors: options.interceptors
        )
        let entry = WorkflowCache.Entry(engine: engine)
        if case .workflowExecutionStartedEventAttributes(let attributes)? = startEvent?.attributes, attributes.hasWorkflowTaskTimeout {
            entry.workflowTaskTimeout = Duration(attributes.workflowTaskTimeout)
        }
        if let startEvent, startEvent.hasEventTime { entry.startTime = startEvent.eventTime.date }
        return entry
    }

    /// What became of a completed task: whether its run stays cached, and the task the server
    /// returned with the completion, to run next on the same run.
    private struct CompletionOutcome {
        var keepCached: Bool
        var nextTask: PollResponse?
        /// The server discarded the task (a speculative one whose updates were all rejected) and
        /// rolled the history back (`reset_history_event_id`).
        var historyReset: Bool
    }

    /// Applies the task, runs its local activities and reports its completion.
    private func complete(
        _ task: PollResponse,
        run: WorkflowCache.Entry,
        events: [Temporal_Api_History_V1_HistoryEvent],
        started: ContinuousClock.Instant,
        logger: Logger
    ) async throws -> CompletionOutcome {
        let updates = try task.messages.map(WorkflowUpdateRequest.init(message:))
        // A run rebuilt from a history with earlier tasks replays them: its replay latency.
        let replaying = run.lastEventID == 0 && events.contains { $0.eventType == .workflowTaskCompleted }
        let activationStarted = ContinuousClock.now
        var result = try run.engine.activate(WorkflowActivation(events: events, updates: updates))
        if replaying { metrics.replayLatency(workflowType: task.workflowType.name, ContinuousClock.now - activationStarted) }
        run.lastEventID = events.last?.eventID ?? run.lastEventID
        var taskToken = task.taskToken
        if result.hasPendingLocalActivities || !result.localActivities.isEmpty {
            (result, taskToken) = try await runLocalActivities(
                of: run,
                first: result,
                taskToken: taskToken,
                started: started,
                logger: logger
            )
        }
        var request = completion(taskToken: taskToken, result: result)
        applyDeployment(to: &request, workflowType: task.workflowType.name)
        for (id, query) in task.queries {
            request.queryResults[id] = answer(query, on: run.engine)
        }
        try await options.dataConverter.encodePayloads(in: &request)
        let reserved = requestEagerExecution(in: &request)
        let sent = request
        let response: Temporal_Api_Workflowservice_V1_RespondWorkflowTaskCompletedResponse
        do {
            response = try await connection.call("RespondWorkflowTaskCompleted", retry: .idempotent) { service, metadata, options in
                try await service.respondWorkflowTaskCompleted(sent, metadata: metadata, options: options)
            }
        } catch {
            for _ in 0..<reserved { eagerActivities?.releaseSlot() }
            throw WorkflowTaskRace(error) ?? Self.searchAttributeError(error, in: sent) ?? error
        }
        for task in response.activityTasks { eagerActivities?.run(task) }
        for _ in response.activityTasks.count..<max(reserved, response.activityTasks.count) { eagerActivities?.releaseSlot() }
        // The engine logs its own warnings (once, not on replay); logging them here too doubled them.
        if result.isFinished {
            metrics.workflowFinished(workflowType: task.workflowType.name, commands: result.commands, startedAt: run.startTime)
        }
        let next = response.hasWorkflowTask && !response.workflowTask.taskToken.isEmpty ? response.workflowTask : nil
        return CompletionOutcome(
            keepCached: !result.isFinished && stickyQueue != nil,
            nextTask: result.isFinished ? nil : next,
            historyReset: response.resetHistoryEventID > 0
        )
    }

    /// The completion request for a task's result.
    func completion(
        taskToken: Data,
        result: WorkflowActivationResult
    ) -> Temporal_Api_Workflowservice_V1_RespondWorkflowTaskCompletedRequest {
        var request = Temporal_Api_Workflowservice_V1_RespondWorkflowTaskCompletedRequest()
        request.taskToken = taskToken
        request.namespace = connection.options.namespace
        request.identity = connection.options.identity
        request.commands = result.commands
        request.messages = result.messages
        request.returnNewWorkflowTask = !result.isFinished
        // A rejected update's speculative task is then discarded even when it carried events
        // (the completion's command events); the response says so and the run is rebuilt.
        request.capabilities.discardSpeculativeWorkflowTaskWithEvents = true
        request.sdkMetadata.sdkName = WorkflowEngine.sdkName
        request.sdkMetadata.sdkVersion = WorkflowEngine.sdkVersion
        if let stickyQueue, !result.isFinished {
            request.stickyAttributes.workerTaskQueue = Self.stickyTaskQueue(stickyQueue, normalName: options.taskQueue)
            request.stickyAttributes.scheduleToStartTimeout = options.stickyScheduleToStartTimeout.protobufDuration
        }
        return request
    }

    /// Marks activities the worker beside this one runs (on this queue, with a free slot) for
    /// eager execution; returns how many slots it reserved.
    private func requestEagerExecution(in request: inout Temporal_Api_Workflowservice_V1_RespondWorkflowTaskCompletedRequest) -> Int {
        guard let eagerActivities else { return 0 }
        var reserved = 0
        for index in request.commands.indices where reserved < Self.maxEagerActivitiesPerTask {
            guard case .scheduleActivityTaskCommandAttributes(var attributes) = request.commands[index].attributes,
                eagerActivities.runs(attributes.activityType.name, on: attributes.taskQueue.name),
                eagerActivities.reserveSlot()
            else { continue }
            attributes.requestEagerExecution = true
            request.commands[index].scheduleActivityTaskCommandAttributes = attributes
            reserved += 1
        }
        return reserved
    }

    static func stickyTaskQueue(_ name: String, normalName: String) -> Temporal_Api_Taskqueue_V1_TaskQueue {
        var queue = Temporal_Api_Taskqueue_V1_TaskQueue()
        queue.name = name
        queue.kind = .sticky
        queue.normalName = normalName
        return queue
    }

    /// Reports a task that could not be completed. Only the first attempt is reported: the
    /// server retries a failed task at once, and a failure that repeats would fill the history
    /// with identical events; later attempts time out quietly until the code is fixed.
    private func reportFailure(_ error: any Error, of task: PollResponse, logger: Logger) async {
        metrics.taskFailed(workflowType: task.workflowType.name, nondeterministic: error is NondeterminismError)
        // One error line per failure: the retries that repeat it log at debug.
        logger.log(
            level: task.attempt <= 1 ? .error : .debug,
            "workflow task failed",
            metadata: ["attempt": "\(task.attempt)", "error": "\(error)", "event_id": "\(task.startedEventID)"]
        )
        guard task.attempt <= 1, !task.hasQuery else { return }
        var request = Temporal_Api_Workflowservice_V1_RespondWorkflowTaskFailedRequest()
        request.taskToken = task.taskToken
        request.namespace = connection.options.namespace
        request.identity = connection.options.identity
        request.cause = error is NondeterminismError ? .nonDeterministicError : .workflowWorkerUnhandledFailure
        if let deployment = options.deployment { request.deploymentOptions = deployment.apiOptions }
        let failure = Failure(
            message: "\(error)",
            info: .application(type: String(describing: type(of: error)), nonRetryable: false, details: [], nextRetryDelay: nil)
        )
        request.failure = failure.apiFailure
        do {
            try await options.dataConverter.encodePayloads(in: &request)
            let sent = request
            _ = try await connection.call("RespondWorkflowTaskFailed", retry: .idempotent) { service, metadata, options in
                try await service.respondWorkflowTaskFailed(sent, metadata: metadata, options: options)
            }
        } catch {
            if let race = WorkflowTaskRace(error) {
                logger.info("workflow task failure not reported: the task is gone", metadata: ["reason": "\(race)"])
            } else {
                logger.error("could not report the workflow task failure", metadata: ["error": "\(error)"])
            }
        }
    }
}
