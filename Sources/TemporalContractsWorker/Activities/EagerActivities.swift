import TemporalAPI
import TemporalContractsConversion

/// Runs activities the server hands a workflow worker in its task completion response, when the
/// workflow scheduled them on this worker's own task queue: no activity poll, no matching, so
/// less latency and less work for the server (the other SDKs do the same by default).
protocol EagerActivities: Sendable {
    /// Whether this worker runs activities of `type` on `taskQueue`.
    func runs(_ type: String, on taskQueue: String) -> Bool
    /// Takes an activity slot if one is free now.
    func reserveSlot() -> Bool
    /// Gives back a slot reserved for an activity the server did not hand over.
    func releaseSlot()
    /// Runs a task in a reserved slot, which it releases when done.
    func run(_ task: Temporal_Api_Workflowservice_V1_PollActivityTaskQueueResponse)
}
