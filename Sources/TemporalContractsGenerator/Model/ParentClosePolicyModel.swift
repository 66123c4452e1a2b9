/// What the server does to a child workflow when its parent closes.
public enum ParentClosePolicyModel: String, CaseIterable, Sendable {
    /// The server terminates the child (its default).
    case terminate
    /// The child runs on.
    case abandon
    /// The server asks the child to cancel.
    case requestCancel
}
