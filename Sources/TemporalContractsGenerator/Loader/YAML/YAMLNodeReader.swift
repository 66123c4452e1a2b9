import Yams

/// Reads typed, located values out of Yams nodes, reporting every shape problem as a diagnostic
/// instead of throwing, so one run lists them all.
struct YAMLNodeReader {
    let file: String
    var diagnostics = Diagnostics()

    init(file: String) {
        self.file = file
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// The pairs of a mapping node, with unknown keys reported; nil (and an error) for other nodes.
    mutating func mapping(
        _ node: Node,
        context: String,
        allowedKeys: [String]
    ) -> [(key: Located<String>, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            diagnostics.error(
                "\(context) must be a mapping, found \(describe(node))",
                at: location(of: node),
                hint: "write it as `key: value` lines"
            )
            return nil
        }
        var pairs: [(key: Located<String>, value: Node)] = []
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string else {
                diagnostics.error("\(context) has a key that is not a string", at: location(of: keyNode))
                continue
            }
            if !allowedKeys.isEmpty, !allowedKeys.contains(key) {
                diagnostics.error(
                    "unknown key '\(key)' in \(context)",
                    at: location(of: keyNode),
                    hint: Self.suggestion(for: key, among: allowedKeys)
                )
                continue
            }
            pairs.append((Located(key, at: location(of: keyNode)), valueNode))
        }
        return pairs
    }

    /// The entries of a mapping whose keys are names chosen by the author (types, workflows, …).
    mutating func namedEntries(_ node: Node, context: String) -> [(key: Located<String>, value: Node)] {
        mapping(node, context: context, allowedKeys: []) ?? []
    }

    mutating func sequence(_ node: Node, context: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            diagnostics.error(
                "\(context) must be a list, found \(describe(node))",
                at: location(of: node),
                hint: "write it as `[a, b]` or as `- a` lines"
            )
            return nil
        }
        return Array(sequence)
    }

    mutating func string(_ node: Node, context: String) -> Located<String>? {
        guard case .scalar(let scalar) = node else {
            diagnostics.error("\(context) must be a string, found \(describe(node))", at: location(of: node))
            return nil
        }
        return Located(scalar.string, at: location(of: node))
    }

    mutating func integer(_ node: Node, context: String) -> Located<Int>? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            diagnostics.error("\(context) must be an integer, found \(describe(node))", at: location(of: node))
            return nil
        }
        return Located(value, at: location(of: node))
    }

    mutating func number(_ node: Node, context: String) -> Located<Double>? {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            diagnostics.error("\(context) must be a number, found \(describe(node))", at: location(of: node))
            return nil
        }
        return Located(value, at: location(of: node))
    }

    mutating func boolean(_ node: Node, context: String) -> Bool? {
        guard case .scalar(let scalar) = node, let value = Bool(scalar.string) else {
            diagnostics.error(
                "\(context) must be true or false, found \(describe(node))",
                at: location(of: node)
            )
            return nil
        }
        return value
    }

    /// A list of strings, also accepting a single string for a one-element list.
    mutating func strings(_ node: Node, context: String) -> [Located<String>] {
        if case .scalar = node { return string(node, context: context).map { [$0] } ?? [] }
        guard let items = sequence(node, context: context) else { return [] }
        return items.compactMap { string($0, context: "an entry of \(context)") }
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "an empty value" : "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// "did you mean 'x'?" for a misspelt key, by edit distance.
    static func suggestion(for key: String, among candidates: [String]) -> String {
        let ranked = candidates.map { ($0, editDistance(key.lowercased(), $0.lowercased())) }
            .sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        if let best = ranked.first, best.1 <= max(2, key.count / 3) {
            return "did you mean '\(best.0)'?"
        }
        return "allowed keys: " + candidates.sorted().joined(separator: ", ")
    }

    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
