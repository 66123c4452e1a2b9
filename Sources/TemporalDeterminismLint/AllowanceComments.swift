import Foundation
import SwiftSyntax

/// The `// temporal:allow-nondeterminism <reason>` comments of a file. A comment after code opts
/// out the constructs on its line; a comment on a line of its own, those on the next line.
struct AllowanceComments {
    /// The marker that starts an opt-out comment.
    static let marker = "temporal:allow-nondeterminism"

    /// One comment: where it is and the reason it gives (empty when it gives none).
    struct Allowance {
        var line: Int
        var column: Int
        var reason: String
    }

    private(set) var allowances: [Allowance] = []
    private var coveredLines: Set<Int> = []

    init(tree: SourceFileSyntax, converter: SourceLocationConverter) {
        for token in tree.tokens(viewMode: .sourceAccurate) {
            // Leading trivia starts on a new line: its comments stand on lines of their own.
            scan(token.leadingTrivia, from: token.position, coversNextLine: true, converter)
            scan(token.trailingTrivia, from: token.endPositionBeforeTrailingTrivia, coversNextLine: false, converter)
        }
    }

    /// Whether a construct on `line` is opted out.
    func allows(line: Int) -> Bool {
        coveredLines.contains(line)
    }

    private mutating func scan(_ trivia: Trivia, from start: AbsolutePosition, coversNextLine: Bool, _ converter: SourceLocationConverter) {
        var position = start
        for piece in trivia {
            defer { position = position.advanced(by: piece.sourceLength.utf8Length) }
            let text: String
            switch piece {
            case .lineComment(let comment), .blockComment(let comment): text = comment
            default: continue
            }
            guard let range = text.range(of: Self.marker) else { continue }
            var reason = text[range.upperBound...]
            if reason.hasSuffix("*/") { reason = reason.dropLast(2) }
            let location = converter.location(for: position)
            allowances.append(
                Allowance(
                    line: location.line,
                    column: location.column,
                    reason: reason.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ":-")))
                )
            )
            coveredLines.insert(location.line)
            if coversNextLine { coveredLines.insert(location.line + 1) }
        }
    }
}
