import TemporalAPI
import TemporalContracts

/// A request to another workflow: `SignalExternalWorkflowExecution` ↔
/// `SignalExternalWorkflowExecutionInitiated`, or `RequestCancelExternalWorkflowExecution` ↔
/// `RequestCancelExternalWorkflowExecutionInitiated`; resolved when the server delivered it or
/// could not.
final class ExternalWorkflowMachine: CommandMachine {
    let delivered = PendingResult<Void>()

    override var isPending: Bool { !delivered.isResolved }

    private var target: (workflowID: String, name: String) {
        switch command.attributes {
        case .signalExternalWorkflowExecutionCommandAttributes(let attributes):
            (attributes.execution.workflowID, attributes.signalName)
        case .requestCancelExternalWorkflowExecutionCommandAttributes(let attributes):
            (attributes.workflowID, "")
        default:
            ("", "")
        }
    }

    override func mismatch(with event: HistoryEvent) -> String? {
        switch event.attributes {
        case .signalExternalWorkflowExecutionInitiatedEventAttributes(let attributes)
        where command.commandType == .signalExternalWorkflowExecution:
            let target = target
            return attributes.workflowExecution.workflowID == target.workflowID && attributes.signalName == target.name
                ? nil : "it signals '\(attributes.signalName)' to \(attributes.workflowExecution.workflowID)"
        case .requestCancelExternalWorkflowExecutionInitiatedEventAttributes(let attributes)
        where command.commandType == .requestCancelExternalWorkflowExecution:
            return attributes.workflowExecution.workflowID == target.workflowID
                ? nil : "it cancels workflow \(attributes.workflowExecution.workflowID)"
        default:
            return "it is \(event.summary)"
        }
    }

    override func abandon() {
        delivered.resolve(.failure(CancellationError()))
    }

    override func handle(_ event: HistoryEvent, engine: WorkflowEngine) throws {
        switch event.attributes {
        case .externalWorkflowExecutionSignaledEventAttributes, .externalWorkflowExecutionCancelRequestedEventAttributes:
            delivered.resolve(.success(()))
        case .signalExternalWorkflowExecutionFailedEventAttributes(let attributes):
            delivered.resolve(
                .failure(WorkflowNotFoundError(execution: WorkflowExecution(workflowID: attributes.workflowExecution.workflowID)))
            )
        case .requestCancelExternalWorkflowExecutionFailedEventAttributes(let attributes):
            delivered.resolve(
                .failure(WorkflowNotFoundError(execution: WorkflowExecution(workflowID: attributes.workflowExecution.workflowID)))
            )
        default:
            break
        }
    }
}
