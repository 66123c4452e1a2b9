import Foundation
import Testing

@testable import TemporalContractsGenerator

/// `temporal-contracts breaking` on pairs of contract versions under `Fixtures/evolution`, each
/// compared with its `expected.txt` (written by `Scripts/update-goldens.sh` with the same command).
struct CompatibilityTests {
    static let evolution = TestSupport.fixtures.appendingPathComponent("evolution")
    static let cases = ["names", "payloads", "arguments", "behaviour", "options", "proto", "safe"]

    /// The arguments `update-goldens.sh` uses for a case: YAML pairs side by side, proto versions in folders.
    static func arguments(for name: String) -> [String] {
        if name == "proto" { return ["breaking", "new/shop.proto", "-I", "new", "--against", "old"] }
        return ["breaking", "new.temporal.yaml", "--against", "old.temporal.yaml"]
    }

    @Test(arguments: cases)
    func findingsMatchTheGolden(_ name: String) throws {
        let directory = Self.evolution.appendingPathComponent(name)
        let result = try CommandLineTests().run(Self.arguments(for: name), in: directory)
        let expected = try String(contentsOf: directory.appendingPathComponent("expected.txt"), encoding: .utf8)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(
            result.output == expected,
            "\(TestSupport.diff(expected: expected, actual: result.output, name: "\(name).txt"))"
        )
        #expect(result.status == (expected.contains(": error: [") ? 1 : 0))
    }

    @Test func everyRuleHasAFixtureAndADocumentedLine() throws {
        var goldens = ""
        for name in Self.cases {
            goldens += try String(contentsOf: Self.evolution.appendingPathComponent("\(name)/expected.txt"), encoding: .utf8)
        }
        let article = try String(
            contentsOf: TestSupport.packageRoot.appendingPathComponent(
                "Sources/TemporalContractsGenerator/Documentation.docc/BreakingChanges.md"
            ),
            encoding: .utf8
        )
        for rule in CompatibilityRule.allCases {
            #expect(goldens.contains("[\(rule.rawValue)]"), "no fixture exercises \(rule.rawValue)")
            #expect(article.contains("`\(rule.rawValue)`"), "BreakingChanges.md does not list \(rule.rawValue)")
        }
    }

    @Test func aSafeEvolutionExitsZeroAndJSONCountsFindings() throws {
        let directory = Self.evolution.appendingPathComponent("safe")
        let result = try CommandLineTests().run(Self.arguments(for: "safe") + ["--format", "json"], in: directory)
        #expect(result.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(report?["breaking"] as? Bool == false)
        #expect(report?["errors"] as? Int == 0)
        let findings = report?["findings"] as? [[String: Any]] ?? []
        #expect(findings.contains { $0["rule"] as? String == "RENAMED_WITH_ALIAS" })
    }

    @Test func ignoreEntriesNeedAReasonAndAcceptTheirFinding() throws {
        let directory = try CommandLineTests().scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = Self.evolution.appendingPathComponent("arguments")
        for file in ["old.temporal.yaml", "new.temporal.yaml"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: directory.appendingPathComponent(file))
        }
        let config = directory.appendingPathComponent("temporal-contracts.yaml")
        try Data("breaking:\n  ignore:\n    - { rule: PARAMETER_ADDED, element: Shipping.Label.format }\n".utf8).write(to: config)
        let missingReason = try CommandLineTests().run(Self.arguments(for: "arguments"), in: directory)
        #expect(missingReason.status == 1)
        #expect(missingReason.errors.contains("temporal-contracts.yaml:3:7: error: the ignore entry has no 'reason'"))

        let accepted = """
            breaking:
              ignore:
                - { rule: PARAMETER_ADDED, element: Shipping.Label.format, reason: every client sends it since 2.0 }
                - { rule: OUTPUT_REMOVED, element: Shipping.Nothing.output, reason: stale }

            """
        try Data(accepted.utf8).write(to: config)
        let result = try CommandLineTests().run(Self.arguments(for: "arguments"), in: directory)
        #expect(result.output.contains("    ignored: every client sends it since 2.0"))
        #expect(
            result.output.contains(
                "temporal-contracts.yaml:4:7: warning: ignore entry for OUTPUT_REMOVED on Shipping.Nothing.output matched nothing"
            )
        )
        #expect(result.output.contains(", 1 ignored."))
        #expect(result.status == 1)  // the other findings still break
    }

    @Test func againstAGitReferenceReadsTheCommittedVersion() throws {
        let directory = try CommandLineTests().scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = Self.evolution.appendingPathComponent("safe")
        let contracts = directory.appendingPathComponent("Contracts")
        try FileManager.default.createDirectory(at: contracts, withIntermediateDirectories: true)
        let contract = contracts.appendingPathComponent("greetings.temporal.yaml")
        try FileManager.default.copyItem(at: source.appendingPathComponent("old.temporal.yaml"), to: contract)
        for arguments in [
            ["init", "-q"], ["add", "."],
            ["-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "v1"], ["tag", "v1"],
        ] {
            _ = try Self.git(arguments, in: directory)
        }
        // Break it: remove the workflow outright.
        try Data("contract: 1\nname: Greetings\n".utf8).write(to: contract)
        let result = try CommandLineTests().run(["breaking", "Contracts/greetings.temporal.yaml", "--against", "v1"], in: directory)
        #expect(result.status == 1)
        let oldText = try String(contentsOf: source.appendingPathComponent("old.temporal.yaml"), encoding: .utf8)
        let line = try #require(oldText.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "  Greet:")) + 1
        #expect(result.output.contains("v1:Contracts/greetings.temporal.yaml:\(line):3: error: [WORKFLOW_REMOVED] Greetings.Greet"))

        let unknown = try CommandLineTests().run(["breaking", "Contracts/greetings.temporal.yaml", "--against", "v9"], in: directory)
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("'v9' is neither a file, a folder nor a git reference"))
        let usage = try CommandLineTests().run(["breaking", "Contracts/greetings.temporal.yaml"], in: directory)
        #expect(usage.status == 2)
        // A contract that does not load is an error at its line, not a report.
        try Data("contract: 1\nname: Greetings\nworkflows:\n  Greet: { executionTimeout: forever }\n".utf8).write(to: contract)
        let invalid = try CommandLineTests().run(["breaking", "Contracts/greetings.temporal.yaml", "--against", "v1"], in: directory)
        #expect(invalid.status == 2)
        #expect(invalid.errors.contains("Contracts/greetings.temporal.yaml:4:30: error: 'forever' is not a valid duration"))
    }

    static func git(_ arguments: [String], in directory: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
