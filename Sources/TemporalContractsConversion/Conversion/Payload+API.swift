import Foundation
import TemporalAPI
import TemporalContracts

extension Payload {
    /// The payload as the API carries it.
    public var apiPayload: Temporal_Api_Common_V1_Payload {
        var payload = Temporal_Api_Common_V1_Payload()
        payload.metadata = metadata
        payload.data = data
        return payload
    }

    public init(_ payload: Temporal_Api_Common_V1_Payload) {
        self.init(metadata: payload.metadata, data: payload.data)
    }
}

extension [Payload] {
    /// The payloads as the API carries them.
    public var apiPayloads: Temporal_Api_Common_V1_Payloads {
        var payloads = Temporal_Api_Common_V1_Payloads()
        payloads.payloads = map(\.apiPayload)
        return payloads
    }

    public init(_ payloads: Temporal_Api_Common_V1_Payloads) {
        self = payloads.payloads.map(Payload.init)
    }
}
