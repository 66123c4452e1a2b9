import Foundation
import Testing

@testable import TemporalDeterminismLint

/// Every rule on the fixture workflows of `Fixtures/Mistakes`: each finding's rule, line, column and
/// construct, and nothing else.
@Suite struct DeterminismRuleFixtureTests {
    /// One expected finding: file name, line, column, rule, construct.
    typealias Finding = (file: String, line: Int, column: Int, rule: DeterminismRule, construct: String)

    static let fixtures = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

    static let expected: [Finding] = [
        ("AllowancesWorkflow.swift", 8, 36, .uuid, "UUID()"),
        ("AllowancesWorkflow.swift", 11, 35, .allowanceWithoutReason, "temporal:allow-nondeterminism"),
        ("AllowancesWorkflow.swift", 13, 49, .thread, "Thread.current.description"),
        ("AllowancesWorkflow.swift", 14, 26, .wallClock, "Date()"),
        ("ClockAndRandomWorkflow.swift", 7, 22, .wallClock, "Date()"),
        ("ClockAndRandomWorkflow.swift", 8, 23, .wallClock, "Date.now"),
        ("ClockAndRandomWorkflow.swift", 9, 24, .wallClock, "Date(timeIntervalSinceNow:)"),
        ("ClockAndRandomWorkflow.swift", 10, 23, .systemClock, "ContinuousClock.now"),
        ("ClockAndRandomWorkflow.swift", 11, 18, .uuid, "UUID()"),
        ("ClockAndRandomWorkflow.swift", 12, 24, .random, "Int.random(in:)"),
        ("ClockAndRandomWorkflow.swift", 13, 32, .random, "input.items.randomElement()"),
        ("ClockAndRandomWorkflow.swift", 14, 25, .random, "SystemRandomNumberGenerator"),
        ("ClockAndRandomWorkflow.swift", 16, 22, .random, "arc4random_uniform(...)"),
        ("ClockAndRandomWorkflow.swift", 16, 53, .random, "drand48()"),
        ("ConcurrencyWorkflow.swift", 9, 23, .taskSleep, "Task.sleep"),
        ("ConcurrencyWorkflow.swift", 10, 28, .detachedTask, "Task.detached"),
        ("ConcurrencyWorkflow.swift", 11, 13, .unstructuredTask, "Task { }"),
        ("ConcurrencyWorkflow.swift", 12, 13, .dispatch, "DispatchQueue.main.async"),
        ("ConcurrencyWorkflow.swift", 13, 13, .thread, "Thread.sleep"),
        ("ConcurrencyWorkflow.swift", 20, 25, .dispatch, "DispatchGroup"),
        ("ExtendedWorkflow.swift", 6, 28, .wallClock, "Date()"),
        ("ExtendedWorkflow.swift", 16, 29, .uuid, "UUID()"),
        ("ExtendedWorkflow.swift", 24, 20, .consoleOutput, "debugPrint(...)"),
        ("ExtendedWorkflow.swift", 28, 29, .random, "Int.random(in:)"),
        ("GlobalStateWorkflow.swift", 17, 9, .globalMutableState, "startedCount"),
        ("GlobalStateWorkflow.swift", 18, 9, .globalMutableState, "observed"),
        ("GlobalStateWorkflow.swift", 19, 9, .globalMutableState, "Self.cache"),
        ("GlobalStateWorkflow.swift", 20, 9, .globalMutableState, "GlobalStateWorkflow.cache"),
        ("OutsideWorldWorkflow.swift", 7, 22, .fileSystem, "FileManager.default.fileExists"),
        ("OutsideWorldWorkflow.swift", 8, 35, .network, "URLSession.shared.data"),
        ("OutsideWorldWorkflow.swift", 9, 22, .processEnvironment, "ProcessInfo.processInfo.environment"),
        ("OutsideWorldWorkflow.swift", 10, 20, .processEnvironment, "getenv(...)"),
        ("OutsideWorldWorkflow.swift", 11, 9, .consoleOutput, "print(...)"),
    ]

    static func lint(_ folder: String) throws -> [DeterminismDiagnostic] {
        let directory = fixtures.appending(path: folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".swift") }.sorted()
        return try DeterminismLinter().lint(paths: names.map { directory.appending(path: $0).path })
    }

    @Test func everyMistakeIsReportedWhereItIs() throws {
        let found = try Self.lint("Mistakes").map {
            "\(URL(filePath: $0.file).lastPathComponent):\($0.line):\($0.column) \($0.rule.rawValue) \($0.construct)"
        }
        let expected = Self.expected.map { "\($0.file):\($0.line):\($0.column) \($0.rule.rawValue) \($0.construct)" }
        #expect(found == expected)
    }

    @Test func everyRuleHasAFixture() {
        let covered = Set(Self.expected.map(\.rule))
        #expect(covered == Set(DeterminismRule.allCases))
    }

    @Test func theCleanFixturesHaveNoFindings() throws {
        #expect(try Self.lint("Clean").isEmpty)
    }

    @Test func onlyConformingTypesAreWorkflowCode() throws {
        let directory = Self.fixtures.appending(path: "Clean")
        let files = try ["CleanWorkflow.swift", "NotWorkflowCode.swift"].map {
            try LintedFile(contentsOf: directory.appending(path: $0).path)
        }
        #expect(DeterminismLinter().workflowTypes(in: files) == ["CleanWorkflow"])
    }

    @Test(arguments: [
        (DeterminismRule.wallClock, "context.now"), (.systemClock, "context.sleep(for:)"), (.uuid, "context.uuid()"),
        (.random, "context.randomUInt64()"), (.taskSleep, "context.sleep(for:)"), (.detachedTask, "task group"),
        (.unstructuredTask, "async let"), (.dispatch, "context.condition"), (.thread, "context.sleep(for:)"),
        (.fileSystem, "context.executeActivity"), (.network, "context.executeActivity"),
        (.processEnvironment, "context.sideEffect"), (.consoleOutput, "context.logger"),
    ])
    func messagesNameTheContextCallToUse(rule: DeterminismRule, call: String) {
        let diagnostic = DeterminismDiagnostic(file: "W.swift", line: 3, column: 7, rule: rule, construct: "X")
        #expect(diagnostic.message.contains(call))
        #expect(diagnostic.message.hasPrefix("`X` \(rule.hazard);"))
        #expect(diagnostic.message.hasSuffix("[\(rule.rawValue)]"))
    }

    @Test func diagnosticsUseTheCompilerFormat() {
        let diagnostic = DeterminismDiagnostic(file: "Sources/App/W.swift", line: 12, column: 5, rule: .uuid, construct: "UUID()")
        #expect(diagnostic.formatted().hasPrefix("Sources/App/W.swift:12:5: warning: `UUID()` draws from"))
        #expect(diagnostic.formatted(asError: true).hasPrefix("Sources/App/W.swift:12:5: error: `UUID()`"))
    }
}
