import Foundation
import TemporalContracts

extension WorkflowEngine {
    /// The query the Temporal CLI (`temporal workflow stack`) and web UI send for a workflow's
    /// "stack trace".
    static let stackTraceQuery = "__stack_trace"
    /// The query the CLI (`temporal workflow metadata`) and web UI send for a workflow's handlers.
    static let metadataQuery = "__temporal_workflow_metadata"

    /// `temporal.api.sdk.v1.WorkflowMetadata` as the protobuf JSON payload the CLI and UI decode:
    /// the workflow type, the names of its queries, signals and updates, and the current details. Written by hand
    /// because that message is outside the workflow-service closure `TemporalAPI` is built from.
    /// Aliases are left out: the CLI and UI offer these names to send, and senders should use
    /// the current ones.
    var metadataPayload: Payload {
        func definitions(_ names: some Sequence<String>, aliases: [String: String]) -> [[String: String]] {
            names.filter { aliases[$0] == nil }.sorted().map { ["name": $0] }
        }
        var metadata: [String: Any] = [
            "definition": [
                "type": info.workflowType,
                "queryDefinitions": definitions(registration.queries.keys, aliases: registration.queryAliases),
                "signalDefinitions": definitions(registration.signals.keys, aliases: registration.signalAliases),
                "updateDefinitions": definitions(registration.updates.keys, aliases: registration.updateAliases),
            ]
        ]
        // `current_details` in proto JSON; left out when empty, as protobuf leaves a default out.
        if !context.currentDetails.isEmpty { metadata["currentDetails"] = context.currentDetails }
        let data = (try? JSONSerialization.data(withJSONObject: metadata, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Payload(
            metadata: ["encoding": Data("json/protobuf".utf8), "messageType": Data("temporal.api.sdk.v1.WorkflowMetadata".utf8)],
            data: data
        )
    }

    /// What the workflow is waiting for, in place of a stack trace: Swift cannot list the
    /// suspension points of its tasks, but the engine knows the commands, conditions, local
    /// activities and handlers still open.
    var stackTrace: String {
        var lines: [String] = []
        // In history order; commands not recorded yet last, in the order they were issued.
        for machine in context.machines.pending {
            let recorded = machine.isRecorded ? " (event \(machine.recordedEventID))" : " (not recorded yet)"
            lines.append("waiting for \(machine.summary)\(recorded)")
        }
        for state in context.localActivities.values.sorted(by: { $0.request.sequence < $1.request.sequence }) where !state.result.isResolved
        {
            lines.append("waiting for local activity '\(state.request.activityType)' (sequence \(state.request.sequence))")
        }
        if !context.conditions.isEmpty {
            let count = context.conditions.count
            lines.append("waiting for \(count) condition\(count == 1 ? "" : "s") to hold")
        }
        for handler in runningHandlers.keys.sorted() {
            lines.append("running \(runningHandlers[handler] ?? "a handler")")
        }
        if isFinished { lines.append("the run has ended") }
        let header = "workflow '\(info.workflowType)' (ID \(info.workflowID), run \(info.runID))"
        return ([header] + (lines.isEmpty ? ["waiting for nothing: the next event will wake it"] : lines)).joined(separator: "\n")
    }
}
