import Foundation
import TemporalAPI
import TemporalContracts

extension SearchAttributeValue {
    /// The value as the server indexes it: JSON, with its type in the `type` metadata as the
    /// SDKs write it.
    public var apiPayload: Temporal_Api_Common_V1_Payload {
        let (type, json): (String, Any) =
            switch self {
            case .text(let value): ("Text", value)
            case .keyword(let value): ("Keyword", value)
            case .int(let value): ("Int", value)
            case .double(let value): ("Double", value)
            case .bool(let value): ("Bool", value)
            case .date(let secondsSince1970): ("Datetime", RFC3339.string(from: Date(timeIntervalSince1970: secondsSince1970)))
            case .keywordList(let values): ("KeywordList", values)
            }
        var payload = Temporal_Api_Common_V1_Payload()
        payload.metadata = [Payload.encodingKey: Data(PayloadEncoding.json.utf8), "type": Data(type.utf8)]
        payload.data = (try? JSONSerialization.data(withJSONObject: json, options: [.fragmentsAllowed])) ?? Data()
        return payload
    }
}

extension [String: SearchAttributeValue] {
    /// The attributes as the server's `SearchAttributes` message, each value typed as the SDKs write it.
    public var apiSearchAttributes: Temporal_Api_Common_V1_SearchAttributes {
        var attributes = Temporal_Api_Common_V1_SearchAttributes()
        attributes.indexedFields = mapValues(\.apiPayload)
        return attributes
    }
}
