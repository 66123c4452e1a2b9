/// Action times every `every`, counted from the Unix epoch and shifted by `offset`: with
/// `every: 1h, offset: 15m` the actions fall at a quarter past each hour.
public struct ScheduleIntervalSpec: Hashable, Sendable {
    /// The period between actions; must be positive.
    public var every: Duration
    /// Shift of each action within the period; less than `every`.
    public var offset: Duration

    /// An interval of `every`, shifted by `offset`.
    public init(every: Duration, offset: Duration = .zero) {
        self.every = every
        self.offset = offset
    }
}
