/// What the server does when a workflow with the ID is running.
public enum IDConflictPolicyModel: String, CaseIterable, Sendable {
    case fail
    case useExisting
    case terminateExisting
}
