/// The formats `temporal-contracts docs` writes reference documentation in.
public enum DocumentationFormat: String, CaseIterable, Hashable, Sendable, Codable {
    /// `index.md` and one Markdown file per contract, for a repository's browser.
    case markdown
    /// `index.html` and one self-contained page per contract: inline styles, a search that works
    /// without a server, and every page readable with JavaScript turned off.
    case html

    /// The extension of the files written in this format, without the dot.
    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .html: "html"
        }
    }

    /// The prefix of the format's templates under `Templates/Docs/` (`Markdown` or `HTML`).
    var templatePrefix: String {
        switch self {
        case .markdown: "Docs/Markdown"
        case .html: "Docs/HTML"
        }
    }
}
