import Foundation

/// The result of comparing two versions of contracts.
public struct CompatibilityReport: Sendable, Codable {
    /// Every finding, ignored ones included (they carry ``CompatibilityFinding/ignoredBecause``).
    public var findings: [CompatibilityFinding]
    /// Ignore entries that matched nothing, so stale ones can be removed.
    public var unusedIgnores: [CompatibilityChecker.Ignore]

    public init(findings: [CompatibilityFinding], unusedIgnores: [CompatibilityChecker.Ignore] = []) {
        self.findings = findings
        self.unusedIgnores = unusedIgnores
    }

    /// Findings that count: not ignored.
    public var active: [CompatibilityFinding] { findings.filter { $0.ignoredBecause == nil } }

    /// Whether any change breaks running executions or peers and is not ignored.
    public var isBreaking: Bool { active.contains { $0.severity == .error } }

    /// How many active findings have `severity`.
    public func count(_ severity: CompatibilityFinding.Severity) -> Int { active.filter { $0.severity == severity }.count }

    /// The report as people read it: one block per finding and a summary line.
    public var text: String {
        var lines = findings.map(\.formatted)
        for ignore in unusedIgnores {
            lines.append(
                "\(ignore.location.description): warning: ignore entry for \(ignore.rule.rawValue) on \(ignore.element) matched nothing"
            )
        }
        let ignored = findings.count - active.count
        lines.append(
            "\(count(.error)) breaking, \(count(.warning)) warning\(count(.warning) == 1 ? "" : "s"), \(count(.info)) info"
                + (ignored > 0 ? ", \(ignored) ignored" : "") + "."
        )
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as tools read it: sorted keys, stable order.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONReport(report: self)) + Data("\n".utf8)
    }

    private struct JSONReport: Encodable {
        var findings: [CompatibilityFinding]
        var unusedIgnores: [CompatibilityChecker.Ignore]
        var errors: Int
        var warnings: Int
        var infos: Int
        var ignored: Int
        var breaking: Bool

        init(report: CompatibilityReport) {
            findings = report.findings
            unusedIgnores = report.unusedIgnores
            errors = report.count(.error)
            warnings = report.count(.warning)
            infos = report.count(.info)
            ignored = report.findings.count - report.active.count
            breaking = report.isBreaking
        }
    }
}
