/// A position in a contract file, 1-based like compilers and editors print it.
public struct SourceLocation: Hashable, Sendable, Codable {
    /// The path of the contract file, as it was given to the generator.
    public var file: String
    /// The line, starting at 1; 0 when the problem concerns the whole file.
    public var line: Int
    /// The column, starting at 1; 0 when the problem concerns the whole line or file.
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:column`, the prefix SwiftPM, Xcode and editors turn into a link.
    public var description: String {
        if line == 0 { return file }
        if column == 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }
}
