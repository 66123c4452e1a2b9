import Foundation
import Logging
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsConversion

extension TestServer {
    /// Runs one workflow task on the execution's engine and writes what its completion
    /// changes: the events of its commands and protocol messages, then the buffered events.
    func runWorkflowTask(_ execution: TestExecution) async {
        let scheduledIndex = execution.events.lastIndex { $0.eventType == .workflowTaskScheduled } ?? execution.events.count - 1
        execution.workflowTaskScheduled = false
        execution.inWorkflowTask = true
        let scheduledEventID = execution.events[scheduledIndex].eventID
        let startedEventID = append(execution, .workflowTaskStarted) { event in
            event.workflowTaskStartedEventAttributes.scheduledEventID = scheduledEventID
            event.workflowTaskStartedEventAttributes.identity = "swift-test-environment"
        }
        let updates = execution.pendingUpdates
        execution.pendingUpdates.removeAll()
        // A task scheduled only for updates is speculative, as on the server: if every update
        // is rejected, it leaves no trace in the history.
        let speculative = execution.speculativeTask && !updates.isEmpty
        execution.speculativeTask = false
        let activation = WorkflowActivation(events: Array(execution.events[execution.deliveredEvents...]), updates: updates)
        execution.deliveredEvents = execution.events.count
        var result: WorkflowActivationResult
        do {
            let engine = try engine(for: execution)
            result = try engine.activate(activation)
            while !result.localActivities.isEmpty {
                for request in result.localActivities {
                    let outcome = await runLocalActivity(request, of: execution)
                    result = try engine.resolveLocalActivity(sequence: request.sequence, outcome: outcome)
                }
            }
        } catch {
            failWorkflowTask(execution, scheduledEventID: scheduledEventID, startedEventID: startedEventID, error: error)
            return
        }
        if speculative && result.commands.isEmpty && !result.messages.contains(where: \.isAcceptance) {
            execution.events.removeSubrange(scheduledIndex...)
            execution.deliveredEvents = execution.events.count
        } else {
            let completedEventID = append(execution, .workflowTaskCompleted) { event in
                event.workflowTaskCompletedEventAttributes.scheduledEventID = scheduledEventID
                event.workflowTaskCompletedEventAttributes.startedEventID = startedEventID
                event.workflowTaskCompletedEventAttributes.identity = "swift-test-environment"
            }
            for command in result.commands {
                apply(command, messages: result.messages, of: execution, completedEventID: completedEventID)
            }
        }
        for message in result.messages where message.isRejection {
            guard let rejection = try? Temporal_Api_Update_V1_Rejection(unpackingAny: message.body) else { continue }
            if let update = execution.updates[message.protocolInstanceID] {
                finishUpdate(update, .failure(Failure(rejection.failure)))
            }
        }
        execution.inWorkflowTask = false
        let buffered = execution.bufferedEvents
        execution.bufferedEvents.removeAll()
        for (type, fill) in buffered where execution.isOpen {
            append(execution, type, fill)
        }
        if execution.isOpen && (!buffered.isEmpty || !execution.pendingUpdates.isEmpty) {
            scheduleWorkflowTask(execution, speculative: buffered.isEmpty)
        }
    }

    private func engine(for execution: TestExecution) throws -> WorkflowEngine {
        if let engine = execution.engine { return engine }
        guard let registration = workflows.registration(forType: execution.workflowType) else {
            throw WorkflowTaskError(
                "workflow type '\(execution.workflowType)' is not registered in the test environment; registered: \(workflows.keys.sorted().joined(separator: ", "))"
            )
        }
        let engine = WorkflowEngine(
            registration: registration,
            namespace: namespace,
            workflowID: execution.workflowID,
            runID: execution.runID,
            dataConverter: dataConverter,
            logger: logger,
            interceptors: workerInterceptors
        )
        execution.engine = engine
        return engine
    }

    private func failWorkflowTask(_ execution: TestExecution, scheduledEventID: Int64, startedEventID: Int64, error: any Error) {
        append(execution, .workflowTaskFailed) { event in
            event.workflowTaskFailedEventAttributes.scheduledEventID = scheduledEventID
            event.workflowTaskFailedEventAttributes.startedEventID = startedEventID
            event.workflowTaskFailedEventAttributes.cause =
                error is NondeterminismError ? .nonDeterministicError : .workflowWorkerUnhandledFailure
            event.workflowTaskFailedEventAttributes.failure =
                Failure(
                    message: "\(error)",
                    source: "SwiftSDK",
                    info: .application(type: "\(type(of: error))", nonRetryable: false, details: [], nextRetryDelay: nil)
                ).apiFailure
        }
        execution.inWorkflowTask = false
        execution.bufferedEvents.removeAll()
        execution.taskFailure = error
        execution.engine?.tearDown()
        execution.engine = nil
        logger.error("workflow task of '\(execution.workflowType)' (ID \(execution.workflowID)) failed: \(error)")
        wakeOutcomeWaiters(execution)
    }

    // swiftlint:disable:next function_body_length
    private func apply(
        _ command: Temporal_Api_Command_V1_Command,
        messages: [Temporal_Api_Protocol_V1_Message],
        of execution: TestExecution,
        completedEventID: Int64
    ) {
        switch command.attributes {
        case .scheduleActivityTaskCommandAttributes(let attributes):
            let scheduledEventID = append(execution, .activityTaskScheduled) { event in
                var scheduled = Temporal_Api_History_V1_ActivityTaskScheduledEventAttributes()
                scheduled.activityID = attributes.activityID
                scheduled.activityType = attributes.activityType
                scheduled.taskQueue = attributes.taskQueue
                scheduled.input = attributes.input
                scheduled.scheduleToCloseTimeout = attributes.scheduleToCloseTimeout
                scheduled.scheduleToStartTimeout = attributes.scheduleToStartTimeout
                scheduled.startToCloseTimeout = attributes.startToCloseTimeout
                scheduled.heartbeatTimeout = attributes.heartbeatTimeout
                scheduled.retryPolicy = attributes.retryPolicy
                if attributes.hasPriority { scheduled.priority = attributes.priority }
                scheduled.workflowTaskCompletedEventID = completedEventID
                event.activityTaskScheduledEventAttributes = scheduled
                if command.hasUserMetadata { event.userMetadata = command.userMetadata }
            }
            startActivity(attributes, scheduledEventID: scheduledEventID, of: execution)
        case .requestCancelActivityTaskCommandAttributes(let attributes):
            append(execution, .activityTaskCancelRequested) { event in
                event.activityTaskCancelRequestedEventAttributes.scheduledEventID = attributes.scheduledEventID
                event.activityTaskCancelRequestedEventAttributes.workflowTaskCompletedEventID = completedEventID
            }
            if let attempt = execution.activities[attributes.scheduledEventID] {
                attempt.cancellation.set()
                attempt.task.cancel()
            }
        case .startTimerCommandAttributes(let attributes):
            let startedEventID = append(execution, .timerStarted) { event in
                event.timerStartedEventAttributes.timerID = attributes.timerID
                event.timerStartedEventAttributes.startToFireTimeout = attributes.startToFireTimeout
                if command.hasUserMetadata { event.userMetadata = command.userMetadata }
                event.timerStartedEventAttributes.workflowTaskCompletedEventID = completedEventID
            }
            let fireAt = now.addingTimeInterval(attributes.startToFireTimeout.timeInterval)
            timers.append(PendingTimer(fireAt: fireAt, execution: execution, timerID: attributes.timerID, startedEventID: startedEventID))
        case .cancelTimerCommandAttributes(let attributes):
            let started = timers.first { $0.execution === execution && $0.timerID == attributes.timerID }
            append(execution, .timerCanceled) { event in
                event.timerCanceledEventAttributes.timerID = attributes.timerID
                event.timerCanceledEventAttributes.startedEventID = started?.startedEventID ?? 0
                event.timerCanceledEventAttributes.workflowTaskCompletedEventID = completedEventID
            }
            timers.removeAll { $0.execution === execution && $0.timerID == attributes.timerID }
        case .recordMarkerCommandAttributes(let attributes):
            append(execution, .markerRecorded) { event in
                event.markerRecordedEventAttributes.markerName = attributes.markerName
                event.markerRecordedEventAttributes.details = attributes.details
                if attributes.hasFailure { event.markerRecordedEventAttributes.failure = attributes.failure }
                event.markerRecordedEventAttributes.workflowTaskCompletedEventID = completedEventID
            }
        case .completeWorkflowExecutionCommandAttributes(let attributes):
            append(execution, .workflowExecutionCompleted) { event in
                event.workflowExecutionCompletedEventAttributes.result = attributes.result
                event.workflowExecutionCompletedEventAttributes.workflowTaskCompletedEventID = completedEventID
            }
            close(execution, .completed([Payload](attributes.result)), status: .completed)
        case .failWorkflowExecutionCommandAttributes(let attributes):
            append(execution, .workflowExecutionFailed) { event in
                event.workflowExecutionFailedEventAttributes.failure = attributes.failure
                event.workflowExecutionFailedEventAttributes.workflowTaskCompletedEventID = completedEventID
            }
            close(execution, .failed(Failure(attributes.failure)), status: .failed)
        case .cancelWorkflowExecutionCommandAttributes(let attributes):
            append(execution, .workflowExecutionCanceled) { event in
                event.workflowExecutionCanceledEventAttributes.details = attributes.details
                event.workflowExecutionCanceledEventAttributes.workflowTaskCompletedEventID = completedEventID
            }
            close(execution, .canceled(details: [Payload](attributes.details)), status: .canceled)
        case .continueAsNewWorkflowExecutionCommandAttributes(let attributes):
            continueAsNew(execution, attributes, completedEventID: completedEventID)
        case .startChildWorkflowExecutionCommandAttributes(let attributes):
            let initiatedEventID = append(execution, .startChildWorkflowExecutionInitiated) { event in
                var initiated = Temporal_Api_History_V1_StartChildWorkflowExecutionInitiatedEventAttributes()
                initiated.namespace = attributes.namespace
                initiated.workflowID = attributes.workflowID
                initiated.workflowType = attributes.workflowType
                initiated.taskQueue = attributes.taskQueue
                initiated.input = attributes.input
                if attributes.hasHeader { initiated.header = attributes.header }
                initiated.parentClosePolicy = attributes.parentClosePolicy
                if attributes.hasPriority { initiated.priority = attributes.priority }
                initiated.workflowTaskCompletedEventID = completedEventID
                event.startChildWorkflowExecutionInitiatedEventAttributes = initiated
                if command.hasUserMetadata { event.userMetadata = command.userMetadata }
            }
            startChild(attributes, initiatedEventID: initiatedEventID, of: execution)
        case .signalExternalWorkflowExecutionCommandAttributes(let attributes):
            let initiatedEventID = append(execution, .signalExternalWorkflowExecutionInitiated) { event in
                var initiated = Temporal_Api_History_V1_SignalExternalWorkflowExecutionInitiatedEventAttributes()
                initiated.namespace = attributes.namespace
                initiated.workflowExecution = attributes.execution
                initiated.signalName = attributes.signalName
                initiated.input = attributes.input
                if attributes.hasHeader { initiated.header = attributes.header }
                initiated.workflowTaskCompletedEventID = completedEventID
                event.signalExternalWorkflowExecutionInitiatedEventAttributes = initiated
            }
            signalExternal(attributes, initiatedEventID: initiatedEventID, from: execution)
        case .requestCancelExternalWorkflowExecutionCommandAttributes(let attributes):
            let initiatedEventID = append(execution, .requestCancelExternalWorkflowExecutionInitiated) { event in
                var initiated = Temporal_Api_History_V1_RequestCancelExternalWorkflowExecutionInitiatedEventAttributes()
                initiated.namespace = attributes.namespace
                initiated.workflowExecution.workflowID = attributes.workflowID
                initiated.workflowExecution.runID = attributes.runID
                initiated.childWorkflowOnly = attributes.childWorkflowOnly
                initiated.workflowTaskCompletedEventID = completedEventID
                event.requestCancelExternalWorkflowExecutionInitiatedEventAttributes = initiated
            }
            cancelExternal(attributes, initiatedEventID: initiatedEventID, from: execution)
        case .upsertWorkflowSearchAttributesCommandAttributes(let attributes):
            upsertSearchAttributes(attributes, of: execution, completedEventID: completedEventID)
        case .modifyWorkflowPropertiesCommandAttributes(let attributes):
            modifyProperties(attributes, of: execution, completedEventID: completedEventID)
        case .protocolMessageCommandAttributes(let attributes):
            guard let message = messages.first(where: { $0.id == attributes.messageID }) else { return }
            applyUpdateMessage(message, of: execution, completedEventID: completedEventID)
        default:
            logger.warning("the test environment ignores command \(command.commandType)")
        }
    }

    private func applyUpdateMessage(_ message: Temporal_Api_Protocol_V1_Message, of execution: TestExecution, completedEventID: Int64) {
        let updateID = message.protocolInstanceID
        if let acceptance = try? Temporal_Api_Update_V1_Acceptance(unpackingAny: message.body), message.isAcceptance {
            append(execution, .workflowExecutionUpdateAccepted) { event in
                var accepted = Temporal_Api_History_V1_WorkflowExecutionUpdateAcceptedEventAttributes()
                accepted.protocolInstanceID = updateID
                accepted.acceptedRequestMessageID = acceptance.acceptedRequestMessageID
                accepted.acceptedRequestSequencingEventID = acceptance.acceptedRequestSequencingEventID
                accepted.acceptedRequest = acceptance.acceptedRequest
                event.workflowExecutionUpdateAcceptedEventAttributes = accepted
            }
            if let update = execution.updates[updateID] {
                update.accepted = true
                wakeUpdateWaiters(update)
            }
        } else if let response = try? Temporal_Api_Update_V1_Response(unpackingAny: message.body) {
            let acceptedEventID =
                execution.events.last { $0.workflowExecutionUpdateAcceptedEventAttributes.protocolInstanceID == updateID }?.eventID ?? 0
            append(execution, .workflowExecutionUpdateCompleted) { event in
                event.workflowExecutionUpdateCompletedEventAttributes.meta = response.meta
                event.workflowExecutionUpdateCompletedEventAttributes.outcome = response.outcome
                event.workflowExecutionUpdateCompletedEventAttributes.acceptedEventID = acceptedEventID
            }
            if let update = execution.updates[updateID] {
                switch response.outcome.value {
                case .failure(let failure): finishUpdate(update, .failure(Failure(failure)))
                case .success(let payloads): finishUpdate(update, .success([Payload](payloads)))
                case nil: finishUpdate(update, .success([]))
                }
            }
        }
    }

    private func continueAsNew(
        _ execution: TestExecution,
        _ attributes: Temporal_Api_Command_V1_ContinueAsNewWorkflowExecutionCommandAttributes,
        completedEventID: Int64
    ) {
        let taskQueue = attributes.taskQueue.name.isEmpty ? execution.taskQueue : attributes.taskQueue.name
        let next = startRun(
            workflowID: execution.workflowID,
            workflowType: attributes.workflowType.name,
            taskQueue: taskQueue,
            input: [Payload](attributes.input),
            firstRunID: execution.firstRunID,
            continuedFrom: execution.runID,
            parent: execution.parent
        ) { started in
            // The next run starts with what the command carries, as on the server.
            if attributes.hasMemo { started.memo = attributes.memo }
            if attributes.hasSearchAttributes { started.searchAttributes = attributes.searchAttributes }
            if attributes.hasHeader { started.header = attributes.header }
        }
        append(execution, .workflowExecutionContinuedAsNew) { event in
            var continued = Temporal_Api_History_V1_WorkflowExecutionContinuedAsNewEventAttributes()
            continued.newExecutionRunID = next.runID
            continued.workflowType = attributes.workflowType
            continued.taskQueue.name = taskQueue
            continued.input = attributes.input
            if attributes.hasHeader { continued.header = attributes.header }
            continued.workflowTaskCompletedEventID = completedEventID
            event.workflowExecutionContinuedAsNewEventAttributes = continued
        }
        execution.continuedRunID = next.runID
        // The parent hears from the last run of the chain, not this one.
        execution.parent = nil
        close(execution, .completed([]), status: .continuedAsNew)
        scheduleWorkflowTask(next)
    }

    private func startChild(
        _ attributes: Temporal_Api_Command_V1_StartChildWorkflowExecutionCommandAttributes,
        initiatedEventID: Int64,
        of parent: TestExecution
    ) {
        let namespace = namespace
        if let existing = latestRuns[attributes.workflowID], existing.isOpen {
            appendOrBuffer(parent, .startChildWorkflowExecutionFailed) { event in
                event.startChildWorkflowExecutionFailedEventAttributes.namespace = namespace
                event.startChildWorkflowExecutionFailedEventAttributes.workflowID = attributes.workflowID
                event.startChildWorkflowExecutionFailedEventAttributes.workflowType = attributes.workflowType
                event.startChildWorkflowExecutionFailedEventAttributes.cause = .workflowAlreadyExists
                event.startChildWorkflowExecutionFailedEventAttributes.initiatedEventID = initiatedEventID
            }
            return
        }
        let child = startRun(
            workflowID: attributes.workflowID,
            workflowType: attributes.workflowType.name,
            taskQueue: attributes.taskQueue.name.isEmpty ? parent.taskQueue : attributes.taskQueue.name,
            input: [Payload](attributes.input),
            parent: (parent, initiatedEventID)
        ) { started in
            started.searchAttributes = attributes.searchAttributes
            started.memo = attributes.memo
            if attributes.hasHeader { started.header = attributes.header }
        }
        child.parentClosePolicy = attributes.parentClosePolicy
        scheduleWorkflowTask(child)
        appendOrBuffer(parent, .childWorkflowExecutionStarted) { event in
            event.childWorkflowExecutionStartedEventAttributes.namespace = namespace
            event.childWorkflowExecutionStartedEventAttributes.initiatedEventID = initiatedEventID
            event.childWorkflowExecutionStartedEventAttributes.workflowExecution.workflowID = child.workflowID
            event.childWorkflowExecutionStartedEventAttributes.workflowExecution.runID = child.runID
            event.childWorkflowExecutionStartedEventAttributes.workflowType = attributes.workflowType
        }
    }

    private func signalExternal(
        _ attributes: Temporal_Api_Command_V1_SignalExternalWorkflowExecutionCommandAttributes,
        initiatedEventID: Int64,
        from source: TestExecution
    ) {
        let target = WorkflowExecution(
            workflowID: attributes.execution.workflowID,
            runID: attributes.execution.runID.isEmpty ? nil : attributes.execution.runID
        )
        let namespace = namespace
        guard let execution = try? execution(target), execution.isOpen else {
            appendOrBuffer(source, .signalExternalWorkflowExecutionFailed) { event in
                event.signalExternalWorkflowExecutionFailedEventAttributes.initiatedEventID = initiatedEventID
                event.signalExternalWorkflowExecutionFailedEventAttributes.namespace = namespace
                event.signalExternalWorkflowExecutionFailedEventAttributes.workflowExecution = attributes.execution
                event.signalExternalWorkflowExecutionFailedEventAttributes.cause = .externalWorkflowExecutionNotFound
            }
            return
        }
        appendOrBuffer(execution, .workflowExecutionSignaled) { event in
            event.workflowExecutionSignaledEventAttributes.signalName = attributes.signalName
            event.workflowExecutionSignaledEventAttributes.input = attributes.input
            if attributes.hasHeader { event.workflowExecutionSignaledEventAttributes.header = attributes.header }
            event.workflowExecutionSignaledEventAttributes.identity = "swift-test-environment"
        }
        appendOrBuffer(source, .externalWorkflowExecutionSignaled) { event in
            event.externalWorkflowExecutionSignaledEventAttributes.initiatedEventID = initiatedEventID
            event.externalWorkflowExecutionSignaledEventAttributes.namespace = namespace
            event.externalWorkflowExecutionSignaledEventAttributes.workflowExecution = attributes.execution
        }
    }

    private func cancelExternal(
        _ attributes: Temporal_Api_Command_V1_RequestCancelExternalWorkflowExecutionCommandAttributes,
        initiatedEventID: Int64,
        from source: TestExecution
    ) {
        let target = WorkflowExecution(workflowID: attributes.workflowID, runID: attributes.runID.isEmpty ? nil : attributes.runID)
        let namespace = namespace
        guard let execution = try? execution(target), execution.isOpen else {
            appendOrBuffer(source, .requestCancelExternalWorkflowExecutionFailed) { event in
                event.requestCancelExternalWorkflowExecutionFailedEventAttributes.initiatedEventID = initiatedEventID
                event.requestCancelExternalWorkflowExecutionFailedEventAttributes.namespace = namespace
                event.requestCancelExternalWorkflowExecutionFailedEventAttributes.workflowExecution.workflowID = attributes.workflowID
                event.requestCancelExternalWorkflowExecutionFailedEventAttributes.cause = .externalWorkflowExecutionNotFound
            }
            return
        }
        requestCancellation(of: execution, reason: "requested by workflow \(source.workflowID)")
        appendOrBuffer(source, .externalWorkflowExecutionCancelRequested) { event in
            event.externalWorkflowExecutionCancelRequestedEventAttributes.initiatedEventID = initiatedEventID
            event.externalWorkflowExecutionCancelRequestedEventAttributes.namespace = namespace
            event.externalWorkflowExecutionCancelRequestedEventAttributes.workflowExecution.workflowID = attributes.workflowID
        }
    }

    func requestCancellation(of execution: TestExecution, reason: String) {
        guard execution.isOpen, !execution.cancelRequested else { return }
        execution.cancelRequested = true
        appendOrBuffer(execution, .workflowExecutionCancelRequested) { event in
            event.workflowExecutionCancelRequestedEventAttributes.cause = reason
            event.workflowExecutionCancelRequestedEventAttributes.identity = "swift-test-environment"
        }
    }
}

extension Temporal_Api_Protocol_V1_Message {
    var isAcceptance: Bool { body.isA(Temporal_Api_Update_V1_Acceptance.self) }
    var isRejection: Bool { body.isA(Temporal_Api_Update_V1_Rejection.self) }
}
