import TemporalAPI
import TemporalContracts

extension StartWorkflowRequest {
    /// The static summary and details as the API carries them; nil when neither is set.
    public var apiUserMetadata: Temporal_Api_Sdk_V1_UserMetadata? {
        Temporal_Api_Sdk_V1_UserMetadata(summary: summary, details: details)
    }
}

extension Temporal_Api_Sdk_V1_UserMetadata {
    /// User metadata from encoded payloads; nil when neither is set, so nothing is sent.
    public init?(summary: Payload?, details: Payload?) {
        guard summary != nil || details != nil else { return nil }
        self.init()
        if let summary { self.summary = summary.apiPayload }
        if let details { self.details = details.apiPayload }
    }
}
