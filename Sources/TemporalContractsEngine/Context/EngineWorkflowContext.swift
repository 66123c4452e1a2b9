import Foundation
import Logging
import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

/// What workflow code receives as its `WorkflowContext`: the run's info, clock and random
/// source, and every command it issues, through the command's machine. The driver
/// (`WorkflowEngine`) moves the clock, applies history to the machines, and runs the code.
///
/// Only the engine's thread touches it, during an activation; `@unchecked Sendable` so the
/// child tasks of workflow code can share it, all of them run by the run's executor.
final class EngineWorkflowContext: @unchecked Sendable {
    var info: WorkflowInfo
    /// Converts values and failures; codecs are the driver's job, outside the engine.
    let dataConverter: DataConverter
    let executor: WorkflowExecutor
    /// The worker's interceptors, first listed outermost: inbound calls and the commands of
    /// workflow code pass through them.
    let interceptors: [any WorkerInterceptor]
    /// What workflow code logs through: the driver's logger, silent while replaying.
    let workflowLogger: Logger
    private let replayFlag: ReplayAwareLogHandler.ReplayFlag

    var currentTime = Date(timeIntervalSince1970: 0)
    var random = WorkflowRandom(seed: 0)
    var isReplaying = false {
        didSet { replayFlag.isReplaying = isReplaying }
    }
    /// Once set, commands are dropped: the run has ended or the engine is torn down.
    var isFinished = false

    let machines = WorkflowMachines()
    var sequences = Sequences()
    var conditions: [ConditionWaiter] = []
    var localActivities: [Int: LocalActivityState] = [:]
    /// Markers of the workflow task being replayed, read ahead from the events that record its
    /// commands, so side effects, patches and local activities return what they returned then.
    var lookaheadMarkers: [MarkerRecord] = []
    var patches: [String: Bool] = [:]
    /// What workflow code set as its current details, for the metadata query.
    var currentDetails = ""
    /// The run's search attributes and memo: from the start event, changed by its upserts.
    var searchAttributes = SearchAttributes()
    var memo: [String: Payload] = [:]

    /// The thread of the running activation; commands from any other are refused.
    var activationThread: pthread_t?
    /// Set while a query or an update validator runs: what it is, and what it tried to change.
    var readOnlyOperation: String?
    var readOnlyViolations: [String] = []
    /// A failure raised while workflow code ran (nondeterminism inside a side effect, code that
    /// escaped the executor); thrown once the executor is drained.
    private var taskFailure: (any Error)?

    init(
        info: WorkflowInfo,
        dataConverter: DataConverter,
        executor: WorkflowExecutor,
        logger: Logger,
        interceptors: [any WorkerInterceptor] = []
    ) {
        self.info = info
        self.dataConverter = dataConverter
        self.executor = executor
        self.interceptors = interceptors
        let replayFlag = ReplayAwareLogHandler.ReplayFlag()
        self.replayFlag = replayFlag
        self.workflowLogger = Logger(label: logger.label) { _ in ReplayAwareLogHandler(base: logger.handler, flag: replayFlag) }
    }

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
        machines.add(machine, replaying: isReplaying)
    }

    /// Cancels the wait on `machine`: its cancel transition decides, by its state, whether the
    /// command is taken back, a cancel command is sent, or nothing is.
    func cancel(_ machine: any CancellableMachine) {
        switch machine.cancel() {
        case .none: break
        case .withdraw: machines.withdraw(machine)
        case .issue(let cancellation): issue(cancellation)
        }
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

    /// The failure `fail` recorded, once.
    func takeFailure() -> (any Error)? {
        defer { taskFailure = nil }
        return taskFailure
    }

    /// Resolves the conditions whose predicates hold; whether any did.
    func satisfyConditions() -> Bool {
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

    /// Records a local activity's outcome as a marker and resumes the code waiting for it.
    func resolveLocalActivity(_ state: LocalActivityState, with record: MarkerRecord) {
        issue(MarkerMachine(record: record))
        if let failure = record.failure {
            let cause = dataConverter.failureConverter.error(from: Failure(failure))
            state.result.resolve(
                .failure(ActivityError(activityType: state.request.activityType, activityID: state.request.activityID, cause: cause))
            )
        } else {
            state.result.resolve(.success(record.result))
        }
    }

    /// Ends every wait of workflow code with `CancellationError` and drops later commands.
    func tearDown() {
        isFinished = true
        machines.tearDown()
        for waiter in conditions { waiter.satisfied.resolve(.failure(CancellationError())) }
        for state in localActivities.values { state.result.resolve(.failure(CancellationError())) }
        conditions.removeAll()
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
