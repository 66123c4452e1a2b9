import TemporalAPI
import TemporalContracts

/// A request to another workflow: `SignalExternalWorkflowExecution` ↔
/// `SignalExternalWorkflowExecutionInitiated`, or `RequestCancelExternalWorkflowExecution` ↔
/// `RequestCancelExternalWorkflowExecutionInitiated`; resolved when the server delivered it or
/// could not.
final class ExternalWorkflowMachine: CancellableMachine {
    enum State: Equatable {
        /// Issued; no event recorded it yet.
        case created
        /// The initiated event recorded it: the server delivers it.
        case initiated
        case delivered
        /// The target was not found.
        case failed
        /// Cancelled in the task that issued it: the command was taken back, never sent.
        case canceledBeforeSent
    }

    let command: Command
    let delivered = PendingResult<Void>()
    /// Called once when the server records the delivery, before workflow code resumes: a child
    /// cancelled with `waitCancellationRequested` ends its wait here, in history order.
    var onDelivered: (() -> Void)?
    private(set) var state = State.created
    private(set) var recordedEventID: Int64 = 0

    var isPending: Bool { !delivered.isResolved }
    private var isSignal: Bool { command.commandType == .signalExternalWorkflowExecution }

    init(command: Command) {
        self.command = command
    }

    /// `RequestCancelExternalWorkflowExecution` for `execution`; `childOnly` for a child of this
    /// workflow.
    static func cancelCommand(namespace: String, execution: WorkflowExecution, childOnly: Bool) -> Command {
        Command(.requestCancelExternalWorkflowExecution) { command in
            var attributes = Temporal_Api_Command_V1_RequestCancelExternalWorkflowExecutionCommandAttributes()
            attributes.namespace = namespace
            attributes.workflowID = execution.workflowID
            attributes.runID = execution.runID ?? ""
            attributes.childWorkflowOnly = childOnly
            command.requestCancelExternalWorkflowExecutionCommandAttributes = attributes
        }
    }

    func mismatch(with event: HistoryEvent) -> String? {
        switch event.attributes {
        case .signalExternalWorkflowExecutionInitiatedEventAttributes(let attributes) where isSignal:
            let expected = command.signalExternalWorkflowExecutionCommandAttributes
            return attributes.workflowExecution.workflowID == expected.execution.workflowID && attributes.signalName == expected.signalName
                ? nil : "it signals '\(attributes.signalName)' to \(attributes.workflowExecution.workflowID)"
        case .requestCancelExternalWorkflowExecutionInitiatedEventAttributes(let attributes) where !isSignal:
            return attributes.workflowExecution.workflowID == command.requestCancelExternalWorkflowExecutionCommandAttributes.workflowID
                ? nil : "it cancels workflow \(attributes.workflowExecution.workflowID)"
        default:
            return "it is \(event.summary)"
        }
    }

    func record(_ event: HistoryEvent) throws {
        guard state == .created else { throw invalidTransition("record", in: state) }
        state = .initiated
        recordedEventID = event.eventID
    }

    func handle(_ event: HistoryEvent) throws {
        guard state == .initiated else { throw MachineError.unexpectedEvent(event, state: "\(state)") }
        switch event.attributes {
        case .externalWorkflowExecutionSignaledEventAttributes where isSignal,
            .externalWorkflowExecutionCancelRequestedEventAttributes where !isSignal:
            state = .delivered
            delivered.resolve(.success(()))
            onDelivered?()
            onDelivered = nil
        case .signalExternalWorkflowExecutionFailedEventAttributes(let attributes) where isSignal:
            state = .failed
            delivered.resolve(
                .failure(WorkflowNotFoundError(execution: WorkflowExecution(workflowID: attributes.workflowExecution.workflowID)))
            )
        case .requestCancelExternalWorkflowExecutionFailedEventAttributes(let attributes) where !isSignal:
            state = .failed
            delivered.resolve(
                .failure(WorkflowNotFoundError(execution: WorkflowExecution(workflowID: attributes.workflowExecution.workflowID)))
            )
        default:
            throw MachineError.unexpectedEvent(event, state: "\(state)")
        }
    }

    /// Before it was sent the request is withdrawn; once initiated it is on its way, and the
    /// wait goes on until the server reports the delivery.
    func cancel() -> CancelAction {
        guard state == .created else { return .none }
        state = .canceledBeforeSent
        delivered.resolve(.failure(CanceledError("request canceled before it was sent")))
        return .withdraw
    }

    func tearDown() {
        delivered.resolve(.failure(CancellationError()))
    }
}
