/// What happens to an activity when the workflow code waiting for it is cancelled, as in the
/// other SDKs.
public enum ActivityCancellationType: Hashable, Sendable {
    /// Ask the server to cancel the activity and stop waiting at once (the SDKs' default).
    case tryCancel
    /// Ask the server to cancel the activity and wait until the activity acknowledges it
    /// (it heartbeats and sees the request) or ends.
    case waitCancellationCompleted
    /// Stop waiting without telling the server; the activity runs on.
    case abandon
}
