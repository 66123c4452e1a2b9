import Foundation
import Logging
import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

/// Runs one workflow execution's code deterministically: history events in, Temporal commands
/// and protocol messages out. The worker and the test environment drive it the same way: one
/// `activate` per workflow task (the events since the previous task), `resolveLocalActivity`
/// for each local activity the task asked for, `query` between tasks.
///
/// Workflow code runs only inside those calls, on the calling thread, through a FIFO executor
/// drained until every workflow task waits: the commands depend on the history alone. A replay
/// (every workflow task the history already completed) must issue the commands the history
/// recorded, in order; any difference throws `NondeterminismError` naming the event.
///
/// The engine is the driver; workflow code sees a separate context object, whose calls turn
/// into command state machines that the engine's history application resolves.
///
/// Not thread-safe: call it from one task at a time (`@unchecked Sendable` so a driver can hand
/// it from one task to the next, as a worker's cache does).
public final class WorkflowEngine: @unchecked Sendable {
    /// The run's info: from the driver's arguments, then from the `WorkflowExecutionStarted` event.
    public var info: WorkflowInfo { context.info }
    /// Whether the events being applied replay workflow tasks the history already completed.
    public var isReplaying: Bool { context.isReplaying }
    /// Whether the run has ended (completed, failed, cancelled, continued as new), or the engine
    /// is torn down.
    public var isFinished: Bool { context.isFinished }
    /// Warnings for the worker's log and the test environment (e.g. handlers left running).
    public internal(set) var warnings: [String] = []

    let registration: WorkflowRegistration
    let executor = WorkflowExecutor()
    let baseLogger: Logger
    /// What workflow code receives as its `WorkflowContext`.
    let context: EngineWorkflowContext

    var instance: AnyObject?
    /// The main function, decoded from the start event, started at the first workflow task.
    var pendingRun: WorkflowRegistration.WorkflowRun?
    var mainTask: Task<Void, Never>?
    var handlerTasks: [Int: Task<Void, Never>] = [:]
    var runningHandlers: [Int: String] = [:]
    var nextHandlerID = 0
    var seenUpdateIDs: Set<String> = []
    var cancelRequested = false
    /// Whether the events being applied follow a `WorkflowTaskCompleted` and record its commands.
    var inCommandSection = false
    var newLocalActivityRequests: [LocalActivityRequest] = []

    var dataConverter: DataConverter { context.dataConverter }

    /// Recorded in each workflow task's `sdk_metadata`, so tools can tell which SDK wrote a history.
    public static let sdkName = "swift-temporal-contracts"
    public static let sdkVersion = "0.1.0"
    /// Behaviour flags (`sdk_metadata.lang_used_flags`) this version replays correctly. Changes in
    /// how commands are issued get a flag, recorded in the tasks that use it, so older histories
    /// keep replaying the old way; none exists yet.
    public static let supportedLanguageFlags: Set<UInt32> = []

    /// An engine for one run of `registration`'s workflow; the first activation must start with
    /// the run's `WorkflowExecutionStarted` event.
    public init(
        registration: WorkflowRegistration,
        namespace: String,
        workflowID: String,
        runID: String,
        dataConverter: DataConverter = .default,
        logger: Logger = Logger(label: "temporal.workflow"),
        interceptors: [any WorkerInterceptor] = []
    ) {
        self.registration = registration
        var logger = logger
        logger[metadataKey: "workflow_id"] = "\(workflowID)"
        logger[metadataKey: "run_id"] = "\(runID)"
        logger[metadataKey: "workflow_type"] = "\(registration.name)"
        self.baseLogger = logger
        self.context = EngineWorkflowContext(
            info: WorkflowInfo(namespace: namespace, workflowID: workflowID, runID: runID, workflowType: registration.name, taskQueue: ""),
            dataConverter: dataConverter,
            executor: executor,
            logger: logger,
            interceptors: interceptors
        )
    }

    /// Applies one workflow task's events and update requests, runs the workflow code until it
    /// waits, and returns the task's commands.
    public func activate(_ activation: WorkflowActivation) throws -> WorkflowActivationResult {
        try withActivation {
            context.machines.startTask()
            try apply(activation)
        }
    }

    /// Reports how a local activity of the current task ended; the workflow code waiting for it
    /// continues, and the result holds the task's commands so far.
    public func resolveLocalActivity(sequence: Int, outcome: LocalActivityOutcome) throws -> WorkflowActivationResult {
        try withActivation {
            guard let state = context.localActivities[sequence], !state.result.isResolved else { return }
            var record = MarkerRecord(kind: .localActivity(sequence: sequence, activityType: state.request.activityType))
            switch outcome {
            case .completed(let payloads): record.result = payloads
            case .failed(let failure): record.failure = failure.apiFailure
            }
            context.resolveLocalActivity(state, with: record)
            try runUntilIdle()
        }
    }

    /// Answers a query from the workflow's current state. Queries run read-only: a handler that
    /// draws random numbers, records markers or issues commands fails with
    /// `ReadOnlyViolationError`, and the workflow is unchanged. `__stack_trace` (what the CLI's
    /// `temporal workflow stack` sends) lists what the workflow is waiting for;
    /// `__temporal_workflow_metadata` (`temporal workflow metadata`) its handlers.
    public func query(_ name: String, input: [Payload], headers: [String: Payload] = [:]) throws -> [Payload] {
        guard let instance else { throw WorkflowTaskError("the workflow has not started yet; query '\(name)' cannot be answered") }
        if name == Self.stackTraceQuery, registration.queries[name] == nil {
            return [try dataConverter.payloadConverter.toPayload(stackTrace)]
        }
        if name == Self.metadataQuery, registration.queries[name] == nil {
            return [metadataPayload]
        }
        guard let handler = registration.queryHandler(named: name) else {
            throw UnknownHandlerError(kind: "query", name: name, workflowType: info.workflowType, known: registration.queries.keys.sorted())
        }
        let answer = try handler.bind(input, dataConverter.payloadConverter)
        return try context.readOnly("query '\(name)'") {
            let request = HandleQueryInput(queryName: name, arguments: input, headers: headers)
            return try context.interceptedSync(request) { [self] interceptor, request, next in
                try interceptor.handleQuery(request, context: context, next: next)
            } terminal: { [self] request in
                let answer = request.arguments == input ? answer : try handler.bind(request.arguments, dataConverter.payloadConverter)
                return try answer(instance, context)
            }
        }
    }

    /// Ends every task of the workflow code (a cache eviction, or the end of the run): waits are
    /// resolved with `CancellationError` and their commands ignored. The instance stays, so
    /// queries still read its last state.
    public func tearDown() {
        _ = try? withActivation {
            context.tearDown()
            mainTask?.cancel()
            for task in handlerTasks.values { task.cancel() }
            executor.drain()
        }
    }

    private func withActivation(_ body: () throws -> Void) throws -> WorkflowActivationResult {
        executor.setActive(true)
        context.activationThread = pthread_self()
        defer {
            executor.setActive(false)
            context.activationThread = nil
        }
        newLocalActivityRequests.removeAll()
        if executor.takeStrayJobCount() > 0 {
            throw WorkflowTaskError(
                "workflow code resumed outside a workflow task: it awaited something that is not the workflow context "
                    + "(Task.sleep, an actor, I/O, an unstructured Task); use the context's timers, activities and conditions"
            )
        }
        try body()
        return WorkflowActivationResult(
            commands: context.machines.outbox.map(\.command),
            messages: context.machines.messages,
            localActivities: newLocalActivityRequests,
            hasPendingLocalActivities: context.localActivities.values.contains { $0.handedOut && !$0.result.isResolved },
            isFinished: isFinished
        )
    }

    /// Runs workflow code until every task waits and no condition it waits for holds.
    func runUntilIdle() throws {
        repeat {
            executor.drain()
            if let failure = context.takeFailure() { throw failure }
        } while context.satisfyConditions()
    }
}
