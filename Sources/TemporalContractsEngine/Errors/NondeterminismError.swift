import TemporalContracts

/// The workflow code issued other commands than the history recorded: its code changed in a
/// way that breaks executions started before the change. The workflow task fails (and is
/// retried) until the code is fixed; the execution itself is not changed.
public struct NondeterminismError: Error, CustomStringConvertible, Sendable {
    public let workflowType: String
    public let workflowID: String
    public let runID: String
    /// The history event that differed (0 when none exists, e.g. a side effect with no marker).
    public let eventID: Int64
    /// The event, e.g. `ActivityTaskScheduled event 5 'Charge' (activity ID 1)`.
    public let event: String
    /// The command the workflow issued instead, if any.
    public let command: String?
    public let difference: String

    init(info: WorkflowInfo, eventID: Int64, event: String, command: String?, difference: String) {
        self.workflowType = info.workflowType
        self.workflowID = info.workflowID
        self.runID = info.runID
        self.eventID = eventID
        self.event = event
        self.command = command
        self.difference = difference
    }

    public var description: String {
        let issued = command.map { "the workflow issued \($0), but \(difference)" } ?? difference
        return "nondeterminism in workflow '\(workflowType)' (ID \(workflowID), run \(runID)) at \(event): \(issued). "
            + "The code changed incompatibly since this execution started; guard the change with `context.patched(_:)`."
    }
}
