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
            isReplaying = currentTaskIndex == nil || index < (lastReplayedTaskIndex ?? -1)
            try apply(event)
        }
    }

    private func apply(_ event: HistoryEvent) throws {
        if event.recordedCommandType != nil {
            try match(event)
            return
        }
        if inCommandSection {
            inCommandSection = false
            try checkAllCommandsMatched(before: event)
        }
        switch event.attributes {
        case .workflowExecutionStartedEventAttributes(let attributes):
            try start(attributes, at: event)
        case .workflowTaskCompletedEventAttributes(let attributes):
            try checkFlags(attributes.sdkMetadata, at: event)
            inCommandSection = true
        case .workflowExecutionSignaledEventAttributes(let attributes):
            deliverSignal(attributes.signalName, input: [Payload](attributes.input))
        case .workflowExecutionCancelRequestedEventAttributes:
            guard !cancelRequested else { return }
            cancelRequested = true
            mainTask?.cancel()
        case .workflowExecutionTerminatedEventAttributes, .workflowExecutionTimedOutEventAttributes:
            tearDown()
        default:
            if event.initiatingEventID != 0, let machine = machinesByEventID[event.initiatingEventID] {
                try transition(machine, at: event) { try machine.handle(event) }
            }
        }
    }

    private func start(_ attributes: Temporal_Api_History_V1_WorkflowExecutionStartedEventAttributes, at event: HistoryEvent) throws {
        info.workflowType = attributes.workflowType.name
        info.taskQueue = attributes.taskQueue.name
        info.attempt = Int(max(attributes.attempt, 1))
        info.firstRunID = attributes.firstExecutionRunID.isEmpty ? info.runID : attributes.firstExecutionRunID
        info.startTime = event.eventTime.date
        currentTime = event.eventTime.date
        random = WorkflowRandom(seedFrom: attributes.originalExecutionRunID.isEmpty ? info.runID : attributes.originalExecutionRunID)
        guard attributes.workflowType.name == registration.name else {
            throw WorkflowTaskError(
                "the history starts workflow type '\(attributes.workflowType.name)', not '\(registration.name)'",
                eventID: event.eventID
            )
        }
        instance = registration.makeInstance()
        do {
            pendingRun = try registration.run([Payload](attributes.input), dataConverter.payloadConverter)
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
        isReplaying = replaying
        currentTime = event.eventTime.date
        lookaheadMarkers = lookahead.compactMap(MarkerRecord.init)
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
            for state in localActivities.values.sorted(by: { $0.request.sequence < $1.request.sequence })
            where !state.handedOut && !state.result.isResolved {
                state.handedOut = true
                newLocalActivityRequests.append(state.request)
            }
        }
    }

    /// Resolves the local activities whose results this replayed task recorded, one at a time
    /// in the order of their markers, as they were resolved the first time.
    private func replayLocalActivityResults() throws {
        while let record = lookaheadMarkers.first(where: { record in
            guard case .localActivity(let sequence, _) = record.kind, let state = localActivities[sequence] else { return false }
            return !state.result.isResolved
        }) {
            guard case .localActivity(let sequence, _) = record.kind, let state = localActivities[sequence] else { return }
            resolveLocalActivity(state, with: record)
            try runUntilIdle()
        }
    }

    func resolveLocalActivity(_ state: LocalActivityState, with record: MarkerRecord) {
        issue(MarkerMachine(record: record))
        if let failure = record.failure {
            state.result.resolve(
                .failure(
                    ActivityError(
                        activityType: state.request.activityType,
                        activityID: state.request.activityID,
                        cause: error(from: failure)
                    )
                )
            )
        } else {
            state.result.resolve(.success(record.result))
        }
    }

    /// Matches a command event with the oldest unmatched command.
    private func match(_ event: HistoryEvent) throws {
        while let machine = unmatched.first {
            guard let difference = machine.mismatch(with: event) else {
                unmatched.removeFirst()
                try transition(machine, at: event) { try machine.record(event) }
                machinesByEventID[event.eventID] = machine
                return
            }
            // A deprecated patch may be gone from the code or missing from old histories.
            if let marker = machine as? MarkerMachine, marker.marker.isDeprecatedPatch {
                unmatched.removeFirst()
                try transition(machine, at: event) { try marker.skip() }
                continue
            }
            if MarkerRecord(event)?.isDeprecatedPatch == true { return }
            throw NondeterminismError(
                info: info,
                eventID: event.eventID,
                event: event.summary,
                command: machine.summary,
                difference: difference
            )
        }
        if MarkerRecord(event)?.isDeprecatedPatch == true { return }
        throw NondeterminismError(
            info: info,
            eventID: event.eventID,
            event: event.summary,
            command: nil,
            difference: "the workflow issued no command for it"
        )
    }

    private func checkAllCommandsMatched(before event: HistoryEvent) throws {
        for case let marker as MarkerMachine in unmatched where marker.marker.isDeprecatedPatch {
            try transition(marker, at: event) { try marker.skip() }
        }
        unmatched.removeAll { ($0 as? MarkerMachine)?.marker.isDeprecatedPatch == true }
        guard let machine = unmatched.first else { return }
        throw NondeterminismError(
            info: info,
            eventID: event.eventID,
            event: event.summary,
            command: machine.summary,
            difference: "the history recorded no event for this command before it"
        )
    }

    /// Runs a machine's transition; a transition its state does not allow fails the task:
    /// nondeterminism naming the event, or an internal error.
    private func transition(_ machine: any CommandMachine, at event: HistoryEvent, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch MachineError.unexpectedEvent(let unexpected, let state) {
            throw NondeterminismError(
                info: info,
                eventID: unexpected.eventID,
                event: unexpected.summary,
                command: machine.summary,
                difference: "the event cannot follow it in its state '\(state)'"
            )
        } catch MachineError.invalidTransition(let transition) {
            throw WorkflowTaskError("internal error in the workflow engine: \(transition)", eventID: event.eventID)
        }
    }

    /// A failure from history as a typed Swift error.
    func error(from failure: Temporal_Api_Failure_V1_Failure) -> any TemporalFailureError {
        dataConverter.failureConverter.error(from: Failure(failure))
    }
}

extension MarkerRecord {
    var isDeprecatedPatch: Bool {
        if case .patch(_, true) = kind { return true }
        return false
    }
}
