import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

/// A child workflow: `StartChildWorkflowExecution` ↔ `StartChildWorkflowExecutionInitiated`; the
/// start resolves with `ChildWorkflowExecutionStarted` (or `StartChildWorkflowExecutionFailed`),
/// the result with the child's completed, failed, canceled, timed-out or terminated event.
final class ChildWorkflowMachine: CommandMachine {
    let workflowType: String
    let workflowID: String
    let namespace: String
    /// The child's run ID once started.
    let started = PendingResult<String>()
    let result = PendingResult<[Payload]>()

    override var isPending: Bool { !result.isResolved }
    /// Whether a cancellation request was sent; the result still comes from the child's end.
    var cancelRequested = false
    private var runID = ""
    private var startedEventID: Int64 = 0

    override init(command: Command) {
        let attributes = command.startChildWorkflowExecutionCommandAttributes
        workflowType = attributes.workflowType.name
        workflowID = attributes.workflowID
        namespace = attributes.namespace
        super.init(command: command)
    }

    override func mismatch(with event: HistoryEvent) -> String? {
        guard case .startChildWorkflowExecutionInitiatedEventAttributes(let attributes) = event.attributes else {
            return "it is \(event.summary)"
        }
        if attributes.workflowType.name != workflowType || attributes.workflowID != workflowID {
            return "it starts child workflow '\(attributes.workflowType.name)' with ID \(attributes.workflowID)"
        }
        return nil
    }

    override func handle(_ event: HistoryEvent, engine: WorkflowEngine) throws {
        switch event.attributes {
        case .childWorkflowExecutionStartedEventAttributes(let attributes):
            runID = attributes.workflowExecution.runID
            startedEventID = event.eventID
            started.resolve(.success(runID))
        case .startChildWorkflowExecutionFailedEventAttributes(let attributes):
            let failure = WorkflowAlreadyStartedError(workflowID: attributes.workflowID, workflowType: attributes.workflowType.name)
            started.resolve(.failure(failure))
            result.resolve(.failure(failure))
        case .childWorkflowExecutionCompletedEventAttributes(let attributes):
            result.resolve(.success([Payload](attributes.result)))
        case .childWorkflowExecutionFailedEventAttributes(let attributes):
            result.resolve(.failure(error(cause: engine.error(from: attributes.failure), retryState: attributes.retryState)))
        case .childWorkflowExecutionCanceledEventAttributes(let attributes):
            result.resolve(
                .failure(
                    error(
                        cause: CanceledError("child workflow canceled", details: [Payload](attributes.details)),
                        retryState: .cancelRequested
                    )
                )
            )
        case .childWorkflowExecutionTimedOutEventAttributes(let attributes):
            result.resolve(
                .failure(
                    error(cause: TimeoutError("child workflow timed out", timeoutType: .startToClose), retryState: attributes.retryState)
                )
            )
        case .childWorkflowExecutionTerminatedEventAttributes:
            result.resolve(.failure(error(cause: TerminatedError(), retryState: .nonRetryableFailure)))
        default:
            break
        }
    }

    override func abandon() {
        started.resolve(.failure(CancellationError()))
        result.resolve(.failure(CancellationError()))
    }

    private func error(cause: any TemporalFailureError, retryState: Temporal_Api_Enums_V1_RetryState) -> ChildWorkflowError {
        ChildWorkflowError(
            namespace: namespace,
            workflowID: workflowID,
            runID: runID,
            workflowType: workflowType,
            initiatedEventID: initiatedEventID,
            startedEventID: startedEventID,
            retryState: RetryState(rawValue: retryState.rawValue) ?? .unspecified,
            cause: cause
        )
    }
}
