/// A JSON value of an example payload, printed the same way on every platform: two-space
/// indentation, keys sorted, numbers as written. `JSONSerialization` is not used, as its key order
/// and number spelling are not promised to be stable.
indirect enum ExampleJSON: Hashable, Sendable {
    case string(String)
    case integer(Int)
    /// A number with a fraction, kept to values whose shortest spelling is exact (`1.5`).
    case number(Double)
    case boolean(Bool)
    case array([ExampleJSON])
    case object([String: ExampleJSON])
    case null

    /// The value as pretty-printed JSON text, without a trailing newline.
    var printed: String {
        var text = ""
        write(to: &text, indentation: "")
        return text
    }

    private func write(to text: inout String, indentation: String) {
        switch self {
        case .string(let value): Self.writeString(value, to: &text)
        case .integer(let value): text += String(value)
        case .number(let value): text += "\(value)"
        case .boolean(let value): text += value ? "true" : "false"
        case .null: text += "null"
        case .array(let elements):
            guard !elements.isEmpty else {
                text += "[]"
                return
            }
            let inner = indentation + "  "
            text += "[\n"
            for (index, element) in elements.enumerated() {
                text += inner
                element.write(to: &text, indentation: inner)
                text += index == elements.count - 1 ? "\n" : ",\n"
            }
            text += indentation + "]"
        case .object(let members):
            guard !members.isEmpty else {
                text += "{}"
                return
            }
            let inner = indentation + "  "
            let keys = members.keys.sorted()
            text += "{\n"
            for (index, key) in keys.enumerated() {
                text += inner
                Self.writeString(key, to: &text)
                text += ": "
                members[key]?.write(to: &text, indentation: inner)
                text += index == keys.count - 1 ? "\n" : ",\n"
            }
            text += indentation + "}"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
    private static func writeString(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
