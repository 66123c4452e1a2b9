import TemporalAPI
import TemporalContracts

extension TestServer {
    /// Applies each open child's parent-close policy once `parent` has closed, as the server does
    /// for every close, continue-as-new included: terminate (also the server's default for an
    /// unspecified policy), request cancellation, or leave the child running.
    func applyParentClosePolicies(of parent: TestExecution) {
        let children = executions.filter { $0.isOpen && $0.parent?.execution === parent }
        for child in children {
            switch child.parentClosePolicy {
            case .abandon:
                continue
            case .requestCancel:
                requestCancellation(of: child, reason: "by parent close policy")
                scheduleWorkflowTask(child)
            case .terminate, .unspecified, .UNRECOGNIZED:
                append(child, .workflowExecutionTerminated) { event in
                    event.workflowExecutionTerminatedEventAttributes.reason = "by parent close policy"
                    event.workflowExecutionTerminatedEventAttributes.identity = "swift-test-environment"
                }
                close(child, .terminated(reason: "by parent close policy"), status: .terminated)
            }
        }
    }
}
