/// A workflow's search attributes: values by attribute name, read and written through typed
/// `SearchAttributeKey`s (or by name, untyped).
///
/// ```swift
/// var attributes = SearchAttributes()
/// attributes[Orders.SearchAttributes.customerID] = "c-1"
/// let priority: Int64? = attributes[Orders.SearchAttributes.priority]
/// ```
public struct SearchAttributes: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    /// The values by attribute name, each tagged with its index type.
    public var values: [String: SearchAttributeValue]

    /// Attributes with these values by name.
    public init(_ values: [String: SearchAttributeValue] = [:]) {
        self.values = values
    }

    /// `["CustomerId": .keyword("c-1")]`: untyped values by name; a later duplicate wins.
    public init(dictionaryLiteral elements: (String, SearchAttributeValue)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// Whether no attribute is set.
    public var isEmpty: Bool { values.isEmpty }

    /// The attribute's value; nil when unset or of another type. Setting nil removes it.
    public subscript<Value>(key: SearchAttributeKey<Value>) -> Value? {
        get { values[key.name].flatMap(Value.init(searchAttributeValue:)) }
        set { values[key.name] = newValue?.searchAttributeValue(as: key.kind) }
    }

    /// The attribute's value by name, untyped.
    public subscript(name: String) -> SearchAttributeValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// These attributes with `other`'s values written over them.
    public func merging(_ other: SearchAttributes) -> SearchAttributes {
        SearchAttributes(values.merging(other.values) { _, new in new })
    }
}
