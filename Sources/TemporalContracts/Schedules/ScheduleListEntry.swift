import Foundation

/// A schedule as a list returns it: its ID and a summary, without the action's input.
public struct ScheduleListEntry: Hashable, Sendable {
    /// The schedule's ID.
    public var scheduleID: String
    /// The workflow type its action starts.
    public var workflowType: String
    /// Whether it is paused, and the note.
    public var paused: Bool
    /// The note of the last pause or unpause.
    public var note: String
    /// The latest actions.
    public var recentActions: [ScheduleActionResult]
    /// The next action times.
    public var nextActionTimes: [Date]

    /// An entry from its parts.
    public init(
        scheduleID: String,
        workflowType: String,
        paused: Bool = false,
        note: String = "",
        recentActions: [ScheduleActionResult] = [],
        nextActionTimes: [Date] = []
    ) {
        self.scheduleID = scheduleID
        self.workflowType = workflowType
        self.paused = paused
        self.note = note
        self.recentActions = recentActions
        self.nextActionTimes = nextActionTimes
    }
}

/// One page of a schedule list.
public struct ScheduleListPage: Sendable {
    /// The schedules on this page.
    public var schedules: [ScheduleListEntry]
    /// Nil on the last page.
    public var nextPageToken: Data?

    /// A page from its parts.
    public init(schedules: [ScheduleListEntry], nextPageToken: Data?) {
        self.schedules = schedules
        self.nextPageToken = nextPageToken
    }
}
