/// A schedule ID is already in use.
public struct ScheduleAlreadyRunningError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The schedule's ID.
    public var scheduleID: String

    /// The error for `scheduleID`.
    public init(scheduleID: String) {
        self.scheduleID = scheduleID
    }

    /// A readable message.
    public var description: String { "schedule '\(scheduleID)' already exists" }
}

/// No schedule has this ID.
public struct ScheduleNotFoundError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The schedule's ID.
    public var scheduleID: String

    /// The error for `scheduleID`.
    public init(scheduleID: String) {
        self.scheduleID = scheduleID
    }

    /// A readable message.
    public var description: String { "schedule '\(scheduleID)' not found" }
}
