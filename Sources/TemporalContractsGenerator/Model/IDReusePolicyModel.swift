/// What the server does when a workflow ID was used by a closed workflow.
public enum IDReusePolicyModel: String, CaseIterable, Sendable {
    case allowDuplicate
    case allowDuplicateFailedOnly
    case rejectDuplicate
    case terminateIfRunning
}
