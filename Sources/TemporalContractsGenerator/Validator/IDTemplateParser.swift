import Foundation

/// Parses ID templates: literal text with `{field}` or `{field.subfield}` placeholders naming input
/// fields by wire name. `{{` and `}}` stand for literal braces.
enum IDTemplateParser {
    enum Failure: Error, Equatable {
        case unclosedPlaceholder(offset: Int)
        case emptyPlaceholder(offset: Int)
        case strayClosingBrace(offset: Int)
    }

    static func parse(_ text: String) -> Result<[IDTemplate.Segment], Failure> {
        var segments: [IDTemplate.Segment] = []
        var literal = ""
        var characters = Array(text)[...]
        var offset = 0
        while let character = characters.popFirst() {
            defer { offset += 1 }
            switch character {
            case "{" where characters.first == "{":
                characters.removeFirst()
                offset += 1
                literal.append("{")
            case "{":
                guard let end = characters.firstIndex(of: "}") else { return .failure(.unclosedPlaceholder(offset: offset)) }
                let name = String(characters[..<end]).trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { return .failure(.emptyPlaceholder(offset: offset)) }
                if !literal.isEmpty {
                    segments.append(.literal(literal))
                    literal = ""
                }
                segments.append(.field(name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)))
                offset += characters.distance(from: characters.startIndex, to: end) + 1
                characters = characters[characters.index(after: end)...]
            case "}" where characters.first == "}":
                characters.removeFirst()
                offset += 1
                literal.append("}")
            case "}":
                return .failure(.strayClosingBrace(offset: offset))
            default:
                literal.append(character)
            }
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return .success(segments)
    }
}
