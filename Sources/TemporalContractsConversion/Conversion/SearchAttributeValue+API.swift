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

extension SearchAttributeValue {
    /// The value of an indexed payload, read by its `type` metadata; nil for an untyped or
    /// unreadable payload.
    public init?(apiPayload payload: Temporal_Api_Common_V1_Payload) {
        guard let type = payload.metadata["type"].map({ String(decoding: $0, as: UTF8.self) }),
            let json = try? JSONSerialization.jsonObject(with: payload.data, options: [.fragmentsAllowed])
        else { return nil }
        switch (type, json) {
        case ("Text", let value as String): self = .text(value)
        case ("Keyword", let value as String): self = .keyword(value)
        case ("Int", let value as NSNumber): self = .int(value.int64Value)
        case ("Double", let value as NSNumber): self = .double(value.doubleValue)
        case ("Bool", let value as Bool): self = .bool(value)
        case ("Datetime", let value as String):
            guard let date = RFC3339.date(from: value) else { return nil }
            self = .date(date.timeIntervalSince1970)
        case ("KeywordList", let values as [String]): self = .keywordList(values)
        default: return nil
        }
    }
}
