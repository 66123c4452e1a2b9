import Foundation
import Logging
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

/// The run's main function, its signal and update handlers, and its end: each a task on the
/// run's executor, given the context.
extension WorkflowEngine {
    /// Workflow code's only way to spawn work: a task on the workflow executor.
    func spawn(_ body: @escaping () async -> Void) -> Task<Void, Never> {
        let body = UncheckedSendable(body)
        return Task(executorPreference: executor) { await body.value() }
    }

    func startMain(_ run: @escaping WorkflowRegistration.WorkflowRun, on instance: AnyObject) {
        let instance = UncheckedSendable(instance)
        mainTask = spawn { [self] in
            do {
                finish(.success(try await run(instance.value, context)))
            } catch {
                finish(.failure(error))
            }
        }
        // A cancel request recorded before the first workflow task finds no task to cancel.
        if cancelRequested { mainTask?.cancel() }
    }

    /// Ends the run with the command its outcome calls for.
    func finish(_ outcome: Result<[Payload], any Error>) {
        guard !context.isFinished else { return }
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
                if !error.headers.isEmpty { attributes.header = error.headers.apiHeader }
                if let timeout = error.options.runTimeout { attributes.workflowRunTimeout = timeout.protobufDuration }
                if let timeout = error.options.taskTimeout { attributes.workflowTaskTimeout = timeout.protobufDuration }
                if let policy = error.options.retryPolicy { attributes.retryPolicy = policy.apiRetryPolicy }
                carryProperties(into: &attributes)
                command.continueAsNewWorkflowExecutionCommandAttributes = attributes
            }
        case .failure(let error) where cancelRequested && error.isCancellation:
            command = Command(.cancelWorkflowExecution) { $0.cancelWorkflowExecutionCommandAttributes = .init() }
        case .failure(let error):
            if let taskError = error as? WorkflowTaskError {
                context.fail(taskError)
                return
            }
            let failure = dataConverter.failureConverter.failure(from: error)
            command = Command(.failWorkflowExecution) { $0.failWorkflowExecutionCommandAttributes.failure = failure.apiFailure }
        }
        context.issue(CompletionMachine(command: command))
        context.isFinished = true
        if case .success = outcome, !runningHandlers.isEmpty {
            let handlers = runningHandlers.sorted { $0.key < $1.key }.map(\.value).joined(separator: ", ")
            let warning =
                "workflow '\(info.workflowType)' (ID \(info.workflowID)) completed while handlers still ran: \(handlers); "
                + "wait for them with `context.condition` before returning"
            warnings.append(warning)
            if !context.isReplaying { baseLogger.warning("\(warning)") }
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

    func deliverSignal(_ name: String, input: [Payload], headers: [String: Payload] = [:]) {
        guard let instance = instance.map(UncheckedSendable.init) else { return }
        guard let handler = registration.signalHandler(named: name) else {
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
                try await context.intercepted(HandleSignalInput(signalName: name, arguments: input, headers: headers)) {
                    [self] interceptor, request, next in
                    try await interceptor.handleSignal(request, context: context, next: next)
                } terminal: { [self] request in
                    guard request.arguments != input else { return try await run(instance.value, context) }
                    let changed: @Sendable (AnyObject, any WorkflowContext) async throws -> Void
                    do {
                        changed = try handler.bind(request.arguments, dataConverter.payloadConverter)
                    } catch {
                        warn("signal '\(name)' was dropped: its input, as the interceptors changed it, does not decode: \(error)")
                        return
                    }
                    try await changed(instance.value, context)
                }
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
        guard !context.isFinished else {
            reject(
                request,
                because: ApplicationError("workflow '\(info.workflowType)' has finished", type: "WorkflowFinished", isNonRetryable: true)
            )
            return
        }
        guard let handler = registration.updateHandler(named: name) else {
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
        let arguments = [Payload](request.request.input.args)
        let updateInput = HandleUpdateInput(
            updateName: name,
            updateID: updateID,
            arguments: arguments,
            headers: [String: Payload](request.request.input.header)
        )
        do {
            update = try handler.bind(arguments, dataConverter.payloadConverter)
            if validate, update.validate != nil {
                try context.readOnly("validator of update '\(name)'") {
                    try context.interceptedSync(updateInput) { [self] interceptor, input, next in
                        try interceptor.validateUpdate(input, context: context, next: next)
                    } terminal: { [self] input in
                        let bound =
                            input.arguments == arguments ? update : try handler.bind(input.arguments, dataConverter.payloadConverter)
                        try bound.validate?(instance.value, context)
                    }
                }
            }
        } catch {
            reject(request, because: error)
            return
        }
        var acceptance = Temporal_Api_Update_V1_Acceptance()
        acceptance.acceptedRequestMessageID = request.messageID
        acceptance.acceptedRequestSequencingEventID = request.sequencingEventID
        acceptance.acceptedRequest = request.request
        context.issue(UpdateMessageMachine(message: message(updateID, "accept", acceptance), updateID: updateID, isCompletion: false))
        startHandler("update '\(name)' (ID \(updateID))") { [self] in
            var response = Temporal_Api_Update_V1_Response()
            response.meta = request.request.meta
            do {
                response.outcome.success = try await context.intercepted(updateInput) { [self] interceptor, input, next in
                    try await interceptor.handleUpdate(input, context: context, next: next)
                } terminal: { [self] input in
                    let bound = input.arguments == arguments ? update : try handler.bind(input.arguments, dataConverter.payloadConverter)
                    return try await bound.run(instance.value, context)
                }
                .apiPayloads
            } catch {
                response.outcome.failure = dataConverter.failureConverter.failure(from: error).apiFailure
            }
            context.issue(UpdateMessageMachine(message: message(updateID, "complete", response), updateID: updateID, isCompletion: true))
        }
    }

    private func reject(_ request: WorkflowUpdateRequest, because error: any Error) {
        guard !context.isReplaying else { return }
        var rejection = Temporal_Api_Update_V1_Rejection()
        rejection.rejectedRequestMessageID = request.messageID
        rejection.rejectedRequestSequencingEventID = request.sequencingEventID
        rejection.rejectedRequest = request.request
        rejection.failure = dataConverter.failureConverter.failure(from: error).apiFailure
        context.machines.send(message(request.protocolInstanceID, "reject", rejection))
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
        if !context.isReplaying { baseLogger.warning("\(warning)") }
    }
}
