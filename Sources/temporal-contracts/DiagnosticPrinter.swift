import Foundation
import TemporalContractsGenerator

/// Prints diagnostics to standard error as `path:line:column: error: message`, which SwiftPM,
/// Xcode and editors turn into links.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let text = diagnostics.map(\.formatted).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func printJSON(_ diagnostics: [Diagnostic]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let report = Report(diagnostics: diagnostics, errorCount: diagnostics.filter { $0.severity == .error }.count)
        FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
    }

    struct Report: Encodable {
        var diagnostics: [Diagnostic]
        var errorCount: Int
    }
}
