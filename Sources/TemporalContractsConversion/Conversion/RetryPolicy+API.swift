import TemporalAPI
import TemporalContracts

extension RetryPolicy {
    /// The policy as the API carries it; unset fields stay unset so the server applies its defaults.
    public var apiRetryPolicy: Temporal_Api_Common_V1_RetryPolicy {
        var policy = Temporal_Api_Common_V1_RetryPolicy()
        if let initialInterval { policy.initialInterval = initialInterval.protobufDuration }
        if let backoffCoefficient { policy.backoffCoefficient = backoffCoefficient }
        if let maximumInterval { policy.maximumInterval = maximumInterval.protobufDuration }
        if let maximumAttempts { policy.maximumAttempts = Int32(clamping: maximumAttempts) }
        policy.nonRetryableErrorTypes = nonRetryableErrorTypes
        return policy
    }
}
