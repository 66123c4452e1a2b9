import Foundation
import Synchronization

/// An in-memory `WorkflowClientBackend` for tests of code that uses a generated client: it records
/// every call, answers results, queries, updates and descriptions from stubs, and throws
/// `UnstubbedCallError` naming the call when no stub is set. Inputs and results go through the
/// definitions' payload codings, so a value that would not cross the wire fails here too.
public final class MockWorkflowClient: WorkflowClientBackend {
    private struct State {
        var calls: [MockCall] = []
        var stubs: [String: @Sendable (any Sendable, WorkflowExecution) async throws -> any Sendable] = [:]
        var started: [String: any Sendable] = [:]
        var nextRun = 1
    }

    private let state = Mutex(State())
    private let converter: any PayloadConverter
    /// The schedules generated clients create through this mock (`schedule<Workflow>`).
    public let schedules = MockScheduleTransport()

    public init(converter: any PayloadConverter = DefaultPayloadConverter()) {
        self.converter = converter
    }

    /// Every call so far, in order.
    public var calls: [MockCall] { state.withLock { $0.calls } }

    /// The calls of one kind and name.
    public func calls(_ kind: MockCall.Kind, _ name: String) -> [MockCall] {
        calls.filter { $0.kind == kind && $0.name == name }
    }

    // MARK: Stubs

    /// Answers `result()` of `workflow` with `body(input)`.
    public func stub<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        _ body: @escaping @Sendable (Input) async throws -> Output
    ) {
        setStub(.result, workflow.name) { input, _ in try await body(input as! Input) }
    }

    /// Answers `query` with `body(input, workflowID)`.
    public func stub<Input, Output>(
        _ query: QueryDefinition<Input, Output>,
        _ body: @escaping @Sendable (Input, String) async throws -> Output
    ) {
        setStub(.query, query.name) { input, execution in try await body(input as! Input, execution.workflowID) }
    }

    /// Answers `update` with `body(input, workflowID)`; throw to reject it.
    public func stub<Input, Output>(
        _ update: UpdateDefinition<Input, Output>,
        _ body: @escaping @Sendable (Input, String) async throws -> Output
    ) {
        setStub(.update, update.name) { input, execution in try await body(input as! Input, execution.workflowID) }
    }

    /// Runs `body` when `signal` is sent (signals need no stub; this is for side effects).
    public func stub<Input>(_ signal: SignalDefinition<Input>, _ body: @escaping @Sendable (Input, String) async throws -> Void) {
        setStub(.signal, signal.name) { input, execution in try await body(input as! Input, execution.workflowID) }
    }

    /// Answers `describe()` for any workflow.
    public func stubDescribe(_ body: @escaping @Sendable (WorkflowExecution) async throws -> WorkflowExecutionDescription) {
        setStub(.describe, "") { _, execution in try await body(execution) }
    }

    private func setStub(
        _ kind: MockCall.Kind,
        _ name: String,
        _ body: @escaping @Sendable (any Sendable, WorkflowExecution) async throws -> any Sendable
    ) {
        state.withLock { $0.stubs["\(kind.rawValue):\(name)"] = body }
    }

    private func record(_ kind: MockCall.Kind, _ name: String, _ execution: WorkflowExecution, _ input: any Sendable) {
        state.withLock { $0.calls.append(MockCall(kind: kind, name: name, workflowID: execution.workflowID, input: input)) }
    }

    /// The stub's answer; throws `UnstubbedCallError` naming the call when there is no stub.
    private func answer<Output>(
        _ kind: MockCall.Kind,
        _ name: String,
        _ execution: WorkflowExecution,
        _ input: any Sendable,
        hint: String
    ) async throws -> Output {
        let call = MockCall(kind: kind, name: name, workflowID: execution.workflowID, input: input).description
        guard let stub = state.withLock({ $0.stubs["\(kind.rawValue):\(name)"] }) else {
            throw UnstubbedCallError(call: call, hint: hint)
        }
        guard let output = try await stub(input, execution) as? Output else {
            throw UnstubbedCallError(call: call, hint: "its stub returned another type than \(Output.self)")
        }
        return output
    }

    /// Encodes and decodes through the coding, as the wire would.
    private func roundTrip<Value>(_ value: Value, _ coding: PayloadCoding<Value>) throws -> Value {
        try coding.decode(coding.encode(value, using: converter), using: converter)
    }

    private func execution<Input, Output>(
        for workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        options: WorkflowStartOptions
    ) throws -> WorkflowExecution {
        let contractID = try options.id ?? workflow.makeID?(input, .system)
        return state.withLock { state in
            let id = contractID ?? "mock-\(workflow.name)-\(state.nextRun)"
            defer { state.nextRun += 1 }
            state.started[id] = input
            return WorkflowExecution(workflowID: id, runID: "mock-run-\(state.nextRun)")
        }
    }

    // MARK: WorkflowClientBackend

    public func start<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        options: WorkflowStartOptions
    ) async throws -> WorkflowExecution {
        let input = try roundTrip(input, workflow.input)
        let execution = try execution(for: workflow, input: input, options: options)
        record(.start, workflow.name, execution, input)
        return execution
    }

    public func signalWithStart<Input, Output, SignalInput>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        signal: SignalDefinition<SignalInput>,
        signalInput: SignalInput,
        options: WorkflowStartOptions
    ) async throws -> WorkflowExecution {
        let input = try roundTrip(input, workflow.input)
        let execution = try execution(for: workflow, input: input, options: options)
        record(.signalWithStart, workflow.name, execution, input)
        try await self.signal(signal, input: signalInput, execution: execution)
        return execution
    }

    public func updateWithStart<Input, Output, UpdateInput, UpdateOutput>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        update: UpdateDefinition<UpdateInput, UpdateOutput>,
        updateInput: UpdateInput,
        options: WorkflowStartOptions,
        updateOptions: UpdateOptions
    ) async throws -> (WorkflowExecution, WorkflowUpdateHandle<UpdateOutput>) {
        let input = try roundTrip(input, workflow.input)
        let execution = try execution(for: workflow, input: input, options: options)
        record(.updateWithStart, workflow.name, execution, input)
        return (execution, try await startUpdate(update, input: updateInput, execution: execution, options: updateOptions))
    }

    public func result<Input, Output>(
        of workflow: WorkflowDefinition<Input, Output>,
        execution: WorkflowExecution
    ) async throws -> Output {
        let input = state.withLock { $0.started[execution.workflowID] }
        record(.result, workflow.name, execution, input ?? ())
        guard let input = input as? Input else {
            throw UnstubbedCallError(
                call: "result of workflow '\(workflow.name)' on '\(execution.workflowID)'",
                hint: "the mock only knows workflows started through it"
            )
        }
        let output: Output = try await answer(
            .result,
            workflow.name,
            execution,
            input,
            hint: "stub it with `mock.stub(<Contract>.Workflows.<workflow>) { input in … }`"
        )
        return try roundTrip(output, workflow.output)
    }

    public func signal<SignalInput>(
        _ signal: SignalDefinition<SignalInput>,
        input: SignalInput,
        execution: WorkflowExecution
    ) async throws {
        let input = try roundTrip(input, signal.input)
        record(.signal, signal.name, execution, input)
        if let sideEffect = state.withLock({ $0.stubs["\(MockCall.Kind.signal.rawValue):\(signal.name)"] }) {
            _ = try await sideEffect(input, execution)
        }
    }

    public func query<QueryInput, QueryOutput>(
        _ query: QueryDefinition<QueryInput, QueryOutput>,
        input: QueryInput,
        execution: WorkflowExecution
    ) async throws -> QueryOutput {
        let input = try roundTrip(input, query.input)
        record(.query, query.name, execution, input)
        let output: QueryOutput = try await answer(
            .query,
            query.name,
            execution,
            input,
            hint: "stub it with `mock.stub(<Contract>.Queries.<query>) { input, workflowID in … }`"
        )
        return try roundTrip(output, query.output)
    }

    public func startUpdate<UpdateInput, UpdateOutput>(
        _ update: UpdateDefinition<UpdateInput, UpdateOutput>,
        input: UpdateInput,
        execution: WorkflowExecution,
        options: UpdateOptions
    ) async throws -> WorkflowUpdateHandle<UpdateOutput> {
        let input = try roundTrip(input, update.input)
        record(.update, update.name, execution, input)
        let id = try update.updateID(for: input, options: options)
        let outcome: Result<UpdateOutput, any Error>
        do {
            let output: UpdateOutput = try await answer(
                .update,
                update.name,
                execution,
                input,
                hint: "stub it with `mock.stub(<Contract>.Updates.<update>) { input, workflowID in … }`"
            )
            outcome = .success(try roundTrip(output, update.output))
        } catch let error as UnstubbedCallError {
            throw error
        } catch let error as any TemporalFailureError {
            outcome = .failure(WorkflowUpdateFailedError(updateName: update.name, updateID: id, cause: error))
        } catch {
            let cause = DefaultFailureConverter().error(from: DefaultFailureConverter().failure(from: error))
            outcome = .failure(WorkflowUpdateFailedError(updateName: update.name, updateID: id, cause: cause))
        }
        let settled = UncheckedResult(outcome)
        return WorkflowUpdateHandle(id: id, name: update.name, execution: execution) { try settled.result.get() }
    }

    public func cancel(_ execution: WorkflowExecution, reason: String) async throws {
        record(.cancel, "", execution, reason)
    }

    public func terminate(_ execution: WorkflowExecution, reason: String) async throws {
        record(.terminate, "", execution, reason)
    }

    public func describe(_ execution: WorkflowExecution) async throws -> WorkflowExecutionDescription {
        record(.describe, "", execution, ())
        let description: WorkflowExecutionDescription = try await answer(
            .describe,
            "",
            execution,
            (),
            hint: "stub it with `mock.stubDescribe { execution in … }`"
        )
        return description
    }
}

/// A settled result captured by the update handle. `Output` is `Sendable` and the error is only
/// read, never mutated, after the handle is made.
private struct UncheckedResult<Output: Sendable>: @unchecked Sendable {
    let result: Result<Output, any Error>
    init(_ result: Result<Output, any Error>) { self.result = result }
}
