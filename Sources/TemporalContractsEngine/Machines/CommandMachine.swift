import SwiftProtobuf
import TemporalAPI

typealias HistoryEvent = Temporal_Api_History_V1_HistoryEvent
typealias Command = Temporal_Api_Command_V1_Command

/// One command the workflow issued, from creation through the history event that records it
/// (matched in order; a difference is nondeterminism) to the events that resolve it. One
/// subclass per command kind.
class CommandMachine {
    var command: Command
    /// The ID of the event that recorded the command; 0 until matched.
    var initiatedEventID: Int64 = 0
    /// A protocol message sent with the command (update acceptance and completion).
    var message: Temporal_Api_Protocol_V1_Message?

    init(command: Command) {
        self.command = command
    }

    var isMatched: Bool { initiatedEventID != 0 }

    /// How the command reads in a nondeterminism report.
    var summary: String { command.summary }

    /// Whether `event` records this command; nil when it does, otherwise what differs.
    func mismatch(with event: HistoryEvent) -> String? {
        event.recordedCommandType == command.commandType ? nil : "it is \(event.summary)"
    }

    /// Applies an event that refers to this command's initiating event.
    func handle(_ event: HistoryEvent, engine: WorkflowEngine) throws {}

    /// Ends the wait of the workflow code (the engine is torn down).
    func abandon() {}

    /// Whether workflow code may still be waiting for this command's outcome.
    var isPending: Bool { false }
}

extension Command {
    init(_ type: Temporal_Api_Enums_V1_CommandType, _ fill: (inout Command) -> Void) {
        self.init()
        commandType = type
        fill(&self)
    }

    var summary: String {
        switch attributes {
        case .scheduleActivityTaskCommandAttributes(let attributes):
            "ScheduleActivityTask '\(attributes.activityType.name)' (activity ID \(attributes.activityID))"
        case .startTimerCommandAttributes(let attributes):
            "StartTimer \(attributes.timerID) (\(attributes.startToFireTimeout.seconds)s)"
        case .cancelTimerCommandAttributes(let attributes):
            "CancelTimer \(attributes.timerID)"
        case .requestCancelActivityTaskCommandAttributes(let attributes):
            "RequestCancelActivityTask (scheduled event \(attributes.scheduledEventID))"
        case .startChildWorkflowExecutionCommandAttributes(let attributes):
            "StartChildWorkflowExecution '\(attributes.workflowType.name)' (workflow ID \(attributes.workflowID))"
        case .signalExternalWorkflowExecutionCommandAttributes(let attributes):
            "SignalExternalWorkflowExecution '\(attributes.signalName)' to \(attributes.execution.workflowID)"
        case .requestCancelExternalWorkflowExecutionCommandAttributes(let attributes):
            "RequestCancelExternalWorkflowExecution \(attributes.workflowID)"
        case .recordMarkerCommandAttributes(let attributes):
            "RecordMarker '\(attributes.markerName)'"
        case .protocolMessageCommandAttributes(let attributes):
            "ProtocolMessage \(attributes.messageID)"
        default:
            "\(commandType)"
        }
    }
}
