import Foundation

/// A Swift source file to lint: its path, used in diagnostics, and its text.
public struct LintedFile: Sendable {
    /// The path diagnostics name, as given.
    public var path: String
    /// The Swift source.
    public var text: String

    /// A file from its path and text, for tests and editors that hold the text already.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Reads the file at `path`.
    public init(contentsOf path: String) throws {
        self.init(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
    }
}
