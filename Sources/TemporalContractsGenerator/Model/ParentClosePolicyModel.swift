/// What the server does to a child workflow when its parent closes.
public enum ParentClosePolicyModel: String, CaseIterable, Sendable {
    case terminate
    case abandon
    case requestCancel
}
