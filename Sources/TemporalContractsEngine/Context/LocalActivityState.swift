import TemporalContracts

/// A local activity the workflow waits for.
final class LocalActivityState {
    let request: LocalActivityRequest
    let result = PendingResult<[Payload]>()
    /// Whether the driver was asked to run it (not while replaying: the history has its result).
    var handedOut = false

    init(request: LocalActivityRequest) {
        self.request = request
    }
}
