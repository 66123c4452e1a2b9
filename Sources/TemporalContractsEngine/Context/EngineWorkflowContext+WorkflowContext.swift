import Foundation
import Logging
import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

/// Every call of workflow code turns into commands, through their machines, and waits resolved
/// from history.
extension EngineWorkflowContext: WorkflowContext {
    var now: Date { currentTime }
    var payloadConverter: any PayloadConverter { dataConverter.payloadConverter }
    var logger: Logger { workflowLogger }

    func randomUInt64() -> UInt64 {
        draw("a random number") { $0.next() }
    }

    func uuid() -> UUID {
        draw("a UUID") { $0.nextUUID() }
    }

    /// Draws from the run's random source; a query or validator draws from a copy, and fails.
    private func draw<Value>(_ what: String, _ body: (inout WorkflowRandom) -> Value) -> Value {
        guard let operation = readOnlyOperation else { return body(&random) }
        readOnlyViolations.append("\(operation) drew \(what)")
        var copy = random
        return body(&copy)
    }

    func sleep(for duration: Duration) async throws {
        try await sleep(for: duration, summary: nil)
    }

    func sleep(for duration: Duration, summary: String?) async throws {
        guard duration > .zero else { return }
        try checkNotCancelled()
        try await intercepted(StartTimerInput(duration: duration, summary: summary)) { interceptor, input, next in
            try await interceptor.startTimer(input, context: self, next: next)
        } terminal: { [self] input in
            try await startTimer(input)
        }
    }

    private func startTimer(_ input: StartTimerInput) async throws {
        let id = Sequences.next(&sequences.timer)
        let metadata = try userMetadata(summary: input.summary, details: nil)
        let timer = TimerMachine(
            command: Command(.startTimer) { command in
                command.startTimerCommandAttributes.timerID = "\(id)"
                command.startTimerCommandAttributes.startToFireTimeout = input.duration.protobufDuration
                if let metadata { command.userMetadata = metadata }
            }
        )
        issue(timer)
        let fired = try await wait(timer.fired) { [self] in cancel(timer) }
        if !fired { throw CanceledError("timer canceled") }
    }

    func condition(timeout: Duration?, _ predicate: @escaping () -> Bool) async throws -> Bool {
        if predicate() { return true }
        try checkNotCancelled()
        guard let timeout else {
            try await waitFor(predicate)
            return true
        }
        return try await condition(racing: timeout, predicate)
    }

    /// As the other SDKs do: a timer races the predicate, the loser is cancelled. Apart from
    /// `condition(timeout:_:)` so the task group's state is not in the async frame of every
    /// condition without a timeout, which a waiting run keeps for as long as it waits.
    private func condition(racing timeout: Duration, _ predicate: @escaping () -> Bool) async throws -> Bool {
        let predicate = UncheckedSendable(predicate)
        return try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await self.waitFor(predicate.value); return true
            }
            group.addTask {
                try await self.sleep(for: timeout); return false
            }
            let first = try await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    private func waitFor(_ predicate: @escaping () -> Bool) async throws {
        let waiter = ConditionWaiter(predicate: predicate)
        conditions.append(waiter)
        try await wait(waiter.satisfied) { [self] in
            conditions.removeAll { $0 === waiter }
            waiter.satisfied.resolve(.failure(CanceledError("condition canceled")))
        }
    }

    func executeActivity<Input, Output>(
        _ activity: ActivityDefinition<Input, Output>,
        input: Input,
        options: ActivityOptions
    ) async throws -> Output {
        try checkNotCancelled()
        let request = ScheduleActivityInput(
            activityType: activity.name,
            arguments: try activity.input.encode(input, using: payloadConverter),
            options: options.merged(with: activity.defaults)
        )
        let result = try await intercepted(request) { interceptor, input, next in
            try await interceptor.scheduleActivity(input, context: self, next: next)
        } terminal: { [self] input in
            try await scheduleActivity(input)
        }
        return try activity.output.decode(result, using: payloadConverter)
    }

    private func scheduleActivity(_ input: ScheduleActivityInput) async throws -> [Payload] {
        let options = input.options
        guard options.startToCloseTimeout != nil || options.scheduleToCloseTimeout != nil else {
            throw ApplicationError(
                "activity '\(input.activityType)' needs a start-to-close or schedule-to-close timeout: set one in the contract or in ActivityOptions",
                type: "InvalidActivityOptions",
                isNonRetryable: true
            )
        }
        let priority = try Self.validated(options.priority, of: "activity '\(input.activityType)'")
        let metadata = try userMetadata(summary: options.summary, details: nil)
        let sequence = Sequences.next(&sequences.activity)
        let machine = ActivityMachine(
            command: Command(.scheduleActivityTask) { command in
                var attributes = Temporal_Api_Command_V1_ScheduleActivityTaskCommandAttributes()
                attributes.activityID = options.activityID ?? "\(sequence)"
                attributes.activityType.name = input.activityType
                attributes.taskQueue.name = options.taskQueue ?? info.taskQueue
                attributes.input = input.arguments.apiPayloads
                if !input.headers.isEmpty { attributes.header = input.headers.apiHeader }
                if let timeout = options.scheduleToCloseTimeout { attributes.scheduleToCloseTimeout = timeout.protobufDuration }
                if let timeout = options.scheduleToStartTimeout { attributes.scheduleToStartTimeout = timeout.protobufDuration }
                if let timeout = options.startToCloseTimeout { attributes.startToCloseTimeout = timeout.protobufDuration }
                if let timeout = options.heartbeatTimeout { attributes.heartbeatTimeout = timeout.protobufDuration }
                if let policy = options.retryPolicy { attributes.retryPolicy = policy.apiRetryPolicy }
                if let priority { attributes.priority = priority.apiPriority }
                command.scheduleActivityTaskCommandAttributes = attributes
                if let metadata { command.userMetadata = metadata }
            },
            cancellationType: options.cancellationType ?? .tryCancel,
            failureConverter: dataConverter.failureConverter
        )
        issue(machine)
        return try await wait(machine.result) { [self] in cancel(machine) }
    }

    func executeLocalActivity<Input, Output>(
        _ activity: ActivityDefinition<Input, Output>,
        input: Input,
        options: ActivityOptions
    ) async throws -> Output {
        try checkNotCancelled()
        let request = ScheduleActivityInput(
            activityType: activity.name,
            arguments: try activity.input.encode(input, using: payloadConverter),
            options: options.merged(with: activity.defaults)
        )
        let result = try await intercepted(request) { interceptor, input, next in
            try await interceptor.scheduleLocalActivity(input, context: self, next: next)
        } terminal: { [self] input in
            try await scheduleLocalActivity(input)
        }
        return try activity.output.decode(result, using: payloadConverter)
    }

    private func scheduleLocalActivity(_ input: ScheduleActivityInput) async throws -> [Payload] {
        let sequence = Sequences.next(&sequences.localActivity)
        var request = LocalActivityRequest(
            sequence: sequence,
            activityType: input.activityType,
            activityID: input.options.activityID ?? "\(sequence)",
            input: input.arguments,
            options: input.options
        )
        request.headers = input.headers
        let state = LocalActivityState(request: request)
        localActivities[sequence] = state
        return try await wait(state.result) {
            state.result.resolve(.failure(CanceledError("local activity '\(input.activityType)' canceled")))
        }
    }

    func startChildWorkflow<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        options: ChildWorkflowOptions
    ) async throws -> ChildWorkflowHandle<Output> {
        try checkNotCancelled()
        var resolved = options
        resolved.id = try options.id ?? workflow.makeID?(input, idSource) ?? uuid().uuidString.lowercased()
        let request = StartChildWorkflowInput(
            workflowType: workflow.name,
            arguments: try workflow.input.encode(input, using: payloadConverter),
            options: resolved
        )
        let properties = try childStartProperties(workflow, input: input, options: options)
        let handle = try await intercepted(request) { interceptor, input, next in
            try await interceptor.startChildWorkflow(input, context: self, next: next)
        } terminal: { [self] input in
            try await startChildWorkflow(input, defaults: workflow.defaults, properties: properties)
        }
        return ChildWorkflowHandle(
            execution: handle.execution,
            result: { [self] in try workflow.output.decode(try await handle.result(), using: payloadConverter) },
            cancel: { try await handle.cancel() }
        )
    }

    private func startChildWorkflow(
        _ input: StartChildWorkflowInput,
        defaults: WorkflowDefaults,
        properties: (Temporal_Api_Common_V1_SearchAttributes?, Temporal_Api_Common_V1_Memo?)
    ) async throws -> ChildWorkflowHandle<[Payload]> {
        let options = input.options
        let workflowID = options.id ?? uuid().uuidString.lowercased()
        let priority = try Self.validated(options.priority ?? defaults.priority, of: "child workflow '\(input.workflowType)'")
        let metadata = try userMetadata(summary: options.summary ?? defaults.summary, details: options.details ?? defaults.details)
        let (searchAttributes, memo) = properties
        let child = ChildWorkflowMachine(
            command: Command(.startChildWorkflowExecution) { command in
                var attributes = Temporal_Api_Command_V1_StartChildWorkflowExecutionCommandAttributes()
                attributes.namespace = info.namespace
                attributes.workflowID = workflowID
                attributes.workflowType.name = input.workflowType
                attributes.taskQueue.name = options.taskQueue ?? defaults.taskQueue ?? info.taskQueue
                attributes.input = input.arguments.apiPayloads
                if !input.headers.isEmpty { attributes.header = input.headers.apiHeader }
                if let timeout = options.executionTimeout ?? defaults.executionTimeout {
                    attributes.workflowExecutionTimeout = timeout.protobufDuration
                }
                if let timeout = options.runTimeout ?? defaults.runTimeout {
                    attributes.workflowRunTimeout = timeout.protobufDuration
                }
                if let timeout = options.taskTimeout ?? defaults.taskTimeout {
                    attributes.workflowTaskTimeout = timeout.protobufDuration
                }
                if let policy = options.retryPolicy ?? defaults.retryPolicy { attributes.retryPolicy = policy.apiRetryPolicy }
                if let policy = options.idReusePolicy ?? defaults.idReusePolicy {
                    attributes.workflowIDReusePolicy = policy.apiPolicy
                }
                attributes.parentClosePolicy = (options.parentClosePolicy ?? defaults.parentClosePolicy ?? .terminate).apiPolicy
                if let priority { attributes.priority = priority.apiPriority }
                if let searchAttributes { attributes.searchAttributes = searchAttributes }
                if let memo { attributes.memo = memo }
                command.startChildWorkflowExecutionCommandAttributes = attributes
                if let metadata { command.userMetadata = metadata }
            },
            cancellationType: options.cancellationType ?? defaults.childCancellationType ?? .waitCancellationCompleted,
            failureConverter: dataConverter.failureConverter
        )
        issue(child)
        let runID = try await wait(child.started) { [self] in cancel(child) }
        return ChildWorkflowHandle(
            execution: WorkflowExecution(workflowID: workflowID, runID: runID),
            result: { [self] in try await wait(child.result) { [self] in cancel(child) } },
            cancel: { [self] in
                try await requestCancellation(of: WorkflowExecution(workflowID: workflowID, runID: runID), childOnly: true)
            }
        )
    }

    func signalExternalWorkflow<SignalInput>(
        _ signal: SignalDefinition<SignalInput>,
        input: SignalInput,
        execution: WorkflowExecution
    ) async throws {
        try checkNotCancelled()
        let request = SignalExternalWorkflowInput(
            execution: execution,
            signalName: signal.name,
            arguments: try signal.input.encode(input, using: payloadConverter)
        )
        try await intercepted(request) { interceptor, input, next in
            try await interceptor.signalExternalWorkflow(input, context: self, next: next)
        } terminal: { [self] input in
            try await signalExternalWorkflow(input)
        }
    }

    private func signalExternalWorkflow(_ input: SignalExternalWorkflowInput) async throws {
        let machine = ExternalWorkflowMachine(
            command: Command(.signalExternalWorkflowExecution) { command in
                var attributes = Temporal_Api_Command_V1_SignalExternalWorkflowExecutionCommandAttributes()
                attributes.namespace = info.namespace
                attributes.execution.workflowID = input.execution.workflowID
                attributes.execution.runID = input.execution.runID ?? ""
                attributes.signalName = input.signalName
                attributes.input = input.arguments.apiPayloads
                if !input.headers.isEmpty { attributes.header = input.headers.apiHeader }
                command.signalExternalWorkflowExecutionCommandAttributes = attributes
            }
        )
        try await send(machine)
    }

    func cancelExternalWorkflow(_ execution: WorkflowExecution) async throws {
        try await requestCancellation(of: execution, childOnly: false)
    }

    private func requestCancellation(of execution: WorkflowExecution, childOnly: Bool) async throws {
        try checkNotCancelled()
        let command = ExternalWorkflowMachine.cancelCommand(namespace: info.namespace, execution: execution, childOnly: childOnly)
        try await send(ExternalWorkflowMachine(command: command))
    }

    private func send(_ machine: ExternalWorkflowMachine) async throws {
        issue(machine)
        try await wait(machine.delivered) { [self] in cancel(machine) }
    }

    func sideEffect<Value: Codable & Sendable>(_ body: () throws -> Value) throws -> Value {
        if let operation = readOnlyOperation {
            readOnlyViolations.append("\(operation) ran a side effect")
            return try body()
        }
        let sequence = Sequences.next(&sequences.sideEffect)
        var record = MarkerRecord(kind: .sideEffect(sequence: sequence))
        let value: Value
        if isReplaying {
            guard let recorded = lookaheadMarkers.first(where: { $0.kind == record.kind }) else {
                let error = NondeterminismError(
                    info: info,
                    eventID: 0,
                    event: "no marker",
                    command: record.key,
                    difference: "the history recorded no side effect at this point of the workflow task"
                )
                fail(error)
                throw error
            }
            record.result = recorded.result
            value = try PayloadCoding<Value>.single().decode(recorded.result, using: payloadConverter)
        } else {
            value = try body()
            record.result = try PayloadCoding<Value>.single().encode(value, using: payloadConverter)
        }
        issue(MarkerMachine(record: record))
        return value
    }

    func patched(_ patchID: String) -> Bool {
        if let operation = readOnlyOperation {
            readOnlyViolations.append("\(operation) checked patch '\(patchID)'")
            return patches[patchID] ?? !isReplaying
        }
        if let known = patches[patchID] { return known }
        let recorded =
            !isReplaying
            || lookaheadMarkers.contains {
                $0.kind == .patch(id: patchID, deprecated: false) || $0.kind == .patch(id: patchID, deprecated: true)
            }
        if recorded { issue(MarkerMachine(record: MarkerRecord(kind: .patch(id: patchID, deprecated: false)))) }
        patches[patchID] = recorded
        return recorded
    }

    func deprecatePatch(_ patchID: String) {
        guard readOnlyOperation == nil, patches[patchID] == nil else { return }
        patches[patchID] = true
        issue(MarkerMachine(record: MarkerRecord(kind: .patch(id: patchID, deprecated: true))))
    }

    func continueAsNew<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        options: ContinueAsNewOptions
    ) throws -> Never {
        let request = ContinueAsNewInput(
            workflowType: workflow.name,
            arguments: try workflow.input.encode(input, using: payloadConverter),
            options: options
        )
        return try interceptedSync(request) { interceptor, input, next in
            try interceptor.continueAsNew(input, context: self, next: next)
        } terminal: { input in
            var error = ContinueAsNewError(workflowType: input.workflowType, input: input.arguments, options: input.options)
            error.headers = input.headers
            throw error
        }
    }

    func shielded<Value: Sendable>(_ body: @escaping () async throws -> Value) async throws -> Value {
        let body = UncheckedSendable(body)
        return try await Task(executorPreference: executor) { try await body.value() }.value
    }

    private func checkNotCancelled() throws {
        if Task.isCancelled { throw CanceledError("the workflow task was canceled") }
    }
}
