import TemporalAPI
import TemporalContracts
@testable import TemporalContractsEngine
import Testing

/// A child workflow whose contract derives its ID from `${! uuid_v4() }`: workflow code draws the
/// ID from the workflow's deterministic random, so a replay derives the same ID and matches the
/// recorded StartChildWorkflowExecutionInitiated event.
@Suite("Child workflow ID expressions")
struct ChildIDExpressionTests {
    /// What the generator writes for `id: 'kid/${! uuid_v4() }'`.
    static let kid = WorkflowDefinition<Void, String>(
        name: "Kid",
        input: .void,
        output: .single(),
        makeID: { _, ids in
            let uuid = try IDExpressionValue.string(ids.uuidV4()).text(of: "uuid_v4()")
            return "kid/\(uuid)"
        }
    )

    static let body: @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String = { _, context in
        try await context.startChildWorkflow(kid, input: (), options: ChildWorkflowOptions()).result()
    }

    static func history(childID: String) -> HistoryBuilder {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let initiated = history.childInitiated("Kid", workflowID: childID)
        history.childStarted(initiated, runID: "kid-run")
        history.childCompleted(initiated, result: HistoryBuilder.payloads("grown"))
        history.workflowTask()
        history.taskCompleted()
        history.workflowCompleted(result: HistoryBuilder.payloads("grown"))
        return history
    }

    @Test("the first execution and a replay derive the same random child ID")
    func sameIDOnReplay() throws {
        var first = HistoryBuilder()
        first.workflowTask()
        let command = try #require(try ScriptedRun.commandsPerTask(first, Self.body).first?.first)
        let childID = String(command.dropFirst("StartChildWorkflowExecution Kid ".count))
        #expect(childID.wholeMatch(of: /kid\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
        // The same run again draws the same ID: it comes from the run's seed, not the system RNG.
        #expect(try ScriptedRun.commandsPerTask(first, Self.body).first?.first == command)
        #expect(try ScriptedRun.replay(Self.history(childID: childID), Self.body).isFinished)
    }

    @Test("a history with another child ID is nondeterministic")
    func otherIDIsNondeterministic() throws {
        #expect(throws: (any Error).self) {
            _ = try ScriptedRun.replay(Self.history(childID: "kid/00000000-0000-4000-8000-000000000000"), Self.body)
        }
    }
}
