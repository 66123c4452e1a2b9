import Foundation

/// A Swift type search attribute values are read as and written from.
public protocol SearchAttributeValueConvertible: Sendable {
    /// The value written to an attribute of index type `kind`.
    func searchAttributeValue(as kind: SearchAttributeKind) -> SearchAttributeValue
    /// The value read from an indexed value; nil when it holds another type.
    init?(searchAttributeValue: SearchAttributeValue)
}

extension String: SearchAttributeValueConvertible {
    public func searchAttributeValue(as kind: SearchAttributeKind) -> SearchAttributeValue {
        kind == .text ? .text(self) : .keyword(self)
    }

    public init?(searchAttributeValue: SearchAttributeValue) {
        switch searchAttributeValue {
        case .keyword(let value), .text(let value): self = value
        default: return nil
        }
    }
}

extension Int64: SearchAttributeValueConvertible {
    public func searchAttributeValue(as kind: SearchAttributeKind) -> SearchAttributeValue { .int(self) }

    public init?(searchAttributeValue: SearchAttributeValue) {
        guard case .int(let value) = searchAttributeValue else { return nil }
        self = value
    }
}

extension Double: SearchAttributeValueConvertible {
    public func searchAttributeValue(as kind: SearchAttributeKind) -> SearchAttributeValue { .double(self) }

    public init?(searchAttributeValue: SearchAttributeValue) {
        switch searchAttributeValue {
        case .double(let value): self = value
        // JSON does not keep `1.0` apart from `1`: a whole double may come back as an integer.
        case .int(let value): self = Double(value)
        default: return nil
        }
    }
}

extension Bool: SearchAttributeValueConvertible {
    public func searchAttributeValue(as kind: SearchAttributeKind) -> SearchAttributeValue { .bool(self) }

    public init?(searchAttributeValue: SearchAttributeValue) {
        guard case .bool(let value) = searchAttributeValue else { return nil }
        self = value
    }
}

extension Date: SearchAttributeValueConvertible {
    public func searchAttributeValue(as kind: SearchAttributeKind) -> SearchAttributeValue { .date(timeIntervalSince1970) }

    public init?(searchAttributeValue: SearchAttributeValue) {
        guard case .date(let seconds) = searchAttributeValue else { return nil }
        self = Date(timeIntervalSince1970: seconds)
    }
}

extension [String]: SearchAttributeValueConvertible {
    public func searchAttributeValue(as kind: SearchAttributeKind) -> SearchAttributeValue { .keywordList(self) }

    public init?(searchAttributeValue: SearchAttributeValue) {
        switch searchAttributeValue {
        case .keywordList(let values): self = values
        // The server answers a one-element keyword list as a plain keyword.
        case .keyword(let value): self = [value]
        default: return nil
        }
    }
}
