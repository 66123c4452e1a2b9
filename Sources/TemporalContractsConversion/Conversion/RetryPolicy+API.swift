import SwiftProtobuf
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

extension RetryPolicy {
    /// The policy the API message carries; unset fields stay nil.
    public init(_ policy: Temporal_Api_Common_V1_RetryPolicy) {
        self.init(
            initialInterval: policy.hasInitialInterval ? Duration(policy.initialInterval) : nil,
            backoffCoefficient: policy.backoffCoefficient == 0 ? nil : policy.backoffCoefficient,
            maximumInterval: policy.hasMaximumInterval ? Duration(policy.maximumInterval) : nil,
            maximumAttempts: policy.maximumAttempts == 0 ? nil : Int(policy.maximumAttempts),
            nonRetryableErrorTypes: policy.nonRetryableErrorTypes
        )
    }
}
