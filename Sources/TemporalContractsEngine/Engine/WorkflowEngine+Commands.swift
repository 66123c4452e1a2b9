import Foundation
import Logging
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

extension WorkflowEngine {
    /// Records a command: matched later with its history event, and sent unless replaying.
    func issue(_ machine: any CommandMachine) {
        if let operation = readOnlyOperation {
            readOnlyViolations.append("\(operation) issued \(machine.summary)")
            return
        }
        guard let activationThread, pthread_equal(activationThread, pthread_self()) != 0 else {
            fail(
                WorkflowTaskError(
                    "workflow code issued \(machine.summary) from outside the workflow executor (an unstructured or detached Task?)"
                )
            )
            return
        }
        guard !isFinished else { return }
        unmatched.append(machine)
        if !isReplaying {
            outbox.append(machine)
            if let message = machine.message { outgoingMessages.append(message) }
        }
    }

    /// Cancels the wait on `machine`: its cancel transition decides, by its state, whether the
    /// command is taken back, a cancel command is sent, or nothing is.
    func cancel(_ machine: any CancellableMachine) {
        switch machine.cancel() {
        case .none: break
        case .withdraw: withdraw(machine)
        case .issue(let cancellation): issue(cancellation)
        }
    }

    /// Takes back a command that has not reached the history (issued in this same task), so a
    /// cancellation before the server saw it costs nothing, in the first run and in replays.
    private func withdraw(_ machine: any CommandMachine) {
        unmatched.removeAll { $0 === machine }
        outbox.removeAll { $0 === machine }
    }

    /// Waits for `pending`; cancelling the waiting task runs `onCancel` on the engine's thread.
    func wait<Value>(_ pending: PendingResult<Value>, onCancel: @escaping () -> Void) async throws -> Value {
        let cancel = UncheckedSendable(onCancel)
        return try await withTaskCancellationHandler {
            try await pending.wait()
        } onCancel: {
            cancel.value()
        }
    }

    /// Stops the activation with a workflow task failure once the executor is drained.
    func fail(_ error: any Error) {
        if taskFailure == nil { taskFailure = error }
    }

    /// Workflow code's only way to spawn work: a task on the workflow executor.
    func spawn(_ body: @escaping () async -> Void) -> Task<Void, Never> {
        let body = UncheckedSendable(body)
        return Task(executorPreference: executor) { await body.value() }
    }

    func startMain(_ run: @escaping WorkflowRegistration.WorkflowRun, on instance: AnyObject) {
        let instance = UncheckedSendable(instance)
        mainTask = spawn { [self] in
            do {
                finish(.success(try await run(instance.value, self)))
            } catch {
                finish(.failure(error))
            }
        }
    }

    /// Ends the run with the command its outcome calls for.
    func finish(_ outcome: Result<[Payload], any Error>) {
        guard !isFinished else { return }
        let command: Command
        switch outcome {
        case .success(let payloads):
            command = Command(.completeWorkflowExecution) { $0.completeWorkflowExecutionCommandAttributes.result = payloads.apiPayloads }
        case .failure(let error as ContinueAsNewError):
            command = Command(.continueAsNewWorkflowExecution) { command in
                var attributes = Temporal_Api_Command_V1_ContinueAsNewWorkflowExecutionCommandAttributes()
                attributes.workflowType.name = error.workflowType
                attributes.taskQueue.name = error.options.taskQueue ?? info.taskQueue
                attributes.input = error.input.apiPayloads
                if let timeout = error.options.runTimeout { attributes.workflowRunTimeout = timeout.protobufDuration }
                if let timeout = error.options.taskTimeout { attributes.workflowTaskTimeout = timeout.protobufDuration }
                if let policy = error.options.retryPolicy { attributes.retryPolicy = policy.apiRetryPolicy }
                command.continueAsNewWorkflowExecutionCommandAttributes = attributes
            }
        case .failure(let error) where cancelRequested && error.isCancellation:
            command = Command(.cancelWorkflowExecution) { $0.cancelWorkflowExecutionCommandAttributes = .init() }
        case .failure(let error):
            if let taskError = error as? WorkflowTaskError {
                fail(taskError)
                return
            }
            let failure = dataConverter.failureConverter.failure(from: error)
            command = Command(.failWorkflowExecution) { $0.failWorkflowExecutionCommandAttributes.failure = failure.apiFailure }
        }
        issue(CompletionMachine(command: command))
        isFinished = true
        if case .success = outcome, !runningHandlers.isEmpty {
            let handlers = runningHandlers.sorted { $0.key < $1.key }.map(\.value).joined(separator: ", ")
            let warning =
                "workflow '\(info.workflowType)' (ID \(info.workflowID)) completed while handlers still ran: \(handlers); "
                + "wait for them with `context.condition` before returning"
            warnings.append(warning)
            if !isReplaying { baseLogger.warning("\(warning)") }
        }
    }

    /// Runs a signal or update handler as its own workflow task.
    func startHandler(_ description: String, _ body: @escaping () async -> Void) {
        nextHandlerID += 1
        let id = nextHandlerID
        runningHandlers[id] = description
        handlerTasks[id] = spawn { [self] in
            await body()
            runningHandlers[id] = nil
            handlerTasks[id] = nil
        }
    }

    func deliverSignal(_ name: String, input: [Payload]) {
        guard let instance = instance.map(UncheckedSendable.init) else { return }
        guard let handler = registration.signals[name] else {
            warn(
                "signal '\(name)' has no handler in workflow '\(info.workflowType)' and was dropped; it handles: \(registration.signals.keys.sorted())"
            )
            return
        }
        let run: @Sendable (AnyObject, any WorkflowContext) async throws -> Void
        do {
            run = try handler.bind(input, dataConverter.payloadConverter)
        } catch {
            warn("signal '\(name)' was dropped: its input does not decode: \(error)")
            return
        }
        startHandler("signal '\(name)'") { [self] in
            do {
                try await run(instance.value, self)
            } catch {
                finish(.failure(error))
            }
        }
    }

    /// Validates (unless replaying), accepts and runs an update, or rejects it without a trace
    /// in the history.
    func deliverUpdate(_ request: WorkflowUpdateRequest, validate: Bool) {
        let updateID = request.protocolInstanceID
        guard let instance = instance.map(UncheckedSendable.init), seenUpdateIDs.insert(updateID).inserted else { return }
        let name = request.request.input.name
        guard !isFinished else {
            reject(
                request,
                because: ApplicationError("workflow '\(info.workflowType)' has finished", type: "WorkflowFinished", isNonRetryable: true)
            )
            return
        }
        guard let handler = registration.updates[name] else {
            let known = registration.updates.keys.sorted().joined(separator: ", ")
            reject(
                request,
                because: ApplicationError(
                    "update '\(name)' is not handled by workflow '\(info.workflowType)' (it handles: \(known))",
                    type: "UnknownUpdate",
                    isNonRetryable: true
                )
            )
            return
        }
        let update: WorkflowRegistration.BoundUpdate
        do {
            update = try handler.bind([Payload](request.request.input.args), dataConverter.payloadConverter)
            if validate, let validator = update.validate {
                try readOnly("validator of update '\(name)'") { try validator(instance.value, self) }
            }
        } catch {
            reject(request, because: error)
            return
        }
        var acceptance = Temporal_Api_Update_V1_Acceptance()
        acceptance.acceptedRequestMessageID = request.messageID
        acceptance.acceptedRequestSequencingEventID = request.sequencingEventID
        acceptance.acceptedRequest = request.request
        issue(UpdateMessageMachine(message: message(updateID, "accept", acceptance), updateID: updateID, isCompletion: false))
        startHandler("update '\(name)' (ID \(updateID))") { [self] in
            var response = Temporal_Api_Update_V1_Response()
            response.meta = request.request.meta
            do {
                response.outcome.success = try await update.run(instance.value, self).apiPayloads
            } catch {
                response.outcome.failure = dataConverter.failureConverter.failure(from: error).apiFailure
            }
            issue(UpdateMessageMachine(message: message(updateID, "complete", response), updateID: updateID, isCompletion: true))
        }
    }

    private func reject(_ request: WorkflowUpdateRequest, because error: any Error) {
        guard !isReplaying else { return }
        var rejection = Temporal_Api_Update_V1_Rejection()
        rejection.rejectedRequestMessageID = request.messageID
        rejection.rejectedRequestSequencingEventID = request.sequencingEventID
        rejection.rejectedRequest = request.request
        rejection.failure = dataConverter.failureConverter.failure(from: error).apiFailure
        outgoingMessages.append(message(request.protocolInstanceID, "reject", rejection))
    }

    private func message(_ updateID: String, _ kind: String, _ body: some SwiftProtobuf.Message) -> Temporal_Api_Protocol_V1_Message {
        var message = Temporal_Api_Protocol_V1_Message()
        message.id = "\(updateID)/\(kind)"
        message.protocolInstanceID = updateID
        message.body = (try? Google_Protobuf_Any(message: body)) ?? Google_Protobuf_Any()
        return message
    }

    func warn(_ warning: String) {
        warnings.append(warning)
        if !isReplaying { baseLogger.warning("\(warning)") }
    }
}

extension Error {
    /// Whether the error reports a cancellation, directly or as an activity's or child's cause.
    var isCancellation: Bool {
        switch self {
        case is CancellationError, is CanceledError: true
        case let error as ActivityError: error.cause is CanceledError
        case let error as ChildWorkflowError: error.cause is CanceledError
        default: false
        }
    }
}

/// Hands a value that only the engine's thread touches to a task that runs on that thread.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
