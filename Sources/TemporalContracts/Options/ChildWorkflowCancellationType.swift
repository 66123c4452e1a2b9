/// What cancelling the workflow code that waits for a child workflow does to the child, as the
/// other SDKs' `ChildWorkflowCancellationType` defines it.
public enum ChildWorkflowCancellationType: Hashable, Sendable {
    /// Ask the server to cancel the child and keep waiting until the child ends (the default,
    /// as in the Python and TypeScript SDKs; a contract's `waitForCancellation: true`).
    case waitCancellationCompleted
    /// Ask the server to cancel the child and stop waiting at once (the Go SDK's default; a
    /// contract's `waitForCancellation: false`).
    case tryCancel
    /// Ask the server to cancel the child and wait until the server has recorded the request
    /// (`ExternalWorkflowExecutionCancelRequested`), not until the child ends; then the wait ends
    /// as cancelled (sdk-core's and Java's `WAIT_CANCELLATION_REQUESTED`).
    case waitCancellationRequested
    /// Stop waiting without asking the server to cancel the child; it runs on.
    case abandon

    /// The type a contract's `waitForCancellation` flag stands for.
    public init(waitForCancellation: Bool) {
        self = waitForCancellation ? .waitCancellationCompleted : .tryCancel
    }
}
