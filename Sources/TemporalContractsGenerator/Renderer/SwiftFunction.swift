/// A generated function, initializer or protocol requirement, rendered by `SwiftCode`'s one
/// wrapping rule: the parameters on the line when it fits, else one per line.
struct SwiftFunction: Hashable, Sendable {
    /// Everything before the parameter list: `public func start`, `init`, `func run`.
    var head: String
    var parameters: [SwiftParameter]
    /// `async throws`, `throws` or empty.
    var effects: String
    /// The result type; nil for none.
    var result: String?
    /// The statements; nil for a protocol requirement.
    var body: [SwiftCode]?

    init(_ head: String, _ parameters: [SwiftParameter], effects: String = "", result: String? = nil, body: [SwiftCode]?) {
        self.head = head
        self.parameters = parameters
        self.effects = effects
        self.result = result
        self.body = body
    }

    /// The declaration as lines for a position `indentation` columns in; the body is indented four
    /// more columns and closed.
    func lines(indentation: Int) -> [String] {
        var tail = effects.isEmpty ? "" : " \(effects)"
        if let result { tail += " -> \(result)" }
        let items = parameters.map(\.declaration)
        guard let body else {
            return SwiftCode.list(head: head, items: items, tail: tail).lines(indentation: indentation)
        }
        let signature = SwiftCode.list(head: head, items: items, tail: tail + " {").lines(indentation: indentation)
        let statements = body.flatMap { statement in
            statement.lines(indentation: indentation + 4).map { "    " + $0 }
        }
        return signature + statements + ["}"]
    }

    /// The declaration as one block of text, for a position `indentation` columns in.
    func code(indentation: Int) -> String {
        SwiftCode.joined(lines(indentation: indentation), indentation: indentation)
    }
}
