import TemporalAPI
import TemporalContracts

/// The command machines of one run: those not recorded yet, in the order workflow code issued
/// them (the history must record them in that order), those recorded, by the event that
/// recorded them (later events refer to it), and the current workflow task's outbox.
final class WorkflowMachines {
    /// Issued, not yet matched with the events that record them, in order.
    private(set) var unrecorded: [any CommandMachine] = []
    /// Matched, by the ID of the event that recorded them.
    private(set) var recorded: [Int64: any CommandMachine] = [:]
    /// The current workflow task's commands, in order, for its completion.
    private(set) var outbox: [any CommandMachine] = []
    /// The current workflow task's protocol messages, in order.
    private(set) var messages: [Temporal_Api_Protocol_V1_Message] = []

    /// Machines workflow code may still wait for: recorded ones in history order, then the
    /// others in the order they were issued.
    var pending: [any CommandMachine] {
        recorded.values.filter(\.isPending).sorted { $0.recordedEventID < $1.recordedEventID } + unrecorded.filter(\.isPending)
    }

    /// Empties the outbox for a new workflow task.
    func startTask() {
        outbox.removeAll()
        messages.removeAll()
    }

    /// Adds a machine workflow code issued: matched later with its history event, and sent
    /// unless `replaying` (the history has its event already).
    func add(_ machine: any CommandMachine, replaying: Bool) {
        unrecorded.append(machine)
        guard !replaying else { return }
        outbox.append(machine)
        if let message = machine.message { messages.append(message) }
    }

    /// Sends a protocol message that no command records (an update's rejection).
    func send(_ message: Temporal_Api_Protocol_V1_Message) {
        messages.append(message)
    }

    /// Takes back a machine whose command has not reached the history (issued in this same
    /// task), so a cancellation before the server saw it costs nothing, in the first run and in
    /// replays alike.
    func withdraw(_ machine: any CommandMachine) {
        unrecorded.removeAll { $0 === machine }
        outbox.removeAll { $0 === machine }
    }

    /// Matches an event that records a command with the oldest unrecorded machine.
    func match(_ event: HistoryEvent, info: WorkflowInfo) throws {
        while let machine = unrecorded.first {
            guard let difference = machine.mismatch(with: event) else {
                unrecorded.removeFirst()
                try transition(machine, at: event, info: info) { try machine.record(event) }
                recorded[event.eventID] = machine
                return
            }
            // A deprecated patch may be gone from the code or missing from old histories.
            if let marker = machine as? MarkerMachine, marker.marker.isDeprecatedPatch {
                unrecorded.removeFirst()
                try transition(marker, at: event, info: info) { try marker.skip() }
                continue
            }
            if MarkerRecord(event)?.isDeprecatedPatch == true { return }
            throw NondeterminismError(
                info: info,
                eventID: event.eventID,
                event: event.summary,
                command: machine.summary,
                difference: difference
            )
        }
        if MarkerRecord(event)?.isDeprecatedPatch == true { return }
        throw NondeterminismError(
            info: info,
            eventID: event.eventID,
            event: event.summary,
            command: nil,
            difference: "the workflow issued no command for it"
        )
    }

    /// At the first event after a task's command events: every command of the task must have
    /// been recorded by then.
    func checkAllRecorded(before event: HistoryEvent, info: WorkflowInfo) throws {
        while let marker = unrecorded.first as? MarkerMachine, marker.marker.isDeprecatedPatch {
            unrecorded.removeFirst()
            try transition(marker, at: event, info: info) { try marker.skip() }
        }
        guard let machine = unrecorded.first else { return }
        throw NondeterminismError(
            info: info,
            eventID: event.eventID,
            event: event.summary,
            command: machine.summary,
            difference: "the history recorded no event for this command before it"
        )
    }

    /// Applies an event that refers to a recorded command (an activity's outcome, a timer's
    /// fire) to that command's machine.
    func handle(_ event: HistoryEvent, info: WorkflowInfo) throws {
        guard event.initiatingEventID != 0, let machine = recorded[event.initiatingEventID] else { return }
        try transition(machine, at: event, info: info) { try machine.handle(event) }
    }

    /// Ends every wait on a command (the engine is torn down).
    func tearDown() {
        for machine in Array(recorded.values) + unrecorded { machine.tearDown() }
    }

    /// Runs a machine's transition; one its state does not allow fails the workflow task:
    /// nondeterminism naming the event, or an internal error.
    private func transition(_ machine: any CommandMachine, at event: HistoryEvent, info: WorkflowInfo, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch MachineError.unexpectedEvent(let unexpected, let state) {
            throw NondeterminismError(
                info: info,
                eventID: unexpected.eventID,
                event: unexpected.summary,
                command: machine.summary,
                difference: "the event cannot follow it in its state '\(state)'"
            )
        } catch MachineError.invalidTransition(let transition) {
            throw WorkflowTaskError("internal error in the workflow engine: \(transition)", eventID: event.eventID)
        }
    }
}
