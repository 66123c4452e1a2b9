import Foundation
import Testing

@testable import TemporalDeterminismLint

/// The project's own workflow implementations lint clean: the interop and engine fixtures, the
/// consumer example and the contract-evolution modules.
@Suite struct ProjectWorkflowsLintTests {
    static let root = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../..").standardized

    static let folders = [
        "Tests/InteropWorkflows", "Tests/InteropWorker", "Tests/WorkflowEngineTests", "Tests/ContractEvolution", "Tests/ChaosWorkload",
        "Tests/TemporalContractsWorkerTests", "Examples/Consumer/Sources", "Examples/Consumer/Tests", "Examples/Demo/Sources",
        "Examples/Generated",
    ]

    static func files() throws -> [LintedFile] {
        try folders.flatMap { folder -> [LintedFile] in
            let directory = root.appending(path: folder)
            let found = FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String } ?? []
            return try found.filter { $0.hasSuffix(".swift") }.sorted().map {
                try LintedFile(contentsOf: directory.appending(path: $0).path)
            }
        }
    }

    @Test func theProjectsWorkflowsHaveNoFindings() throws {
        let findings = DeterminismLinter().lint(try Self.files()).map { $0.formatted() }
        #expect(findings.isEmpty, "\(findings.joined(separator: "\n"))")
    }

    /// The clean result means something only if the workflows were found.
    @Test func theProjectsWorkflowsAreRecognised() throws {
        let types = DeterminismLinter().workflowTypes(in: try Self.files())
        let expected: Set<String> = [
            "ProcessOrder", "GreeterWorkflow", "ApprovalWorkflow", "CompensatingWorkflow", "DynamicFallbackWorkflow",
            "ScriptedWorkflow", "DynamicEchoWorkflow", "TickerWorkflow", "SleepWorkflow", "Idle",
        ]
        #expect(expected.isSubset(of: types), "missing: \(expected.subtracting(types).sorted())")
        #expect(!types.contains("EngineActivities") && !types.contains("TripActivities"))
    }
}
