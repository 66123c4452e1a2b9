/// A JSON document as the exporter and the documentation's example payloads build it, written by its own serializer rather than
/// Foundation's: the exported files are committed and compared by other teams' CI, so every byte
/// must be the same on every platform — keys sorted by code point, two-space indentation, `": "`,
/// integral numbers without a fraction, and non-ASCII text as UTF-8 (the style of Python's
/// `json.dumps(indent=2, sort_keys=True, ensure_ascii=False)`).
indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The pretty-printed document with a trailing newline.
    var document: String { printed + "\n" }

    /// The pretty-printed value without a trailing newline, as documentation pages embed examples.
    var printed: String {
        var text = ""
        write(into: &text, indentation: "")
        return text
    }

    private func write(into text: inout String, indentation: String) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .integer(let value): text += String(value)
        case .number(let value): text += Self.format(value)
        case .string(let value): Self.quote(value, into: &text)
        case .array(let elements):
            guard !elements.isEmpty else {
                text += "[]"
                return
            }
            let inner = indentation + "  "
            text += "[\n"
            for (index, element) in elements.enumerated() {
                text += inner
                element.write(into: &text, indentation: inner)
                text += index == elements.count - 1 ? "\n" : ",\n"
            }
            text += indentation + "]"
        case .object(let members):
            guard !members.isEmpty else {
                text += "{}"
                return
            }
            let inner = indentation + "  "
            // Code-point order, as Python and `jq -S` sort, rather than Swift's Unicode collation.
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            text += "{\n"
            for (index, key) in keys.enumerated() {
                text += inner
                Self.quote(key, into: &text)
                text += ": "
                members[key]?.write(into: &text, indentation: inner)
                text += index == keys.count - 1 ? "\n" : ",\n"
            }
            text += indentation + "}"
        }
    }

    /// Whole numbers without `.0`, others in Swift's shortest round-tripping form, which is valid
    /// JSON for every finite value.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return "\(value)"
    }

    static func quote(_ string: String, into text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
}

extension JSONValue: ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
