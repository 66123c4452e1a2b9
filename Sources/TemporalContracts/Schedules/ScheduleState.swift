/// Whether a schedule takes actions, with the note of its last pause or unpause
/// (`temporal.api.schedule.v1.ScheduleState`).
public struct ScheduleState: Hashable, Sendable {
    /// A paused schedule takes no scheduled actions (triggers and backfills still run).
    public var paused: Bool
    /// Why it was paused or unpaused.
    public var note: String
    /// When set, the schedule stops after this many more actions.
    public var remainingActions: Int?

    /// A state; by default running, without a note or action limit.
    public init(paused: Bool = false, note: String = "", remainingActions: Int? = nil) {
        self.paused = paused
        self.note = note
        self.remainingActions = remainingActions
    }
}
