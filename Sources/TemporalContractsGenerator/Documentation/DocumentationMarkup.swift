import Foundation

/// How text reaches the templates of one documentation format. HTML templates receive plain text,
/// which mustache escapes; Markdown templates receive Markdown source, because what Markdown needs
/// escaped depends on where the text goes (a code span, a table cell) and only the view model
/// builder knows that. Templates then only lay the text out.
struct DocumentationMarkup {
    let format: DocumentationFormat

    /// An identifier or wire value shown as code outside tables: a Markdown code span.
    func code(_ text: String) -> String {
        switch format {
        case .html: text
        case .markdown: Self.codeSpan(text)
        }
    }

    /// An identifier or wire value shown as code in a table cell.
    func cellCode(_ text: String) -> String {
        switch format {
        case .html: text
        case .markdown: Self.escapingPipes(Self.codeSpan(text))
        }
    }

    /// Prose in a table cell, on one line.
    func cellText(_ text: String) -> String {
        let line = Self.oneLine(text)
        switch format {
        case .html: return line
        case .markdown: return Self.escapingPipes(line)
        }
    }

    /// A Markdown code span of `text`: fenced by more backticks than any run inside it, padded when
    /// it starts or ends with a backtick, on one line (a line break would end a table row).
    static func codeSpan(_ text: String) -> String {
        let text = oneLine(text)
        guard !text.isEmpty else { return "` `" }
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        // CommonMark strips one space from each side of a span that starts and ends with one.
        let needsPadding =
            text.hasPrefix("`") || text.hasSuffix("`")
            || (text.hasPrefix(" ") && text.hasSuffix(" ") && text.contains { $0 != " " })
        return needsPadding ? "\(fence) \(text) \(fence)" : "\(fence)\(text)\(fence)"
    }

    /// A fence for a fenced code block holding `text`: longer than any run of backticks inside it.
    static func blockFence(for text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }

    /// GitHub-flavoured tables split rows at `|` before reading code spans, so a pipe in a cell is
    /// escaped even inside one.
    static func escapingPipes(_ text: String) -> String {
        text.contains("|") ? text.replacingOccurrences(of: "|", with: "\\|") : text
    }

    static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
