/// A transition a machine's state does not allow.
enum MachineError: Error {
    /// A history event that cannot follow the machine's state (a second `TimerFired`, an activity
    /// completed before it started): the history and the commands disagree. The engine reports it
    /// as `NondeterminismError` naming the event.
    case unexpectedEvent(HistoryEvent, state: String)
    /// The engine asked a machine for a transition its state does not allow: a bug in the engine,
    /// reported as a `WorkflowTaskError`.
    case invalidTransition(String)
}
