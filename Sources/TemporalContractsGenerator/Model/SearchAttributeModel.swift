/// The index type of a search attribute, as a contract names it.
public enum SearchAttributeKindModel: String, Sendable, CaseIterable {
    case keyword
    case text
    case int
    case double
    case bool
    case datetime
    case keywordList
}

/// A search attribute the contract declares.
public struct SearchAttributeModel: Sendable {
    public var name: String
    public var kind: SearchAttributeKindModel
    public var location: SourceLocation

    public init(name: String, kind: SearchAttributeKindModel, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.location = location
    }
}

/// A workflow input field the client copies into a search attribute or a memo entry at start.
public struct InputMappingModel: Sendable {
    /// The search attribute's name or the memo key.
    public var name: String
    /// Search attributes only: the attribute's index type.
    public var kind: SearchAttributeKindModel?
    /// Wire names into the input.
    public var path: [String]
    /// The type of the field the path reaches.
    public var fieldType: TypeReference
    /// Whether a field on the path is optional, so the value may be missing.
    public var isOptional: Bool
    /// Text attributes only: a `${! … }` expression computing the value, in the Bloblang subset of
    /// ID expressions (`path` and `fieldType` are then unused), and its source text.
    public var expression: (IDExpression, source: String)?
    /// `.proto` only: the index type was inferred from the field, as neither the contract nor a
    /// typed mapping states it.
    public var isKindInferred = false

    public init(name: String, kind: SearchAttributeKindModel?, path: [String], fieldType: TypeReference, isOptional: Bool) {
        self.name = name
        self.kind = kind
        self.path = path
        self.fieldType = fieldType
        self.isOptional = isOptional
    }
}
