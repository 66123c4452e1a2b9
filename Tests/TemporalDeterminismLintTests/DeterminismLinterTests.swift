import Testing

@testable import TemporalDeterminismLint

/// The linter on small sources: how workflow types are found, opt-outs and side effects.
@Suite struct DeterminismLinterTests {
    static func findings(_ source: String, linter: DeterminismLinter = DeterminismLinter()) -> [String] {
        linter.lint([LintedFile(path: "W.swift", text: source)]).map { "\($0.line):\($0.column) \($0.rule.rawValue)" }
    }

    @Test func anExtraWorkflowProtocolMarksItsConformers() {
        let source = """
            final class Job: Runnable {
                func run() { _ = UUID() }
            }
            """
        #expect(Self.findings(source).isEmpty)
        #expect(Self.findings(source, linter: DeterminismLinter(extraWorkflowProtocols: ["Runnable"])) == ["2:22 uuid"])
    }

    @Test func aWorkflowTypeNestedInAnotherTypeIsChecked() {
        let source = """
            enum Workflows {
                static func now() -> Date { Date() }
                final class Nested: Orders.ShipOrderWorkflow {
                    func run() -> Date { Date() }
                }
            }
            """
        #expect(Self.findings(source) == ["4:30 wall-clock"])
    }

    @Test func aTrailingOptOutCoversItsLineOnlyAndAStandaloneOneTheNext() {
        let source = """
            final class W: WorkflowImplementation {
                func run() {
                    _ = Date()  // temporal:allow-nondeterminism debug output only
                    _ = Date()
                    // temporal:allow-nondeterminism read once, then stored in the input
                    _ = Date()
                    _ = Date()
                }
            }
            """
        #expect(Self.findings(source) == ["4:13 wall-clock", "7:13 wall-clock"])
    }

    @Test func anOptOutWithoutAReasonIsReportedButStillOptsOut() {
        let source = """
            final class W: WorkflowImplementation {
                func run() {
                    _ = UUID()  /* temporal:allow-nondeterminism */
                }
            }
            """
        #expect(Self.findings(source) == ["3:21 allowance-without-reason"])
    }

    @Test func sideEffectsMayReadTheMachineButNotSleep() {
        let source = """
            final class W: WorkflowImplementation {
                func run(context: any WorkflowContext) async throws {
                    let id = try context.sideEffect { UUID().uuidString + "\\(Date.now)" + (ProcessInfo.processInfo.environment["A"] ?? "") }
                    _ = try context.sideEffect { Task.detached { id } }
                }
            }
            """
        #expect(Self.findings(source) == ["4:38 detached-task"])
    }

    @Test func seededRandomAndTaskHelpersAreAllowed() {
        let source = """
            final class W: WorkflowImplementation {
                func run(context: any WorkflowContext) async throws {
                    var generator = Seeded(seed: context.randomUInt64())
                    _ = [1, 2].shuffled(using: &generator)
                    _ = Bool.random(using: &generator)
                    try Task.checkCancellation()
                    await Task.yield()
                    _ = Task.isCancelled
                }
            }
            """
        #expect(Self.findings(source).isEmpty)
    }

    @Test func aStaticVariableOfAnotherTypeIsGlobalState() {
        let source = """
            enum Registry { static var seen: Set<String> = [] }
            final class W: WorkflowImplementation {
                func run(context: any WorkflowContext) {
                    Registry.seen.insert(context.info.workflowID)
                }
            }
            """
        #expect(Self.findings(source) == ["4:9 global-mutable-state"])
    }

    @Test func computedAndConstantGlobalsAreNotState() {
        let source = """
            let limit = 3
            var doubled: Int { limit * 2 }
            final class W: WorkflowImplementation {
                func run() -> Int { limit + doubled }
            }
            """
        #expect(Self.findings(source).isEmpty)
    }
}
