/// What the server does when a new workflow reuses the ID of a closed one.
public enum WorkflowIDReusePolicy: Hashable, Sendable {
    case allowDuplicate
    case allowDuplicateFailedOnly
    case rejectDuplicate
    case terminateIfRunning
}

/// What the server does when a workflow with the same ID is running.
public enum WorkflowIDConflictPolicy: Hashable, Sendable {
    case fail
    case useExisting
    case terminateExisting
}
