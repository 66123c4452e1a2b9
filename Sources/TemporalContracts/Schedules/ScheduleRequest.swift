import Foundation

/// A schedule to create or to replace, resolved: its action is a fully resolved workflow start
/// with payloads encoded. `action.workflowID` is the prefix of every run's ID: the server appends
/// `-<scheduled time>` (RFC 3339, UTC, whole seconds), so runs are `order-42-2026-01-01T10:00:00Z`.
public struct ScheduleRequest: Sendable {
    /// The schedule's ID, unique in the namespace.
    public var scheduleID: String
    /// When the schedule acts.
    public var spec: ScheduleSpec
    /// The workflow start each action makes; its `requestID` is ignored.
    public var action: StartWorkflowRequest
    /// Overlap, catch-up and failure policies.
    public var policies: SchedulePolicies
    /// Paused or not, and the note; the action limit.
    public var state: ScheduleState
    /// On create only: take one action immediately, besides the spec's.
    public var triggerImmediately: Bool

    /// A resolved schedule.
    public init(
        scheduleID: String,
        spec: ScheduleSpec,
        action: StartWorkflowRequest,
        policies: SchedulePolicies = SchedulePolicies(),
        state: ScheduleState = ScheduleState(),
        triggerImmediately: Bool = false
    ) {
        self.scheduleID = scheduleID
        self.spec = spec
        self.action = action
        self.policies = policies
        self.state = state
        self.triggerImmediately = triggerImmediately
    }
}

extension ScheduleRequest {
    /// The ID the server gives the run a schedule starts for `scheduledTime`: the action's
    /// workflow ID, a dash, and the time in RFC 3339 UTC to the second (`order-42-2026-01-01T10:00:00Z`).
    public static func scheduledWorkflowID(_ workflowID: String, at scheduledTime: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return "\(workflowID)-\(formatter.string(from: scheduledTime))"
    }
}
