import Foundation
import Logging
import Synchronization
import TemporalContracts

/// The `ActivityContext` of an activity running on an `ActivityWorker`.
public final class WorkerActivityContext: ActivityContext {
    public let info: ActivityInfo
    public let dataConverter: DataConverter
    /// The worker's logger with this attempt's activity, workflow and attempt as metadata.
    public let logger: Logger

    private struct State {
        var cancellationReason: ActivityCancellationReason?
        var lastHeartbeat: ContinuousClock.Instant
        var latestHeartbeatDetails: [Payload] = []
        var onCancel: (@Sendable (ActivityCancellationReason) -> Void)?
    }

    private let state: Mutex<State>
    private let throttle: HeartbeatThrottle?

    init(info: ActivityInfo, dataConverter: DataConverter, logger: Logger, throttle: HeartbeatThrottle?) {
        self.info = info
        self.dataConverter = dataConverter
        self.logger = logger
        self.throttle = throttle
        state = Mutex(State(lastHeartbeat: .now))
    }

    public func heartbeat(details: [Payload]) async {
        state.withLock { state in
            state.lastHeartbeat = .now
            state.latestHeartbeatDetails = details
        }
        await throttle?.record(details)
    }

    public var isCancellationRequested: Bool {
        state.withLock { $0.cancellationReason != nil }
    }

    /// Why the activity was canceled, if it was.
    public var cancellationReason: ActivityCancellationReason? {
        state.withLock { $0.cancellationReason }
    }

    /// The details of the latest heartbeat, sent or still throttled; a failure report carries them.
    var latestHeartbeatDetails: [Payload] {
        state.withLock { $0.latestHeartbeatDetails }
    }

    var lastHeartbeat: ContinuousClock.Instant {
        state.withLock { $0.lastHeartbeat }
    }

    /// Registers what cancels the activity's task; called once before the activity starts.
    func onCancel(_ handler: @escaping @Sendable (ActivityCancellationReason) -> Void) {
        state.withLock { $0.onCancel = handler }
    }

    /// Records the first reason only and cancels the activity's task.
    func cancel(_ reason: ActivityCancellationReason) {
        let handler: (@Sendable (ActivityCancellationReason) -> Void)? = state.withLock { state in
            guard state.cancellationReason == nil else { return nil }
            state.cancellationReason = reason
            return state.onCancel
        }
        handler?(reason)
    }
}
