import Foundation
import Testing

/// The `temporal-determinism-lint` binary as the plugins run it: output format, `--error`, `--stamp`.
@Suite struct LintCommandLineTests {
    struct Run {
        var status: Int32
        var output: String
    }

    /// Built beside the test bundle by `swift build --build-tests`.
    static let binary = URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "temporal-determinism-lint")
    static let fixtures = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

    func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    @Test func findingsAreWarningsInTheCompilerFormat() throws {
        let run = try run([Self.fixtures.appending(path: "Mistakes").path])
        let lines = run.output.split(separator: "\n")
        #expect(run.status == 0)
        #expect(lines.count == DeterminismRuleFixtureTests.expected.count)
        #expect(lines.allSatisfy { $0.wholeMatch(of: /\/.+\.swift:\d+:\d+: warning: `.+` .+; .+ \[[a-z-]+\]/) != nil })
    }

    @Test func errorModeFailsOnFindingsOnly() throws {
        let mistakes = try run(["--error", Self.fixtures.appending(path: "Mistakes/ConcurrencyWorkflow.swift").path])
        #expect(mistakes.status == 1)
        #expect(mistakes.output.contains("ConcurrencyWorkflow.swift:9:23: error: `Task.sleep`"))
        let clean = try run(["--error", Self.fixtures.appending(path: "Clean").path])
        #expect(clean.status == 0)
        #expect(clean.output.isEmpty)
    }

    @Test func theStampIsACompilableSwiftFile() throws {
        let stamp = FileManager.default.temporaryDirectory.appending(path: "lint-stamp-\(UUID().uuidString).swift")
        defer { try? FileManager.default.removeItem(at: stamp) }
        let run = try run(["--stamp", stamp.path, Self.fixtures.appending(path: "Clean").path])
        #expect(run.status == 0)
        let text = try String(contentsOf: stamp, encoding: .utf8)
        #expect(text.hasPrefix("// Checked by temporal-determinism-lint: 2 files, 0 findings."))
    }

    @Test func aMissingPathIsAnError() throws {
        let run = try run([Self.fixtures.appending(path: "Nowhere").path])
        #expect(run.status != 0)
        #expect(run.output.contains("no such file or folder"))
    }
}
