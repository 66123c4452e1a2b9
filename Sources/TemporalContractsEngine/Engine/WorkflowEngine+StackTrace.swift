import TemporalContracts

extension WorkflowEngine {
    /// The query the Temporal CLI (`temporal workflow stack`) and web UI send for a workflow's
    /// "stack trace".
    static let stackTraceQuery = "__stack_trace"

    /// What the workflow is waiting for, in place of a stack trace: Swift cannot list the
    /// suspension points of its tasks, but the engine knows the commands, conditions, local
    /// activities and handlers still open.
    var stackTrace: String {
        var lines: [String] = []
        // In history order; commands not recorded yet last, in the order they were issued.
        let recorded = machinesByEventID.values.filter(\.isPending).sorted { $0.initiatedEventID < $1.initiatedEventID }
        for machine in recorded + unmatched.filter(\.isPending) {
            let recorded = machine.isMatched ? " (event \(machine.initiatedEventID))" : " (not recorded yet)"
            lines.append("waiting for \(machine.summary)\(recorded)")
        }
        for state in localActivities.values.sorted(by: { $0.request.sequence < $1.request.sequence }) where !state.result.isResolved {
            lines.append("waiting for local activity '\(state.request.activityType)' (sequence \(state.request.sequence))")
        }
        if !conditions.isEmpty {
            lines.append("waiting for \(conditions.count) condition\(conditions.count == 1 ? "" : "s") to hold")
        }
        for handler in runningHandlers.keys.sorted() {
            lines.append("running \(runningHandlers[handler] ?? "a handler")")
        }
        if isFinished { lines.append("the run has ended") }
        let header = "workflow '\(info.workflowType)' (ID \(info.workflowID), run \(info.runID))"
        return ([header] + (lines.isEmpty ? ["waiting for nothing: the next event will wake it"] : lines)).joined(separator: "\n")
    }
}
