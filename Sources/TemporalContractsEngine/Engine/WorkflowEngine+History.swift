import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

extension WorkflowEngine {
    /// Applies the activation's events in order. Each `WorkflowTaskStarted` that history shows
    /// completed is replayed (its code runs, its commands are matched with the events that
    /// follow); the last one, when nothing follows it, is the task to answer now. A task that
    /// failed or timed out left no commands and is skipped.
    func apply(_ activation: WorkflowActivation) throws {
        let events = activation.events
        let currentTaskIndex = events.last?.eventType == .workflowTaskStarted ? events.count - 1 : nil
        // Events after the last replayed task lead to the current one: what they trigger is new.
        let lastReplayedTaskIndex = events.indices.last { index in
            events[index].eventType == .workflowTaskStarted && index + 1 < events.count
                && events[index + 1].eventType == .workflowTaskCompleted
        }
        for (index, event) in events.enumerated() {
            if event.eventType == .workflowTaskStarted {
                if index == currentTaskIndex {
                    try runWorkflowTask(startedBy: event, replaying: false, lookahead: [], updates: activation.updates)
                } else if index + 1 < events.count, events[index + 1].eventType == .workflowTaskCompleted {
                    let section = events[(index + 2)...].prefix { $0.recordedCommandType != nil }
                    try runWorkflowTask(startedBy: event, replaying: true, lookahead: Array(section), updates: [])
                }
                continue
            }
            context.isReplaying = currentTaskIndex == nil || index < (lastReplayedTaskIndex ?? -1)
            try apply(event)
        }
    }

    private func apply(_ event: HistoryEvent) throws {
        // An event type from a newer server: skipped when the server marks it ignorable, as the
        // Go SDK and sdk-core do; otherwise this version cannot know what it means for the run.
        if case .UNRECOGNIZED(let type) = event.eventType {
            guard event.workerMayIgnore else {
                throw WorkflowTaskError(
                    "the history has an event of type \(type), unknown to \(Self.sdkName) \(Self.sdkVersion) and not marked "
                        + "ignorable (worker_may_ignore); run this workflow on a newer version",
                    eventID: event.eventID
                )
            }
            return
        }
        if event.recordedCommandType != nil {
            try context.machines.match(event, info: info)
            return
        }
        if inCommandSection {
            inCommandSection = false
            try context.machines.checkAllRecorded(before: event, info: info)
        }
        switch event.attributes {
        case .workflowExecutionStartedEventAttributes(let attributes):
            try start(attributes, at: event)
        case .workflowTaskCompletedEventAttributes(let attributes):
            try checkFlags(attributes.sdkMetadata, at: event)
            inCommandSection = true
        case .workflowExecutionSignaledEventAttributes(let attributes):
            deliverSignal(attributes.signalName, input: [Payload](attributes.input), headers: [String: Payload](attributes.header))
        case .workflowExecutionCancelRequestedEventAttributes:
            guard !cancelRequested else { return }
            cancelRequested = true
            mainTask?.cancel()
        case .workflowExecutionTerminatedEventAttributes, .workflowExecutionTimedOutEventAttributes:
            tearDown()
        default:
            try context.machines.handle(event, info: info)
        }
    }

    private func start(_ attributes: Temporal_Api_History_V1_WorkflowExecutionStartedEventAttributes, at event: HistoryEvent) throws {
        context.info.workflowType = attributes.workflowType.name
        context.info.taskQueue = attributes.taskQueue.name
        context.info.attempt = Int(max(attributes.attempt, 1))
        context.info.firstRunID = attributes.firstExecutionRunID.isEmpty ? info.runID : attributes.firstExecutionRunID
        context.info.startTime = event.eventTime.date
        context.info.headers = [String: Payload](attributes.header)
        context.currentTime = event.eventTime.date
        context.startProperties(attributes)
        context.random = WorkflowRandom(
            seedFrom: attributes.originalExecutionRunID.isEmpty ? info.runID : attributes.originalExecutionRunID
        )
        // A run started under a former name (an alias) is the same workflow; `info.workflowType`
        // keeps the name it was started under, as the server reports it. A dynamic workflow
        // serves whatever type it was handed.
        guard registration.isDynamic || registration.names.contains(attributes.workflowType.name) else {
            throw WorkflowTaskError(
                "the history starts workflow type '\(attributes.workflowType.name)', not '\(registration.names.joined(separator: "' or '"))'",
                eventID: event.eventID
            )
        }
        instance = registration.makeInstance()
        do {
            let run = try registration.run([Payload](attributes.input), dataConverter.payloadConverter)
            pendingRun = intercepted(
                run,
                ExecuteWorkflowInput(
                    workflowType: attributes.workflowType.name,
                    arguments: [Payload](attributes.input),
                    headers: [String: Payload](attributes.header)
                )
            )
        } catch {
            throw WorkflowTaskError("the input of workflow '\(registration.name)' does not decode: \(error)", eventID: event.eventID)
        }
    }

    /// A task completed by a version of this SDK that used behaviour flags this one lacks would
    /// replay differently: refuse it rather than guess.
    private func checkFlags(_ metadata: Temporal_Api_Sdk_V1_WorkflowTaskCompletedMetadata, at event: HistoryEvent) throws {
        guard metadata.sdkName.isEmpty || metadata.sdkName == Self.sdkName else { return }
        let unknown = metadata.langUsedFlags.filter { !Self.supportedLanguageFlags.contains($0) }
        guard unknown.isEmpty else {
            throw WorkflowTaskError(
                "the history was written with SDK flags \(unknown) that \(Self.sdkName) \(Self.sdkVersion) does not know; "
                    + "run this workflow on the version that wrote it or a newer one",
                eventID: event.eventID
            )
        }
    }

    /// Runs the workflow code for one task, at the task's time.
    private func runWorkflowTask(
        startedBy event: HistoryEvent,
        replaying: Bool,
        lookahead: [HistoryEvent],
        updates: [WorkflowUpdateRequest]
    ) throws {
        context.isReplaying = replaying
        context.currentTime = event.eventTime.date
        context.lookaheadMarkers = lookahead.compactMap(MarkerRecord.init)
        if let run = pendingRun, let instance {
            pendingRun = nil
            startMain(run, on: instance)
        }
        if replaying {
            // Updates this task accepted, recorded by the events after it: run them again, as
            // they ran then, without their validators.
            for event in lookahead {
                guard case .workflowExecutionUpdateAcceptedEventAttributes(let attributes) = event.attributes else { continue }
                let request = WorkflowUpdateRequest(
                    protocolInstanceID: attributes.protocolInstanceID,
                    messageID: attributes.acceptedRequestMessageID,
                    sequencingEventID: attributes.acceptedRequestSequencingEventID,
                    request: attributes.acceptedRequest
                )
                deliverUpdate(request, validate: false)
            }
        } else {
            for update in updates { deliverUpdate(update, validate: true) }
        }
        try runUntilIdle()
        if replaying {
            try replayLocalActivityResults()
        } else {
            for state in context.localActivities.values.sorted(by: { $0.request.sequence < $1.request.sequence })
            where !state.handedOut && !state.result.isResolved {
                state.handedOut = true
                newLocalActivityRequests.append(state.request)
            }
        }
    }

    /// Resolves the local activities whose results this replayed task recorded, one at a time
    /// in the order of their markers, as they were resolved the first time.
    private func replayLocalActivityResults() throws {
        while let record = context.lookaheadMarkers.first(where: { record in
            guard case .localActivity(let sequence, _) = record.kind, let state = context.localActivities[sequence] else { return false }
            return !state.result.isResolved
        }) {
            guard case .localActivity(let sequence, _) = record.kind, let state = context.localActivities[sequence] else { return }
            context.resolveLocalActivity(state, with: record)
            try runUntilIdle()
        }
    }
}
