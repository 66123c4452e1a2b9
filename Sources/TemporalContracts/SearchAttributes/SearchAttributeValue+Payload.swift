import Foundation

extension SearchAttributeValue {
    /// The value as the server indexes it: JSON, with its index type in the `type` metadata, as
    /// the SDKs write it.
    public var payload: Payload {
        let json: Any =
            switch self {
            case .text(let value), .keyword(let value): value
            case .int(let value): value
            case .double(let value): value
            case .bool(let value): value
            case .date(let secondsSince1970): RFC3339.string(from: Date(timeIntervalSince1970: secondsSince1970))
            case .keywordList(let values): values
            }
        return Payload(
            metadata: [Payload.encodingKey: Data(PayloadEncoding.json.utf8), "type": Data(kind.serverName.utf8)],
            data: (try? JSONSerialization.data(withJSONObject: json, options: [.fragmentsAllowed])) ?? Data()
        )
    }

    /// The value of an indexed payload, read by its `type` metadata (or by its JSON when the
    /// server left the type out, as it does for values it returns from describe of older
    /// servers); nil for an unreadable payload.
    public init?(payload: Payload) {
        guard let json = try? JSONSerialization.jsonObject(with: payload.data, options: [.fragmentsAllowed]) else { return nil }
        let type = payload.metadata["type"].map { String(decoding: $0, as: UTF8.self) }
        switch (type.flatMap(SearchAttributeKind.init(serverName:)), json) {
        case (.text, let value as String): self = .text(value)
        case (.keyword, let value as String), (nil, let value as String): self = .keyword(value)
        case (.int, let value as NSNumber): self = .int(value.int64Value)
        case (.double, let value as NSNumber): self = .double(value.doubleValue)
        case (.bool, let value as Bool): self = .bool(value)
        case (.datetime, let value as String):
            guard let date = RFC3339.date(from: value) else { return nil }
            self = .date(date.timeIntervalSince1970)
        case (.keywordList, let values as [String]), (nil, let values as [String]): self = .keywordList(values)
        default: return nil
        }
    }
}

extension SearchAttributes {
    /// The attributes of indexed payloads, as a server or a history holds them; unreadable ones
    /// are left out.
    public init(payloads: [String: Payload]) {
        self.init(payloads.compactMapValues(SearchAttributeValue.init(payload:)))
    }

    /// The attributes as indexed payloads.
    public var payloads: [String: Payload] { values.mapValues(\.payload) }
}
