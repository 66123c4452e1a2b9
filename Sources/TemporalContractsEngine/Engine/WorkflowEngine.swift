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
/// Not thread-safe: call it from one task at a time (`@unchecked Sendable` so a driver can hand
/// it from one task to the next, as a worker's cache does).
public final class WorkflowEngine: @unchecked Sendable {
    public internal(set) var info: WorkflowInfo
    let registration: WorkflowRegistration
    /// Converts values and failures; codecs are the driver's job, outside the engine.
    let dataConverter: DataConverter
    let executor = WorkflowExecutor()
    let baseLogger: Logger
    /// What workflow code logs through: `baseLogger`, silent while replaying.
    let workflowLogger: Logger
    private let replayFlag: ReplayAwareLogHandler.ReplayFlag

    var currentTime = Date(timeIntervalSince1970: 0)
    var random = WorkflowRandom(seed: 0)
    public internal(set) var isReplaying = false {
        didSet { replayFlag.isReplaying = isReplaying }
    }

    var instance: AnyObject?
    /// The main function, decoded from the start event, started at the first workflow task.
    var pendingRun: WorkflowRegistration.WorkflowRun?
    var mainTask: Task<Void, Never>?
    var handlerTasks: [Int: Task<Void, Never>] = [:]

    /// Commands issued and not yet matched with their history events, in order.
    var unmatched: [any CommandMachine] = []
    /// Commands of the current workflow task, for the completion.
    var outbox: [any CommandMachine] = []
    var outgoingMessages: [Temporal_Api_Protocol_V1_Message] = []
    var machinesByEventID: [Int64: any CommandMachine] = [:]
    /// Whether the events being applied follow a `WorkflowTaskCompleted` and record its commands.
    var inCommandSection = false

    var sequences = Sequences()
    var conditions: [ConditionWaiter] = []
    var localActivities: [Int: LocalActivityState] = [:]
    var newLocalActivityRequests: [LocalActivityRequest] = []

    /// Markers of the workflow task being replayed, read ahead from the events that record its
    /// commands, so side effects, patches and local activities return what they returned then.
    var lookaheadMarkers: [MarkerRecord] = []
    var patches: [String: Bool] = [:]

    var runningHandlers: [Int: String] = [:]
    var nextHandlerID = 0
    var seenUpdateIDs: Set<String> = []

    var cancelRequested = false
    public internal(set) var isFinished = false
    /// A failure raised while workflow code ran (nondeterminism inside a side effect, code that
    /// escaped the executor); thrown once the executor is drained.
    var taskFailure: (any Error)?
    /// Set while a query or an update validator runs: what it is, and what it tried to change.
    var readOnlyOperation: String?
    var readOnlyViolations: [String] = []
    var activationThread: pthread_t?
    /// Warnings for the worker's log and the test environment (e.g. handlers left running).
    public internal(set) var warnings: [String] = []

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
        logger: Logger = Logger(label: "temporal.workflow")
    ) {
        self.registration = registration
        self.dataConverter = dataConverter
        self.info = WorkflowInfo(namespace: namespace, workflowID: workflowID, runID: runID, workflowType: registration.name, taskQueue: "")
        var logger = logger
        logger[metadataKey: "workflow_id"] = "\(workflowID)"
        logger[metadataKey: "run_id"] = "\(runID)"
        logger[metadataKey: "workflow_type"] = "\(registration.name)"
        self.baseLogger = logger
        let replayFlag = ReplayAwareLogHandler.ReplayFlag()
        self.replayFlag = replayFlag
        self.workflowLogger = Logger(label: logger.label) { _ in ReplayAwareLogHandler(base: logger.handler, flag: replayFlag) }
    }

    /// Applies one workflow task's events and update requests, runs the workflow code until it
    /// waits, and returns the task's commands.
    public func activate(_ activation: WorkflowActivation) throws -> WorkflowActivationResult {
        try withActivation {
            outbox.removeAll()
            outgoingMessages.removeAll()
            try apply(activation)
        }
    }

    /// Reports how a local activity of the current task ended; the workflow code waiting for it
    /// continues, and the result holds the task's commands so far.
    public func resolveLocalActivity(sequence: Int, outcome: LocalActivityOutcome) throws -> WorkflowActivationResult {
        try withActivation {
            guard let state = localActivities[sequence], !state.result.isResolved else { return }
            var record = MarkerRecord(kind: .localActivity(sequence: sequence, activityType: state.request.activityType))
            switch outcome {
            case .completed(let payloads): record.result = payloads
            case .failed(let failure): record.failure = failure.apiFailure
            }
            resolveLocalActivity(state, with: record)
            try runUntilIdle()
        }
    }

    /// Answers a query from the workflow's current state. Queries run read-only: a handler that
    /// draws random numbers, records markers or issues commands fails with
    /// `ReadOnlyViolationError`, and the workflow is unchanged. `__stack_trace` (what the CLI's
    /// `temporal workflow stack` sends) lists what the workflow is waiting for;
    /// `__temporal_workflow_metadata` (`temporal workflow metadata`) its handlers.
    public func query(_ name: String, input: [Payload]) throws -> [Payload] {
        guard let instance else { throw WorkflowTaskError("the workflow has not started yet; query '\(name)' cannot be answered") }
        if name == Self.stackTraceQuery, registration.queries[name] == nil {
            return [try dataConverter.payloadConverter.toPayload(stackTrace)]
        }
        if name == Self.metadataQuery, registration.queries[name] == nil {
            return [metadataPayload]
        }
        guard let handler = registration.queries[name] else {
            throw UnknownHandlerError(kind: "query", name: name, workflowType: info.workflowType, known: registration.queries.keys.sorted())
        }
        let answer = try handler.bind(input, dataConverter.payloadConverter)
        return try readOnly("query '\(name)'") { try answer(instance, self) }
    }

    /// Ends every task of the workflow code (a cache eviction, or the end of the run): waits are
    /// resolved with `CancellationError` and their commands ignored. The instance stays, so
    /// queries still read its last state.
    public func tearDown() {
        _ = try? withActivation {
            isFinished = true
            for machine in Array(machinesByEventID.values) + unmatched { machine.tearDown() }
            for waiter in conditions { waiter.satisfied.resolve(.failure(CancellationError())) }
            for state in localActivities.values { state.result.resolve(.failure(CancellationError())) }
            conditions.removeAll()
            mainTask?.cancel()
            for task in handlerTasks.values { task.cancel() }
            executor.drain()
        }
    }

    private func withActivation(_ body: () throws -> Void) throws -> WorkflowActivationResult {
        executor.setActive(true)
        activationThread = pthread_self()
        defer {
            executor.setActive(false)
            activationThread = nil
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
            commands: outbox.map(\.command),
            messages: outgoingMessages,
            localActivities: newLocalActivityRequests,
            hasPendingLocalActivities: localActivities.values.contains { $0.handedOut && !$0.result.isResolved },
            isFinished: isFinished
        )
    }

    /// Runs workflow code until every task waits and no condition it waits for holds.
    func runUntilIdle() throws {
        repeat {
            executor.drain()
            if let failure = taskFailure {
                taskFailure = nil
                throw failure
            }
        } while satisfyConditions()
    }

    private func satisfyConditions() -> Bool {
        var satisfied = false
        var index = 0
        while index < conditions.count {
            let waiter = conditions[index]
            if waiter.predicate() {
                conditions.remove(at: index)
                waiter.satisfied.resolve(.success(()))
                satisfied = true
            } else {
                index += 1
            }
        }
        return satisfied
    }

    /// Runs `body` as a query or validator: nothing it does may change the workflow.
    func readOnly<Value>(_ operation: String, _ body: () throws -> Value) throws -> Value {
        let savedRandom = random
        readOnlyOperation = operation
        readOnlyViolations = []
        defer {
            readOnlyOperation = nil
            random = savedRandom
        }
        let value = try body()
        if !readOnlyViolations.isEmpty {
            throw ReadOnlyViolationError(operation: operation, violations: readOnlyViolations)
        }
        return value
    }

    /// Sequence numbers of each command kind, in the order workflow code issues them.
    struct Sequences {
        var timer = 0
        var activity = 0
        var localActivity = 0
        var sideEffect = 0

        static func next(_ value: inout Int) -> Int {
            value += 1
            return value
        }
    }
}

/// Workflow code waiting for a predicate over its state.
final class ConditionWaiter {
    let predicate: () -> Bool
    let satisfied = PendingResult<Void>()

    init(predicate: @escaping () -> Bool) {
        self.predicate = predicate
    }
}

/// A local activity the workflow waits for.
final class LocalActivityState {
    let request: LocalActivityRequest
    let result = PendingResult<[Payload]>()
    /// Whether the driver was asked to run it (not while replaying: the history has its result).
    var handedOut = false

    init(request: LocalActivityRequest) {
        self.request = request
    }
}
