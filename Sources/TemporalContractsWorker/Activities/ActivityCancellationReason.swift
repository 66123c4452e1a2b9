import TemporalContracts

/// Why the worker canceled an activity's task; it decides what the worker reports.
public enum ActivityCancellationReason: Sendable, Hashable {
    /// The workflow asked for it (delivered in a heartbeat response): reported as canceled.
    case requested
    /// The attempt's start-to-close or schedule-to-close deadline passed, or it stopped
    /// heartbeating: the server has already timed it out, so nothing is reported.
    case timedOut(TimeoutType)
    /// The server no longer knows the attempt (it completed or timed out elsewhere).
    case notFound
    /// The worker shut down and the grace period ended: reported as a retryable failure, so
    /// another worker runs the activity again.
    case workerShutdown
}
