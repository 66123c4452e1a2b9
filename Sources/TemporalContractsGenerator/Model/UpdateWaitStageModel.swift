/// The stage a started update is awaited to by default (`waitForStage`).
public enum UpdateWaitStageModel: String, CaseIterable, Sendable {
    /// Listed so a contract's `admitted` gets a clear error: servers do not hold a call for it.
    case admitted
    /// A worker accepted the update (the default).
    case accepted
    /// The update finished.
    case completed
}
