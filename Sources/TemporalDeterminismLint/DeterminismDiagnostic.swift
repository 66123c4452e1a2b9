/// One replay-unsafe construct found in workflow code, located like a compiler diagnostic.
public struct DeterminismDiagnostic: Hashable, Sendable {
    /// The file's path as the linter was given it.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in UTF-8 bytes, as the compiler counts it.
    public var column: Int
    /// The rule the construct breaks.
    public var rule: DeterminismRule
    /// The construct as written, e.g. `Date()` or `Task.sleep`.
    public var construct: String

    /// Creates a diagnostic.
    public init(file: String, line: Int, column: Int, rule: DeterminismRule, construct: String) {
        self.file = file
        self.line = line
        self.column = column
        self.rule = rule
        self.construct = construct
    }

    /// The message: what the construct does on replay and what to use instead, with the rule's name.
    public var message: String {
        "`\(construct)` \(rule.hazard); \(rule.replacement) [\(rule.rawValue)]"
    }

    /// The line SwiftPM and Xcode show as a located warning or error:
    /// `file:line:column: warning: message`.
    public func formatted(asError: Bool = false) -> String {
        "\(file):\(line):\(column): \(asError ? "error" : "warning"): \(message)"
    }
}
