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
    /// indented, when even its first line does not fit after the prefix, or, for a type annotation
    /// (`_ body:` and a function type), whenever it wraps.
    case binding(prefix: String, value: SwiftCode, isAnnotation: Bool = false)
    /// `opening` (ending with `{` or `{ parameters in`), the statements indented, and `closing`
    /// (`}`, or nothing when a later piece closes it): a closure or a trailing closure. Never on
    /// one line, and a list with a block in it always wraps.
    case block(opening: SwiftCode, body: [SwiftCode], closing: String?)

    /// The column limit of generated code, as in `.swift-format`.
    static let lineLimit = 140

    /// The code on one line.
    var flat: String {
        switch self {
        case .text(let text): text
        case .list(let head, let items, let tail): "\(head)(\(items.map(\.flat).joined(separator: ", ")))\(tail)"
        case .binding(let prefix, let value, _): "\(prefix) \(value.flat)"
        case .block(let opening, let body, let closing):
            ([opening.flat] + body.map(\.flat) + [closing ?? ""]).joined(separator: " ")
        }
    }

    /// Whether the code can be written on one line.
    var isSingleLine: Bool {
        switch self {
        case .text: true
        case .list(_, let items, _): items.allSatisfy(\.isSingleLine)
        case .binding(_, let value, _): value.isSingleLine
        case .block: false
        }
    }

    /// The code as lines, for a position `indentation` columns in; `trailing` columns follow the
    /// last line (a comma). Continuation lines are indented relative to the first.
    func lines(indentation: Int, trailing: Int = 0) -> [String] {
        let flat = self.flat
        if isSingleLine, indentation + flat.count + trailing <= Self.lineLimit { return [flat] }
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
        case .binding(let prefix, let value, let isAnnotation):
            // Keep the value's first line after the prefix when it fits there, as swift-format does.
            if !isAnnotation, case .list(let head, let items, let tail) = value,
                indentation + prefix.count + head.count + 2 <= Self.lineLimit
            {
                return SwiftCode.list(head: "\(prefix) \(head)", items: items, tail: tail)
                    .lines(indentation: indentation, trailing: trailing)
            }
            return [prefix] + value.lines(indentation: indentation + 4, trailing: trailing).map { "    " + $0 }
        case .block(let opening, let body, let closing):
            let statements = body.flatMap { statement in
                statement.lines(indentation: indentation + 4).map { "    " + $0 }
            }
            return opening.lines(indentation: indentation) + statements + (closing.map { [$0] } ?? [])
        }
    }
}

extension SwiftCode {
    /// Lines as one block of text for a template to place: continuation lines carry the
    /// `indentation` the template gives the first one, so the block renders as one value.
    static func joined(_ lines: [String], indentation: Int) -> String {
        lines.joined(separator: "\n" + String(repeating: " ", count: indentation))
    }

    /// The code as one block of text, for a position `indentation` columns in.
    func code(indentation: Int) -> String {
        Self.joined(lines(indentation: indentation), indentation: indentation)
    }

    /// The code with `prefix` before its first line: `input: ` before a call makes an argument.
    func prefixed(_ prefix: String) -> SwiftCode {
        switch self {
        case .text(let text): .text(prefix + text)
        case .list(let head, let items, let tail): .list(head: prefix + head, items: items, tail: tail)
        case .binding(let bindingPrefix, let value, let isAnnotation):
            .binding(prefix: prefix + bindingPrefix, value: value, isAnnotation: isAnnotation)
        case .block(let opening, let body, let closing): .block(opening: opening.prefixed(prefix), body: body, closing: closing)
        }
    }
}

extension SwiftCode: ExpressibleByStringLiteral {
    init(stringLiteral value: String) {
        self = .text(value)
    }
}
