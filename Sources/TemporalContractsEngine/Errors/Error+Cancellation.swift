import TemporalContracts

extension Error {
    /// Whether the error reports a cancellation, directly or as an activity's or child's cause.
    var isCancellation: Bool {
        switch self {
        case is CancellationError, is CanceledError: true
        case let error as ActivityError: error.cause is CanceledError
        case let error as ChildWorkflowError: error.cause is CanceledError
        default: false
        }
    }
}
