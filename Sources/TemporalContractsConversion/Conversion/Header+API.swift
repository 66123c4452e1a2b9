import TemporalAPI
import TemporalContracts

extension [String: Payload] {
    /// The headers as the API carries them. Payloads go out as they are: like the other Temporal
    /// SDKs, no payload codec runs over header payloads.
    public var apiHeader: Temporal_Api_Common_V1_Header {
        var header = Temporal_Api_Common_V1_Header()
        header.fields = mapValues(\.apiPayload)
        return header
    }

    /// The fields of an API header; empty when the message has none.
    public init(_ header: Temporal_Api_Common_V1_Header) {
        self = header.fields.mapValues(Payload.init)
    }
}
