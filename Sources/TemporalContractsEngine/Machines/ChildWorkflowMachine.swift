import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

/// A child workflow: `StartChildWorkflowExecution` ↔ `StartChildWorkflowExecutionInitiated`; the
/// start resolves with `ChildWorkflowExecutionStarted` (or `StartChildWorkflowExecutionFailed`),
/// the result with the child's completed, failed, canceled, timed-out or terminated event.
final class ChildWorkflowMachine: CancellableMachine {
    enum State: Equatable {
        /// Issued; no event recorded it yet.
        case created
        /// `StartChildWorkflowExecutionInitiated` recorded it.
        case initiated
        /// `ChildWorkflowExecutionStarted`: the handle is known, the result is not.
        case started
        case startFailed
        case completed
        case failed
        case canceled
        case timedOut
        case terminated
        /// Cancelled in the task that issued it: the command was taken back, never sent.
        case canceledBeforeSent
    }

    let command: Command
    let workflowType: String
    let workflowID: String
    let namespace: String
    /// The child's run ID once started.
    let started = PendingResult<String>()
    let result = PendingResult<[Payload]>()
    private(set) var state = State.created
    private(set) var recordedEventID: Int64 = 0
    /// Whether a cancellation request was issued (once initiated); with
    /// `waitCancellationCompleted` the child's own end still resolves the result.
    private(set) var cancelRequested = false
    let cancellationType: ChildWorkflowCancellationType
    private var runID = ""
    private var startedEventID: Int64 = 0
    private let failureConverter: any FailureConverter

    var isPending: Bool { !result.isResolved }

    init(
        command: Command,
        cancellationType: ChildWorkflowCancellationType = .waitCancellationCompleted,
        failureConverter: any FailureConverter
    ) {
        let attributes = command.startChildWorkflowExecutionCommandAttributes
        self.command = command
        self.cancellationType = cancellationType
        workflowType = attributes.workflowType.name
        workflowID = attributes.workflowID
        namespace = attributes.namespace
        self.failureConverter = failureConverter
    }

    func mismatch(with event: HistoryEvent) -> String? {
        guard case .startChildWorkflowExecutionInitiatedEventAttributes(let attributes) = event.attributes else {
            return "it is \(event.summary)"
        }
        if attributes.workflowType.name != workflowType || attributes.workflowID != workflowID {
            return "it starts child workflow '\(attributes.workflowType.name)' with ID \(attributes.workflowID)"
        }
        return nil
    }

    func record(_ event: HistoryEvent) throws {
        guard state == .created else { throw invalidTransition("record", in: state) }
        state = .initiated
        recordedEventID = event.eventID
    }

    func handle(_ event: HistoryEvent) throws {
        switch (event.attributes, state) {
        case (.childWorkflowExecutionStartedEventAttributes(let attributes), .initiated):
            state = .started
            runID = attributes.workflowExecution.runID
            startedEventID = event.eventID
            started.resolve(.success(runID))
        case (.startChildWorkflowExecutionFailedEventAttributes(let attributes), .initiated):
            state = .startFailed
            let failure = WorkflowAlreadyStartedError(workflowID: attributes.workflowID, workflowType: attributes.workflowType.name)
            started.resolve(.failure(failure))
            result.resolve(.failure(failure))
        case (.childWorkflowExecutionCompletedEventAttributes(let attributes), .started):
            state = .completed
            result.resolve(.success([Payload](attributes.result)))
        case (.childWorkflowExecutionFailedEventAttributes(let attributes), .started):
            state = .failed
            result.resolve(
                .failure(error(cause: failureConverter.error(from: Failure(attributes.failure)), retryState: attributes.retryState))
            )
        case (.childWorkflowExecutionCanceledEventAttributes(let attributes), .started):
            state = .canceled
            let cause = CanceledError("child workflow canceled", details: [Payload](attributes.details))
            result.resolve(.failure(error(cause: cause, retryState: .cancelRequested)))
        case (.childWorkflowExecutionTimedOutEventAttributes(let attributes), .started):
            state = .timedOut
            let cause = TimeoutError("child workflow timed out", timeoutType: .startToClose)
            result.resolve(.failure(error(cause: cause, retryState: attributes.retryState)))
        case (.childWorkflowExecutionTerminatedEventAttributes, .started):
            state = .terminated
            result.resolve(.failure(error(cause: TerminatedError(), retryState: .nonRetryableFailure)))
        default:
            throw MachineError.unexpectedEvent(event, state: "\(state)")
        }
    }

    /// Before it was sent the start is withdrawn. Once initiated, by the cancellation type: the
    /// child is asked to cancel (once) and the wait goes on until it ends (`waitCancellationCompleted`)
    /// or stops at once (`tryCancel`) or once the server recorded the request (`waitCancellationRequested`);
    /// or the wait stops and the child is left alone (`abandon`).
    /// Later events of the child are still recorded, so a replay meets them in the same states.
    func cancel() -> CancelAction {
        switch state {
        case .created:
            state = .canceledBeforeSent
            started.resolve(.failure(CanceledError("child workflow canceled before it started")))
            result.resolve(.failure(CanceledError("child workflow canceled before it started")))
            return .withdraw
        case .initiated, .started:
            guard !cancelRequested else { return .none }
            cancelRequested = true
            if cancellationType == .tryCancel || cancellationType == .abandon { resolveCanceled() }
            if cancellationType == .abandon { return .none }
            let request = ExternalWorkflowMachine(
                command: ExternalWorkflowMachine.cancelCommand(
                    namespace: namespace,
                    execution: WorkflowExecution(workflowID: workflowID),
                    childOnly: true
                )
            )
            if cancellationType == .waitCancellationRequested {
                // The machine lives as long as the engine keeps both; no cycle outlives the run.
                request.onDelivered = { [weak self] in self?.resolveCanceled() }
            }
            return .issue(request)
        case .startFailed, .completed, .failed, .canceled, .timedOut, .terminated, .canceledBeforeSent:
            return .none
        }
    }

    /// The wait ends as cancelled; the child's later events are still recorded.
    private func resolveCanceled() {
        let canceled = CanceledError("child workflow '\(workflowType)' canceled")
        started.resolve(.failure(canceled))
        result.resolve(.failure(error(cause: canceled, retryState: .cancelRequested)))
    }

    func tearDown() {
        started.resolve(.failure(CancellationError()))
        result.resolve(.failure(CancellationError()))
    }

    private func error(cause: any TemporalFailureError, retryState: Temporal_Api_Enums_V1_RetryState) -> ChildWorkflowError {
        ChildWorkflowError(
            namespace: namespace,
            workflowID: workflowID,
            runID: runID,
            workflowType: workflowType,
            initiatedEventID: recordedEventID,
            startedEventID: startedEventID,
            retryState: RetryState(rawValue: retryState.rawValue) ?? .unspecified,
            cause: cause
        )
    }
}
