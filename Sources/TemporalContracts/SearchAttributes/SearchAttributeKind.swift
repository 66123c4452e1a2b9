/// The index type of a search attribute, as the server registers it.
public enum SearchAttributeKind: String, Hashable, Sendable, CaseIterable {
    case keyword
    case text
    case int
    case double
    case bool
    case datetime
    case keywordList

    /// The type's name on the server (`temporal operator search-attribute create --type`, the
    /// `type` metadata of an indexed payload).
    public var serverName: String {
        switch self {
        case .keyword: "Keyword"
        case .text: "Text"
        case .int: "Int"
        case .double: "Double"
        case .bool: "Bool"
        case .datetime: "Datetime"
        case .keywordList: "KeywordList"
        }
    }

    /// The kind of a server type name; nil for a name the server does not use.
    public init?(serverName: String) {
        guard let kind = Self.allCases.first(where: { $0.serverName == serverName }) else { return nil }
        self = kind
    }
}

extension SearchAttributeValue {
    /// The index type this value is written as.
    public var kind: SearchAttributeKind {
        switch self {
        case .text: .text
        case .keyword: .keyword
        case .int: .int
        case .double: .double
        case .bool: .bool
        case .date: .datetime
        case .keywordList: .keywordList
        }
    }
}
