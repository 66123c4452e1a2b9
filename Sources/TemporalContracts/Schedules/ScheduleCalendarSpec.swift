/// A structured calendar entry: an action time is any time whose fields all fall in the given
/// ranges (`temporal.api.schedule.v1.StructuredCalendarSpec`). An empty field means its default:
/// second 0, minute 0, hour 0, and every day of month, month, year and day of week.
public struct ScheduleCalendarSpec: Hashable, Sendable {
    /// Seconds, 0–59.
    public var second: [ScheduleRange]
    /// Minutes, 0–59.
    public var minute: [ScheduleRange]
    /// Hours, 0–23.
    public var hour: [ScheduleRange]
    /// Days of the month, 1–31.
    public var dayOfMonth: [ScheduleRange]
    /// Months, 1–12.
    public var month: [ScheduleRange]
    /// Years; empty means every year.
    public var year: [ScheduleRange]
    /// Days of the week, 0 (Sunday) – 6.
    public var dayOfWeek: [ScheduleRange]
    /// A free-form note kept with the entry.
    public var comment: String

    /// A calendar entry from its field ranges.
    public init(
        second: [ScheduleRange] = [],
        minute: [ScheduleRange] = [],
        hour: [ScheduleRange] = [],
        dayOfMonth: [ScheduleRange] = [],
        month: [ScheduleRange] = [],
        year: [ScheduleRange] = [],
        dayOfWeek: [ScheduleRange] = [],
        comment: String = ""
    ) {
        self.second = second
        self.minute = minute
        self.hour = hour
        self.dayOfMonth = dayOfMonth
        self.month = month
        self.year = year
        self.dayOfWeek = dayOfWeek
        self.comment = comment
    }
}
