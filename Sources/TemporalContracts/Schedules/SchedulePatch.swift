import Foundation

/// A change to a schedule that leaves its spec and action alone
/// (`temporal.api.schedule.v1.SchedulePatch`): pause, unpause, trigger now, backfill.
public struct SchedulePatch: Hashable, Sendable {
    /// Pauses with this note.
    public var pause: String?
    /// Unpauses with this note.
    public var unpause: String?
    /// Takes one action now, with this overlap policy (nil: the schedule's).
    public var trigger: ScheduleOverlapPolicy??
    /// Takes the actions the spec would have taken in these past ranges.
    public var backfills: [ScheduleBackfill]

    /// A patch; every part is optional.
    public init(
        pause: String? = nil,
        unpause: String? = nil,
        trigger: ScheduleOverlapPolicy?? = nil,
        backfills: [ScheduleBackfill] = []
    ) {
        self.pause = pause
        self.unpause = unpause
        self.trigger = trigger
        self.backfills = backfills
    }
}

/// A past time range whose action times a schedule takes now, under an overlap policy.
public struct ScheduleBackfill: Hashable, Sendable {
    /// The first time considered (inclusive).
    public var start: Date
    /// The last time considered (inclusive).
    public var end: Date
    /// How the backfilled actions overlap each other and open runs; nil: the schedule's.
    public var overlap: ScheduleOverlapPolicy?

    /// A backfill of `start...end`.
    public init(start: Date, end: Date, overlap: ScheduleOverlapPolicy? = nil) {
        self.start = start
        self.end = end
        self.overlap = overlap
    }
}
