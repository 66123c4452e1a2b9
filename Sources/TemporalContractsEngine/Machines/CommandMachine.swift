import SwiftProtobuf
import TemporalAPI

typealias HistoryEvent = Temporal_Api_History_V1_HistoryEvent
typealias Command = Temporal_Api_Command_V1_Command

/// One command the workflow issued, as a state machine: created when workflow code issues it,
/// recorded when the history event that records it is matched (in order; a difference is
/// nondeterminism), then driven by the events that refer to that event until it ends. One class
/// per command kind, each with an explicit `State` and its transitions as methods; a transition
/// the state does not allow throws `MachineError`, never traps.
protocol CommandMachine: AnyObject {
    var command: Command { get }
    /// A protocol message sent with the command (update acceptance and completion).
    var message: Temporal_Api_Protocol_V1_Message? { get }
    /// How the command reads in a nondeterminism report and in the stack trace.
    var summary: String { get }
    /// The ID of the event that recorded the command; 0 until recorded.
    var recordedEventID: Int64 { get }
    /// Whether workflow code may still be waiting for the command's outcome.
    var isPending: Bool { get }

    /// Whether `event` records this command: nil when it does, otherwise what differs.
    func mismatch(with event: HistoryEvent) -> String?
    /// created → recorded: `event` (which `mismatch` accepted) records the command.
    func record(_ event: HistoryEvent) throws
    /// Applies an event that refers to the event that recorded the command.
    func handle(_ event: HistoryEvent) throws
    /// Ends the waits of workflow code on this command (the engine is torn down); not a
    /// transition: the history says nothing.
    func tearDown()
}

/// A machine whose wait workflow code can cancel.
protocol CancellableMachine: CommandMachine {
    /// The cancel transition: what it depends on is the state, what it asks of the engine is the
    /// result. Resolves the waits it ends itself.
    func cancel() -> CancelAction
}

/// What cancelling a machine asks of the engine.
enum CancelAction {
    /// Nothing: the outcome is known already, or the command is left to run (abandoned, or a
    /// request to another workflow already on its way).
    case none
    /// The command has not reached the history (issued in this same workflow task): take it
    /// back, so it is never sent — and on replay never expected, as the history has no event.
    case withdraw
    /// Send this command to ask the server to cancel.
    case issue(any CommandMachine)
}

extension CommandMachine {
    var message: Temporal_Api_Protocol_V1_Message? { nil }
    var summary: String { command.summary }
    var isRecorded: Bool { recordedEventID != 0 }
    var isPending: Bool { false }

    /// Machines of commands nothing refers to after they are recorded take no further event.
    func handle(_ event: HistoryEvent) throws {
        throw MachineError.unexpectedEvent(event, state: "recorded")
    }

    func tearDown() {}

    /// The command-type check every kind starts with.
    func commandTypeMismatch(with event: HistoryEvent) -> String? {
        event.recordedCommandType == command.commandType ? nil : "it is \(event.summary)"
    }

    /// The error of `transition` asked for in a state that does not allow it: an engine bug.
    func invalidTransition(_ transition: String, in state: some Any) -> MachineError {
        .invalidTransition("\(transition) of \(summary) in state \(state)")
    }
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
