import Foundation

/// Parses ID templates with `${! … }` expressions in the Bloblang subset of ``IDExpression``,
/// splitting the text the way protoc-gen-go-temporal's lexer does: `${!` opens an expression,
/// the matching `}` closes it (braces nest), and `\` takes the next character literally.
enum IDExpressionParser {
    struct Failure: Error, Equatable {
        var message: String
        /// The character offset in the parsed text where the problem starts.
        var offset: Int
        var hint: String
    }

    static let subsetHint =
        "the Swift generator supports field paths, string and number literals, the functions "
        + IDFunction.names.joined(separator: ", ") + " and the methods " + IDMethod.names.joined(separator: ", ")

    /// Parses a whole template. With `fieldPlaceholders` (YAML contracts) the literal text may also
    /// hold `{field}` placeholders, with `{{` and `}}` for literal braces.
    static func parseTemplate(_ text: String, fieldPlaceholders: Bool) -> Result<[IDTemplate.Segment], Failure> {
        var segments: [IDTemplate.Segment] = []
        var literal = ""
        var literalStart = 0
        let characters = Array(text)
        var index = 0

        func flushLiteral() -> Failure? {
            defer { literal = "" }
            guard !literal.isEmpty else { return nil }
            guard fieldPlaceholders else {
                segments.append(.literal(literal))
                return nil
            }
            switch IDTemplateParser.parse(literal) {
            case .success(let parsed):
                segments += parsed
                return nil
            case .failure(let failure):
                let (message, offset): (String, Int) =
                    switch failure {
                    case .unclosedPlaceholder(let offset): ("an unclosed '{'", offset)
                    case .emptyPlaceholder(let offset): ("an empty placeholder '{}'", offset)
                    case .strayClosingBrace(let offset): ("a '}' without '{'", offset)
                    }
                return Failure(
                    message: message,
                    offset: literalStart + offset,
                    hint: "write fields as `{order_id}` or `${! order_id }`; write `{{` and `}}` for literal braces"
                )
            }
        }

        while index < characters.count {
            let opens =
                characters[index] == "$" && index + 2 < characters.count && characters[index + 1] == "{"
                && characters[index + 2] == "!"
            if characters[index] == "\\", index + 1 < characters.count, !fieldPlaceholders || characters[index + 1] == "$" {
                literal.append(characters[index + 1])
                index += 2
                continue
            }
            guard opens else {
                if literal.isEmpty { literalStart = index }
                literal.append(characters[index])
                index += 1
                continue
            }
            if let failure = flushLiteral() { return .failure(failure) }
            let start = index + 3
            var depth = 0
            var mapping = ""
            var cursor = start
            var closed = false
            var inString = false
            while cursor < characters.count {
                let character = characters[cursor]
                if character == "\\", cursor + 1 < characters.count {
                    mapping.append(characters[cursor + 1])
                    cursor += 2
                    continue
                }
                if character == "\"" { inString.toggle() }
                if !inString, character == "{" { depth += 1 }
                if !inString, character == "}" {
                    if depth == 0 {
                        closed = true
                        break
                    }
                    depth -= 1
                }
                mapping.append(character)
                cursor += 1
            }
            guard closed else {
                return .failure(
                    Failure(
                        message: "an unclosed '${!'",
                        offset: index,
                        hint: "close the expression with '}', e.g. `${! name }`"
                    )
                )
            }
            switch parseExpression(mapping) {
            case .success(let expression):
                segments.append(.expression(expression, source: mapping.trimmingCharacters(in: .whitespaces)))
            case .failure(var failure):
                failure.offset += start
                return .failure(failure)
            }
            index = cursor + 1
        }
        if let failure = flushLiteral() { return .failure(failure) }
        return .success(segments)
    }

    /// Parses the text inside `${! … }`, e.g. `name.or("World").slug()`.
    static func parseExpression(_ text: String) -> Result<IDExpression, Failure> {
        var parser = Parser(characters: Array(text))
        do {
            parser.skipSpaces()
            guard !parser.atEnd else {
                throw Failure(message: "an empty expression", offset: 0, hint: "write a field or function, e.g. `${! uuid_v4() }`")
            }
            let expression = try parser.expression()
            parser.skipSpaces()
            guard parser.atEnd else { throw parser.unsupported() }
            return .success(expression)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "\(error)", offset: 0, hint: subsetHint))
        }
    }

    private struct Parser {
        static let functionNames: Set<String> = ["uuid_v4", "nanoid", "ksuid", "throw"]
        static let methodNames: Set<String> = [
            "or", "catch", "not_empty", "slug", "string", "int64", "number", "lowercase", "uppercase",
        ]

        var characters: [Character]
        var index = 0

        var atEnd: Bool { index >= characters.count }

        mutating func skipSpaces() {
            while !atEnd, characters[index].isWhitespace { index += 1 }
        }

        func unsupported() -> Failure {
            let rest = String(characters[index...]).trimmingCharacters(in: .whitespaces)
            return Failure(
                message: "'\(rest.prefix(30))' is Bloblang outside the subset the Swift generator supports",
                offset: index,
                hint: subsetHint
            )
        }

        mutating func expression() throws -> IDExpression {
            var value = try primary()
            while true {
                skipSpaces()
                guard !atEnd, characters[index] == "." else { return value }
                index += 1
                skipSpaces()
                let nameStart = index
                let name = identifier()
                guard !name.isEmpty else {
                    if !atEnd, characters[index].isNumber {
                        throw Failure(
                            message: "indexing ('.\(characters[index])') is Bloblang outside the subset the Swift generator supports",
                            offset: index,
                            hint: "name a scalar field of the input; " + subsetHint
                        )
                    }
                    throw unsupported()
                }
                skipSpaces()
                if !atEnd, characters[index] == "(" {
                    // Name an unknown method before its arguments, which may be Bloblang we cannot read.
                    if !Self.methodNames.contains(name) { _ = try method(name, arguments: [], at: nameStart) }
                    let arguments = try argumentList()
                    value = .method(receiver: value, try method(name, arguments: arguments, at: nameStart))
                } else if case .field(let path) = value {
                    value = .field(path + [name])
                } else {
                    throw Failure(
                        message: "'.\(name)' reads a field of a computed value, which the Swift generator does not support",
                        offset: nameStart,
                        hint: subsetHint
                    )
                }
            }
        }

        mutating func primary() throws -> IDExpression {
            skipSpaces()
            guard !atEnd else { throw Failure(message: "an expression ends early", offset: index, hint: subsetHint) }
            let character = characters[index]
            if character == "\"" { return .string(try stringLiteral()) }
            if character.isNumber || (character == "-" && index + 1 < characters.count && characters[index + 1].isNumber) {
                return .number(try numberLiteral())
            }
            let start = index
            let name = identifier()
            guard !name.isEmpty else { throw unsupported() }
            skipSpaces()
            if !atEnd, characters[index] == "(" {
                if !Self.functionNames.contains(name) { _ = try function(name, arguments: [], at: start) }
                return .function(try function(name, arguments: try argumentList(), at: start))
            }
            if name == "this" {
                guard !atEnd, characters[index] == "." else {
                    throw Failure(message: "'this' alone is the whole input, not a string", offset: start, hint: subsetHint)
                }
                index += 1
                skipSpaces()
                let fieldStart = index
                let field = identifier()
                guard !field.isEmpty else {
                    throw Failure(message: "a field name must follow 'this.'", offset: fieldStart, hint: subsetHint)
                }
                return .field([field])
            }
            return .field([name])
        }

        mutating func identifier() -> String {
            var name = ""
            while !atEnd, characters[index].isLetter || characters[index] == "_" || (!name.isEmpty && characters[index].isNumber) {
                name.append(characters[index])
                index += 1
            }
            return name
        }

        mutating func argumentList() throws -> [(IDExpression, Int)] {
            index += 1  // "("
            var arguments: [(IDExpression, Int)] = []
            skipSpaces()
            if !atEnd, characters[index] == ")" {
                index += 1
                return arguments
            }
            while true {
                skipSpaces()
                let start = index
                arguments.append((try expression(), start))
                skipSpaces()
                guard !atEnd else { throw Failure(message: "an unclosed '('", offset: start, hint: "close the call with ')'") }
                if characters[index] == "," {
                    index += 1
                    continue
                }
                guard characters[index] == ")" else { throw unsupported() }
                index += 1
                return arguments
            }
        }

        func function(_ name: String, arguments: [(IDExpression, Int)], at offset: Int) throws -> IDFunction {
            switch name {
            case "uuid_v4", "nanoid", "ksuid":
                guard arguments.isEmpty else {
                    throw Failure(
                        message: "'\(name)()' with arguments is outside the subset the Swift generator supports",
                        offset: offset,
                        hint: "call it without arguments: `\(name)()`"
                    )
                }
                return name == "uuid_v4" ? .uuidV4 : name == "nanoid" ? .nanoid : .ksuid
            case "throw":
                guard arguments.count == 1, case .string(let message) = arguments[0].0 else {
                    throw Failure(
                        message: "'throw' takes one string literal",
                        offset: offset,
                        hint: "write `throw(\"name is required\")`"
                    )
                }
                return .throw(message)
            default:
                throw Failure(
                    message: "the function '\(name)()' is outside the Bloblang subset the Swift generator supports",
                    offset: offset,
                    hint: IDExpressionParser.subsetHint
                )
            }
        }

        func method(_ name: String, arguments: [(IDExpression, Int)], at offset: Int) throws -> IDMethod {
            let single: IDExpression? = arguments.count == 1 ? arguments[0].0 : nil
            switch (name, arguments.count) {
            case ("or", 1): return .or(single!)
            case ("catch", 1): return .catch(single!)
            case ("not_empty", 0): return .notEmpty
            case ("slug", 0): return .slug
            case ("string", 0): return .string
            case ("int64", 0): return .int64
            case ("number", 0): return .number
            case ("lowercase", 0): return .lowercase
            case ("uppercase", 0): return .uppercase
            case ("or", _), ("catch", _):
                throw Failure(message: "'.\(name)(…)' takes one argument", offset: offset, hint: "e.g. `name.\(name)(\"default\")`")
            case ("not_empty", _), ("slug", _), ("string", _), ("int64", _), ("number", _), ("lowercase", _), ("uppercase", _):
                throw Failure(
                    message: "'.\(name)()' with arguments is outside the subset the Swift generator supports",
                    offset: offset,
                    hint: "call it without arguments: `.\(name)()`"
                )
            default:
                throw Failure(
                    message: "the method '.\(name)()' is outside the Bloblang subset the Swift generator supports",
                    offset: offset,
                    hint: IDExpressionParser.subsetHint
                )
            }
        }

        mutating func stringLiteral() throws -> String {
            let start = index
            index += 1
            var value = ""
            while !atEnd {
                let character = characters[index]
                index += 1
                switch character {
                case "\"": return value
                case "\\":
                    guard !atEnd else { break }
                    let escaped = characters[index]
                    index += 1
                    switch escaped {
                    case "n": value.append("\n")
                    case "t": value.append("\t")
                    default: value.append(escaped)
                    }
                default: value.append(character)
                }
            }
            throw Failure(message: "an unclosed string literal", offset: start, hint: "close it with '\"'")
        }

        mutating func numberLiteral() throws -> Double {
            let start = index
            var text = ""
            while !atEnd, characters[index].isNumber || characters[index] == "." || (text.isEmpty && characters[index] == "-") {
                text.append(characters[index])
                index += 1
            }
            guard let number = Double(text) else {
                throw Failure(message: "'\(text)' is not a number", offset: start, hint: "write a number such as 42 or 1.5")
            }
            return number
        }
    }
}
