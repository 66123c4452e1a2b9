import TemporalContracts
@testable import TemporalContractsEngine
import Testing

/// Marker machines (side effects, patches, local activity results) from canned histories.
@Suite("Marker machines")
struct MarkerMachineTests {
    typealias Workflow = ScriptedWorkflow

    @Test("a side effect runs once and is recorded; a replay returns the recorded value")
    func sideEffect() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        let body: @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String = { _, context in
            let value = try context.sideEffect { "computed" }
            try await context.sleep(for: .seconds(1))
            return value
        }
        #expect(try ScriptedRun.commandsPerTask(history, body) == [["RecordMarker SideEffect", "StartTimer 1 1s"]])
        history.taskCompleted()
        history.sideEffectMarker(sequence: 1, result: HistoryBuilder.payloads("recorded"))
        let timer = history.timerStarted("1", seconds: 1)
        history.timerFired("1", started: timer)
        history.workflowTask()
        // A fresh engine replays the first task: the body does not run again.
        let replayed = ScriptedRun(body)
        let result = try replayed.engine.activate(WorkflowActivation(events: history.events))
        #expect(result.commands.map(\.line) == [#"CompleteWorkflowExecution "recorded""#])
    }

    @Test("patched is true in a new run and records a marker; a replay follows the history", arguments: [nil, false, true])
    func patch(recorded: Bool?) throws {
        let body: @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String = { _, context in
            context.patched("p1") ? "new" : "old"
        }
        var history = HistoryBuilder()
        history.workflowTask()
        guard let recorded else {
            #expect(try ScriptedRun.commandsPerTask(history, body) == [["RecordMarker core_patch", #"CompleteWorkflowExecution "new""#]])
            return
        }
        history.taskCompleted()
        if recorded { history.patchMarker("p1") }
        history.workflowCompleted(result: HistoryBuilder.payloads(recorded ? "new" : "old"))
        #expect(try ScriptedRun.replay(history, body).isFinished)
    }

    @Test("a deprecated patch replays whether or not the history recorded the patch", arguments: [false, true])
    func deprecatedPatch(recorded: Bool) throws {
        let body: @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String = { _, context in
            context.deprecatePatch("p1")
            return "new"
        }
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        if recorded { history.patchMarker("p1") }
        history.workflowCompleted(result: HistoryBuilder.payloads("new"))
        #expect(try ScriptedRun.replay(history, body).isFinished)
    }

    @Test("a local activity is handed to the driver, then recorded; a replay returns the recorded result")
    func localActivity() throws {
        let body: @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String = { _, context in
            try await context.executeLocalActivity(Workflow.echo, input: "hi", options: ActivityOptions())
        }
        var history = HistoryBuilder()
        history.workflowTask()
        let run = ScriptedRun(body)
        let first = try run.nextTask(of: history)
        #expect(first.commands.isEmpty && first.hasPendingLocalActivities)
        #expect(first.localActivities.map(\.activityType) == ["Echo"])
        let resolved = try run.engine.resolveLocalActivity(sequence: 1, outcome: .completed(HistoryBuilder.payloads("HI")))
        #expect(resolved.commands.map(\.line) == ["RecordMarker core_local_activity", #"CompleteWorkflowExecution "HI""#])

        history.taskCompleted()
        history.localActivityMarker(sequence: 1, activityType: "Echo", result: HistoryBuilder.payloads("recorded"))
        history.workflowCompleted(result: HistoryBuilder.payloads("recorded"))
        #expect(try ScriptedRun.replay(history, body).isFinished)
    }

    // MARK: The machine alone

    @Test("alone: matched by marker name and key; recorded once; only a deprecated patch may be skipped")
    func transitions() throws {
        var history = MachineTesting.history()
        history.sideEffectMarker(sequence: 1, result: HistoryBuilder.payloads("x"))
        let sideEffect = history.lastEventID
        history.patchMarker("p1")
        let patch = history.lastEventID
        let machine = MarkerMachine(record: MarkerRecord(kind: .sideEffect(sequence: 2)))
        #expect(machine.mismatch(with: history[sideEffect]) == "it records side effect #1")
        #expect(machine.mismatch(with: history[patch]) == "it records patch 'p1'")
        #expect(MachineTesting.failure { try machine.skip() } == "invalid skip of RecordMarker side effect #2 in state created")

        let patched = MarkerMachine(record: MarkerRecord(kind: .patch(id: "p1", deprecated: false)))
        #expect(patched.mismatch(with: history[patch]) == nil)
        try patched.record(history[patch])
        #expect(patched.state == .recorded && patched.recordedEventID == patch)
        #expect(
            MachineTesting.failure { try patched.record(history[patch]) } == "invalid record of RecordMarker patch 'p1' in state recorded"
        )
        #expect(MachineTesting.failure { try patched.handle(history[sideEffect]) } == "unexpected markerRecorded in recorded")

        let deprecated = MarkerMachine(record: MarkerRecord(kind: .patch(id: "p2", deprecated: true)))
        try deprecated.skip()
        #expect(deprecated.state == .skipped)
    }
}
