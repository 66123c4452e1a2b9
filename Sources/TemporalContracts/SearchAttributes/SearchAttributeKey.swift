import Foundation

/// A typed search attribute: its name on the server, its index type, and the Swift type of its
/// values. Generated code declares one per attribute of a contract's `searchAttributes`, so
/// `attributes[Orders.SearchAttributes.customerID] = "c-1"` cannot write a value of the wrong type.
public struct SearchAttributeKey<Value: SearchAttributeValueConvertible>: Hashable, Sendable {
    /// The attribute's name, as registered on the server.
    public let name: String
    /// The attribute's index type, as registered on the server.
    public let kind: SearchAttributeKind

    init(name: String, kind: SearchAttributeKind) {
        self.name = name
        self.kind = kind
    }
}

extension SearchAttributeKey where Value == String {
    /// A `Keyword` attribute: exact-match values.
    public static func keyword(_ name: String) -> Self { Self(name: name, kind: .keyword) }
    /// A `Text` attribute: full-text values.
    public static func text(_ name: String) -> Self { Self(name: name, kind: .text) }
}

extension SearchAttributeKey where Value == Int64 {
    /// An `Int` attribute.
    public static func int(_ name: String) -> Self { Self(name: name, kind: .int) }
}

extension SearchAttributeKey where Value == Double {
    /// A `Double` attribute.
    public static func double(_ name: String) -> Self { Self(name: name, kind: .double) }
}

extension SearchAttributeKey where Value == Bool {
    /// A `Bool` attribute.
    public static func bool(_ name: String) -> Self { Self(name: name, kind: .bool) }
}

extension SearchAttributeKey where Value == Date {
    /// A `Datetime` attribute.
    public static func datetime(_ name: String) -> Self { Self(name: name, kind: .datetime) }
}

extension SearchAttributeKey where Value == [String] {
    /// A `KeywordList` attribute.
    public static func keywordList(_ name: String) -> Self { Self(name: name, kind: .keywordList) }
}
