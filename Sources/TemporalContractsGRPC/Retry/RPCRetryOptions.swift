import Foundation

/// How calls are retried after transient failures (unavailable server, exhausted resources,
/// a long poll's deadline): exponential backoff with jitter, bounded by attempts and by time.
public struct RPCRetryOptions: Sendable {
    public var initialInterval: Duration
    public var maximumInterval: Duration
    public var backoffCoefficient: Double
    /// Each delay is randomized by up to this fraction either way, so clients that failed together
    /// do not retry together.
    public var jitter: Double
    public var maximumAttempts: Int
    /// No retry starts after this much time since the first attempt.
    public var maximumElapsedTime: Duration

    public init(
        initialInterval: Duration = .milliseconds(100),
        maximumInterval: Duration = .seconds(5),
        backoffCoefficient: Double = 1.7,
        jitter: Double = 0.2,
        maximumAttempts: Int = 100,
        maximumElapsedTime: Duration = .seconds(60)
    ) {
        self.initialInterval = initialInterval
        self.maximumInterval = maximumInterval
        self.backoffCoefficient = backoffCoefficient
        self.jitter = jitter
        self.maximumAttempts = maximumAttempts
        self.maximumElapsedTime = maximumElapsedTime
    }

    /// No retries at all.
    public static let none = RPCRetryOptions(maximumAttempts: 1)

    /// The delay before retry number `retry` (1 for the first retry), jittered.
    func delay(beforeRetry retry: Int) -> Duration {
        let base = initialInterval * pow(backoffCoefficient, Double(retry - 1))
        let capped = min(base, maximumInterval)
        let factor = 1 + Double.random(in: -jitter...jitter)
        return capped * factor
    }
}
