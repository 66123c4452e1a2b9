/// How a schedule behaves when actions overlap, are missed or fail
/// (`temporal.api.schedule.v1.SchedulePolicies`).
public struct SchedulePolicies: Hashable, Sendable {
    /// What happens when an action is due while a run it started is still open.
    public var overlap: ScheduleOverlapPolicy
    /// How late a missed action (server down, schedule paused) may still be taken; the server's
    /// default (one year) when nil.
    public var catchupWindow: Duration?
    /// Pauses the schedule when a run it started fails or times out.
    public var pauseOnFailure: Bool

    /// Policies; by default overlapping actions are skipped.
    public init(overlap: ScheduleOverlapPolicy = .skip, catchupWindow: Duration? = nil, pauseOnFailure: Bool = false) {
        self.overlap = overlap
        self.catchupWindow = catchupWindow
        self.pauseOnFailure = pauseOnFailure
    }
}

/// What a schedule does with an action due while its previous run is open
/// (`temporal.api.enums.v1.ScheduleOverlapPolicy`).
public enum ScheduleOverlapPolicy: Int, Hashable, Sendable, CaseIterable {
    /// The action is dropped.
    case skip = 1
    /// One action waits for the open run to close; later ones are dropped.
    case bufferOne = 2
    /// Every action waits, in order.
    case bufferAll = 3
    /// The open run is cancelled, then the action is taken.
    case cancelOther = 4
    /// The open run is terminated, then the action is taken.
    case terminateOther = 5
    /// Runs start regardless of open ones.
    case allowAll = 6
}
