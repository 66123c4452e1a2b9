import Foundation

/// A schedule as the server describes it, payloads still encoded; `ScheduleHandle.describe()`
/// decodes it into a typed `ScheduleDescription`.
public struct ScheduleDetails: Sendable {
    /// The schedule as stored: spec (cron strings come back as calendars), action, policies, state.
    public var schedule: ScheduleRequest
    /// What the schedule has done and will do.
    public var info: ScheduleInfo
    /// Guards `updateSchedule` against concurrent changes.
    public var conflictToken: Data?

    /// Details from their parts.
    public init(schedule: ScheduleRequest, info: ScheduleInfo, conflictToken: Data? = nil) {
        self.schedule = schedule
        self.info = info
        self.conflictToken = conflictToken
    }
}

/// What a schedule has done and will do (`temporal.api.schedule.v1.ScheduleInfo`).
public struct ScheduleInfo: Hashable, Sendable {
    /// Actions taken so far.
    public var actionCount: Int
    /// Actions skipped because they were too late for the catch-up window.
    public var missedCatchupWindow: Int
    /// Actions skipped by the overlap policy.
    public var overlapSkipped: Int
    /// Runs started by the schedule that are still open.
    public var runningWorkflows: [WorkflowExecution]
    /// The latest actions, oldest first.
    public var recentActions: [ScheduleActionResult]
    /// The next action times.
    public var nextActionTimes: [Date]
    /// When the schedule was created.
    public var createTime: Date?
    /// When it was last updated.
    public var updateTime: Date?

    /// Info from its parts.
    public init(
        actionCount: Int = 0,
        missedCatchupWindow: Int = 0,
        overlapSkipped: Int = 0,
        runningWorkflows: [WorkflowExecution] = [],
        recentActions: [ScheduleActionResult] = [],
        nextActionTimes: [Date] = [],
        createTime: Date? = nil,
        updateTime: Date? = nil
    ) {
        self.actionCount = actionCount
        self.missedCatchupWindow = missedCatchupWindow
        self.overlapSkipped = overlapSkipped
        self.runningWorkflows = runningWorkflows
        self.recentActions = recentActions
        self.nextActionTimes = nextActionTimes
        self.createTime = createTime
        self.updateTime = updateTime
    }
}

/// One action a schedule took.
public struct ScheduleActionResult: Hashable, Sendable {
    /// The time the spec (or trigger, or backfill) called for.
    public var scheduleTime: Date
    /// When the action was actually taken.
    public var actualTime: Date
    /// The run it started.
    public var workflow: WorkflowExecution

    /// A result from its parts.
    public init(scheduleTime: Date, actualTime: Date, workflow: WorkflowExecution) {
        self.scheduleTime = scheduleTime
        self.actualTime = actualTime
        self.workflow = workflow
    }
}
