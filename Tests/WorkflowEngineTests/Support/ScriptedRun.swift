import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import TemporalContractsEngine
import Testing

/// Drives one engine through a canned history one workflow task at a time, as a worker that
/// keeps the run cached does.
final class ScriptedRun {
    let engine: WorkflowEngine
    private var delivered = 0

    init(_ registration: WorkflowRegistration) {
        engine = WorkflowEngine(registration: registration, namespace: "default", workflowID: "scripted", runID: "run-1")
    }

    convenience init(_ body: @escaping @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String) {
        self.init(ScriptedWorkflow.registration(body))
    }

    deinit {
        engine.tearDown()
    }

    /// Hands the engine the events up to the next task of `history` and returns its answer.
    func nextTask(of history: HistoryBuilder, updates: [WorkflowUpdateRequest] = []) throws -> WorkflowActivationResult {
        guard let end = history.taskEnds.first(where: { $0 > delivered }) else {
            Issue.record("the history has no workflow task after event \(delivered)")
            throw CancellationError()
        }
        let events = Array(history.events[delivered..<end])
        delivered = end
        return try engine.activate(WorkflowActivation(events: events, updates: updates))
    }

    /// The commands of every task of `history`, one task at a time; a fresh engine handed the
    /// whole history at once (as after an eviction) must answer the last task alike.
    static func commandsPerTask(
        _ history: HistoryBuilder,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: @escaping @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String
    ) throws -> [[String]] {
        let run = ScriptedRun(body)
        var tasks: [[String]] = []
        for _ in history.taskEnds {
            tasks.append(try run.nextTask(of: history).commands.map(\.line))
        }
        let replayed = ScriptedRun(body)
        let whole = try replayed.engine.activate(WorkflowActivation(events: history.events)).commands.map(\.line)
        #expect(whole == tasks.last, "a replay of the whole history answers the last task differently", sourceLocation: sourceLocation)
        return tasks
    }

    /// Replays a history that ends with the run (no task to answer), as the replayer does.
    static func replay(
        _ history: HistoryBuilder,
        _ body: @escaping @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String
    ) throws -> WorkflowEngine {
        try WorkflowReplayer(workflows: [ScriptedWorkflow.registration(body)]).replay(history.history, workflowID: "scripted")
    }
}

extension Temporal_Api_Command_V1_Command {
    /// The command as a short line for expectations, e.g. `StartTimer 1 60s`.
    var line: String {
        switch attributes {
        case .scheduleActivityTaskCommandAttributes(let a): "ScheduleActivityTask \(a.activityType.name) \(a.activityID)"
        case .requestCancelActivityTaskCommandAttributes(let a): "RequestCancelActivityTask \(a.scheduledEventID)"
        case .startTimerCommandAttributes(let a): "StartTimer \(a.timerID) \(a.startToFireTimeout.seconds)s"
        case .cancelTimerCommandAttributes(let a): "CancelTimer \(a.timerID)"
        case .startChildWorkflowExecutionCommandAttributes(let a): "StartChildWorkflowExecution \(a.workflowType.name) \(a.workflowID)"
        case .signalExternalWorkflowExecutionCommandAttributes(let a):
            "SignalExternalWorkflowExecution \(a.signalName) \(a.execution.workflowID)"
        case .requestCancelExternalWorkflowExecutionCommandAttributes(let a):
            "RequestCancelExternalWorkflowExecution \(a.workflowID)\(a.childWorkflowOnly ? " childOnly" : "")"
        case .recordMarkerCommandAttributes(let a): "RecordMarker \(a.markerName)"
        case .completeWorkflowExecutionCommandAttributes(let a):
            "CompleteWorkflowExecution \(a.result.payloads.map { String(decoding: $0.data, as: UTF8.self) }.joined(separator: " "))"
        case .failWorkflowExecutionCommandAttributes(let a): "FailWorkflowExecution \(a.failure.message)"
        case .cancelWorkflowExecutionCommandAttributes: "CancelWorkflowExecution"
        case .continueAsNewWorkflowExecutionCommandAttributes(let a): "ContinueAsNewWorkflowExecution \(a.workflowType.name)"
        case .protocolMessageCommandAttributes(let a): "ProtocolMessage \(a.messageID)"
        default: "\(commandType)"
        }
    }
}
