/// An inclusive range of calendar field values with a step: `start...end` every `step`.
public struct ScheduleRange: Hashable, Sendable {
    /// The first value.
    public var start: Int
    /// The last value (inclusive); equal to `start` for a single value.
    public var end: Int
    /// The distance between values; 1 for every value.
    public var step: Int

    /// The range `start...end` (a single value when `end` is nil) every `step`.
    public init(_ start: Int, _ end: Int? = nil, step: Int = 1) {
        self.start = start
        self.end = end ?? start
        self.step = step
    }
}
