import Foundation
import Logging

/// What workflow code uses instead of the system: time, randomness, timers, activities, child
/// workflows. The engine implements it deterministically, so a replay of the history issues the
/// same commands in the same order; workflow code must not read the clock, random sources or
/// the network directly. It is `Sendable` so `async let` and task-group children of workflow code
/// can use it; the engine runs all of them on the workflow's single-threaded executor.
public protocol WorkflowContext: AnyObject, Sendable {
    var info: WorkflowInfo { get }
    /// The workflow's current time, from the history, not the machine's clock.
    var now: Date { get }
    /// A random number from a seed in the history.
    func randomUInt64() -> UInt64
    /// A UUID from the deterministic random source.
    func uuid() -> UUID
    /// A durable timer.
    func sleep(for duration: Duration) async throws
    /// A durable timer with a summary the web UI shows for it (user metadata).
    func sleep(for duration: Duration, summary: String?) async throws
    /// What the run is doing now, in Markdown, for the web UI and `temporal workflow metadata`
    /// (the `__temporal_workflow_metadata` query answers it); as Python's `set_current_details`.
    /// Not recorded in the history: set it again after a replay as the code runs.
    var currentDetails: String { get set }
    /// Waits until `predicate` holds (re-checked after every event), or the timeout; false on timeout.
    ///
    /// The predicate reads the workflow's own state (set by signal and update handlers); it must
    /// not call the context. A timeout is a durable timer, recorded in the history; `nil` waits
    /// without one, for as long as the workflow runs. Throws `CanceledError` when the workflow
    /// is canceled while waiting.
    func condition(timeout: Duration?, _ predicate: @escaping () -> Bool) async throws -> Bool
    func executeActivity<Input, Output>(
        _ activity: ActivityDefinition<Input, Output>,
        input: Input,
        options: ActivityOptions
    ) async throws -> Output
    func executeLocalActivity<Input, Output>(
        _ activity: ActivityDefinition<Input, Output>,
        input: Input,
        options: ActivityOptions
    ) async throws -> Output
    func startChildWorkflow<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        options: ChildWorkflowOptions
    ) async throws -> ChildWorkflowHandle<Output>
    func signalExternalWorkflow<SignalInput>(
        _ signal: SignalDefinition<SignalInput>,
        input: SignalInput,
        execution: WorkflowExecution
    ) async throws
    /// Asks another workflow (not a child started by this one) to cancel.
    func cancelExternalWorkflow(_ execution: WorkflowExecution) async throws
    /// Runs `body` once and records its result in the history; a replay returns the recorded
    /// value instead of running `body` again. For values that must not change on replay, such as
    /// an ID read from the environment.
    func sideEffect<Value: Codable & Sendable>(_ body: () throws -> Value) throws -> Value
    /// Whether this execution runs the code added under `patchID`: true for new executions and
    /// for executions whose history recorded the patch; false while replaying a history written
    /// before the patch existed. Keep both branches until no such execution remains.
    func patched(_ patchID: String) -> Bool
    /// Marks the patch as the only behaviour: call it in place of `patched` once every execution
    /// that ran the old code has ended.
    func deprecatePatch(_ patchID: String)
    /// Ends this run and starts a new one of `workflow` with `input` and the same workflow ID.
    func continueAsNew<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        options: ContinueAsNewOptions
    ) throws -> Never
    /// Runs `body` so that cancelling the workflow (or the enclosing task) does not cancel it:
    /// for cleanup that must finish, such as a compensating activity.
    func shielded<Value: Sendable>(_ body: @escaping () async throws -> Value) async throws -> Value
    /// The run's search attributes: those it started with, as its upserts changed them.
    var searchAttributes: SearchAttributes { get }
    /// The run's memo, encoded: what it started with, as its upserts changed it. Read entries
    /// with `memoValue(_:as:)`.
    var memo: [String: Payload] { get }
    /// Sets search attributes of the run (the `UpsertWorkflowSearchAttributes` command); a
    /// replay issues it again and checks the history recorded it.
    func upsertSearchAttributes(_ attributes: SearchAttributes)
    /// Sets memo entries of the run (the `ModifyWorkflowProperties` command); a replay issues it
    /// again and checks the history recorded it.
    func upsertMemo(_ entries: [String: any Encodable & Sendable]) throws
    /// True while the engine replays history: side effects of the workflow code (logging,
    /// metrics) should be skipped.
    var isReplaying: Bool { get }
    /// The converter that turns handler and activity values into payloads.
    var payloadConverter: any PayloadConverter { get }
    /// The run's logger (swift-log), with the worker's metadata for the run; silent while the engine
    /// replays history, so each line is written once per execution.
    var logger: Logger { get }
}

extension WorkflowContext {
    /// Starts a child workflow and waits for its result.
    public func executeChildWorkflow<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        options: ChildWorkflowOptions = ChildWorkflowOptions()
    ) async throws -> Output {
        try await startChildWorkflow(workflow, input: input, options: options).result()
    }

    /// Continue-as-new with the same workflow type and the current run's options.
    public func continueAsNew<Input, Output>(_ workflow: WorkflowDefinition<Input, Output>, input: Input) throws -> Never {
        try continueAsNew(workflow, input: input, options: ContinueAsNewOptions())
    }

    /// Waits until `predicate` holds, with no timeout: no timer is recorded, and the workflow
    /// waits for as long as it runs (until a signal or an update makes the predicate true, or
    /// the workflow is canceled, which throws `CanceledError`). The predicate is re-checked
    /// whenever the workflow makes progress; it reads the workflow's own state only.
    ///
    /// ```swift
    /// try await context.condition { self.approvals.count > 0 }
    /// ```
    public func condition(_ predicate: @escaping () -> Bool) async throws {
        _ = try await condition(timeout: nil, predicate)
    }
}

/// A started child workflow.
public struct ChildWorkflowHandle<Output: Sendable> {
    public let execution: WorkflowExecution
    private let fetchResult: () async throws -> Output
    private let requestCancel: () async throws -> Void

    public init(
        execution: WorkflowExecution,
        result: @escaping () async throws -> Output,
        cancel: @escaping () async throws -> Void
    ) {
        self.execution = execution
        self.fetchResult = result
        self.requestCancel = cancel
    }

    public func result() async throws -> Output { try await fetchResult() }
    public func cancel() async throws { try await requestCancel() }
}

/// Facts about the running workflow.
public struct WorkflowInfo: Sendable {
    public var namespace: String
    public var workflowID: String
    public var runID: String
    public var workflowType: String
    public var taskQueue: String
    public var attempt: Int
    /// The first run of a chain of continue-as-new runs.
    public var firstRunID: String
    public var startTime: Date
    /// The Temporal headers the start carried (interceptors' context, such as a trace), as the
    /// history records them: the same on every replay.
    public var headers: [String: Payload]

    public init(
        namespace: String,
        workflowID: String,
        runID: String,
        workflowType: String,
        taskQueue: String,
        attempt: Int = 1,
        firstRunID: String = "",
        startTime: Date = Date(timeIntervalSince1970: 0),
        headers: [String: Payload] = [:]
    ) {
        self.namespace = namespace
        self.workflowID = workflowID
        self.runID = runID
        self.workflowType = workflowType
        self.taskQueue = taskQueue
        self.attempt = attempt
        self.firstRunID = firstRunID
        self.startTime = startTime
        self.headers = headers
    }
}
