/// A generated stored or computed property: `public var name: Type`, `public static let name = value`
/// or `public var name: Type {` with a getter body.
struct SwiftProperty: Hashable, Sendable {
    /// `public var`, `public static let`, `let`.
    var head: String
    var name: String
    var type: String?
    /// The initial value of a stored property.
    var value: SwiftCode?
    /// The getter's statements of a computed property.
    var getter: [SwiftCode]?

    init(_ head: String, _ name: String, type: String? = nil, value: SwiftCode? = nil, getter: [SwiftCode]? = nil) {
        self.head = head
        self.name = name
        self.type = type
        self.value = value
        self.getter = getter
    }

    func lines(indentation: Int) -> [String] {
        let declaration = "\(head) \(name)" + (type.map { ": \($0)" } ?? "")
        if let value {
            return SwiftCode.binding(prefix: declaration + " =", value: value).lines(indentation: indentation)
        }
        guard let getter else { return [declaration] }
        let statements = getter.flatMap { statement in
            statement.lines(indentation: indentation + 4).map { "    " + $0 }
        }
        return [declaration + " {"] + statements + ["}"]
    }

    /// The declaration as one block of text, for a position `indentation` columns in.
    func code(indentation: Int) -> String {
        SwiftCode.joined(lines(indentation: indentation), indentation: indentation)
    }
}
