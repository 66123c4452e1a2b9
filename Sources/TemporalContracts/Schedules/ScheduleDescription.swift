import Foundation

/// A schedule described, with its action's input decoded back to the contract's type.
public struct ScheduleDescription<Input: Sendable>: Sendable {
    /// The schedule's ID.
    public var scheduleID: String
    /// The input every run receives.
    public var input: Input
    /// The workflow type the action starts.
    public var workflowType: String
    /// The prefix of scheduled runs' IDs (the server appends `-<scheduled time>`).
    public var workflowID: String
    /// The task queue runs start on.
    public var taskQueue: String
    /// When the schedule acts; cron strings come back as calendars.
    public var spec: ScheduleSpec
    /// Overlap, catch-up and failure policies.
    public var policies: SchedulePolicies
    /// Paused or not, and the note.
    public var state: ScheduleState
    /// What the schedule has done and will do: recent actions, next action times.
    public var info: ScheduleInfo

    /// A description from its parts.
    public init(
        scheduleID: String,
        input: Input,
        workflowType: String,
        workflowID: String,
        taskQueue: String,
        spec: ScheduleSpec,
        policies: SchedulePolicies,
        state: ScheduleState,
        info: ScheduleInfo
    ) {
        self.scheduleID = scheduleID
        self.input = input
        self.workflowType = workflowType
        self.workflowID = workflowID
        self.taskQueue = taskQueue
        self.spec = spec
        self.policies = policies
        self.state = state
        self.info = info
    }
}
