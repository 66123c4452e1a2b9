import Foundation

/// When a schedule takes its action: the union of its calendars, cron strings and intervals,
/// bounded by `startAt`/`endAt` and spread by `jitter` (`temporal.api.schedule.v1.ScheduleSpec`).
///
/// ```swift
/// let nightly = ScheduleSpec(cronStrings: ["0 2 * * *"], timeZoneName: "Europe/Berlin")
/// let hourly = ScheduleSpec(intervals: [.init(every: .seconds(3600))])
/// ```
public struct ScheduleSpec: Hashable, Sendable {
    /// Structured calendar entries; each matching time is an action time.
    public var calendars: [ScheduleCalendarSpec]
    /// Cron strings (`"0 12 * * MON-FRI"`, `"@hourly"`); the server turns them into calendars,
    /// so a described schedule reports them in `calendars`.
    public var cronStrings: [String]
    /// Fixed intervals since the epoch, each with an offset.
    public var intervals: [ScheduleIntervalSpec]
    /// Calendar entries whose matching times are skipped.
    public var skip: [ScheduleCalendarSpec]
    /// No action before this time.
    public var startAt: Date?
    /// No action after this time.
    public var endAt: Date?
    /// A random delay of up to this much is added to each action time, to spread load.
    public var jitter: Duration?
    /// The IANA time zone calendars and cron strings are read in; UTC when nil.
    public var timeZoneName: String?

    /// A spec from its parts; every part is optional.
    public init(
        calendars: [ScheduleCalendarSpec] = [],
        cronStrings: [String] = [],
        intervals: [ScheduleIntervalSpec] = [],
        skip: [ScheduleCalendarSpec] = [],
        startAt: Date? = nil,
        endAt: Date? = nil,
        jitter: Duration? = nil,
        timeZoneName: String? = nil
    ) {
        self.calendars = calendars
        self.cronStrings = cronStrings
        self.intervals = intervals
        self.skip = skip
        self.startAt = startAt
        self.endAt = endAt
        self.jitter = jitter
        self.timeZoneName = timeZoneName
    }
}
