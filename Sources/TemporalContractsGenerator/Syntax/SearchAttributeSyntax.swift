/// A search attribute the contract declares (top-level `searchAttributes:`): its name and index type.
public struct SearchAttributeDeclarationSyntax: Sendable {
    public var name: Located<String>
    /// `keyword`, `text`, `int`, `double`, `bool`, `datetime` or `keywordList`.
    public var type: Located<String>

    public init(name: Located<String>, type: Located<String>) {
        self.name = name
        self.type = type
    }
}

/// A workflow's mapping of an input field to a search attribute or a memo key, set at start.
public struct InputMappingSyntax: Sendable {
    /// The search attribute's name or the memo key.
    public var name: Located<String>
    /// A path of wire names into the input, `customer.id`.
    public var field: Located<String>
    /// From a `.proto` typed mapping (`keyword.Name = field`): the index type it states.
    public var type: Located<String>?

    public init(name: Located<String>, field: Located<String>, type: Located<String>? = nil) {
        self.name = name
        self.field = field
        self.type = type
    }
}
