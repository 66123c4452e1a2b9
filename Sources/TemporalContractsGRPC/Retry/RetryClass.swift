/// Whether a call may be sent again after a failure that leaves its effect unknown.
package enum RetryClass: Sendable {
    /// Safe to repeat: reads, and writes the server deduplicates by request or update ID.
    case idempotent
    /// A read with no effect, such as the probe that opens a connection: repeating is safe, and an
    /// expired deadline (a server still starting, or overloaded) is tried again.
    case read
    /// A long poll: repeating is safe, and a deadline only means nothing happened yet.
    case longPoll
    /// Repeating could apply the effect twice (terminate carries no request ID); never retried.
    case never
}
