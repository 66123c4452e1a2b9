/// A piece of generated Swift that may wrap: a call, a signature or a binding. Everything the
/// translator writes goes through `lines(indentation:)`, so generated code wraps by one rule, the one
/// swift-format applies with this project's configuration: a list stays on one line when the line
/// fits within `SwiftCode.lineLimit` columns, else it breaks after `(`, puts one item per line and
/// closes with `)` and the tail on a line of its own.
indirect enum SwiftCode: Hashable, Sendable {
    /// Text that never wraps.
    case text(String)
    /// `head(item, item)tail`: a call, a signature or an initializer.
    case list(head: String, items: [SwiftCode], tail: String)
    /// `prefix value`, e.g. `public static let x =` and a call: the value moves to the next line,
    /// indented, when even its first line does not fit after the prefix.
    case binding(prefix: String, value: SwiftCode)

    /// The column limit of generated code, as in `.swift-format`.
    static let lineLimit = 140

    /// The code on one line.
    var flat: String {
        switch self {
        case .text(let text): text
        case .list(let head, let items, let tail): "\(head)(\(items.map(\.flat).joined(separator: ", ")))\(tail)"
        case .binding(let prefix, let value): "\(prefix) \(value.flat)"
        }
    }

    /// The code as lines, for a position `indentation` columns in; `trailing` columns follow the
    /// last line (a comma). Continuation lines are indented relative to the first.
    func lines(indentation: Int, trailing: Int = 0) -> [String] {
        let flat = self.flat
        if indentation + flat.count + trailing <= Self.lineLimit { return [flat] }
        switch self {
        case .text:
            return [flat]
        case .list(let head, let items, let tail):
            guard !items.isEmpty else { return [flat] }
            var lines = ["\(head)("]
            for (index, item) in items.enumerated() {
                let isLast = index == items.count - 1
                var itemLines = item.lines(indentation: indentation + 4, trailing: isLast ? 0 : 1).map { "    " + $0 }
                if !isLast { itemLines[itemLines.count - 1] += "," }
                lines += itemLines
            }
            return lines + [")\(tail)"]
        case .binding(let prefix, let value):
            // Keep the value's first line after the prefix when it fits there, as swift-format does.
            if case .list(let head, let items, let tail) = value,
                indentation + prefix.count + head.count + 2 <= Self.lineLimit
            {
                return SwiftCode.list(head: "\(prefix) \(head)", items: items, tail: tail)
                    .lines(indentation: indentation, trailing: trailing)
            }
            return [prefix] + value.lines(indentation: indentation + 4, trailing: trailing).map { "    " + $0 }
        }
    }
}

extension SwiftCode: ExpressibleByStringLiteral {
    init(stringLiteral value: String) {
        self = .text(value)
    }
}
