import TemporalContracts
import TemporalContractsEngine
import Testing

/// The timer machine from canned histories.
@Suite("Timer machine")
struct TimerMachineTests {
    typealias Workflow = ScriptedWorkflow

    static func sleep(_ context: any WorkflowContext) async throws -> String {
        try await context.sleep(for: .seconds(60))
        return "fired"
    }

    @Test("started and fired: the workflow wakes at the fire event's time")
    func fires() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let started = history.timerStarted("1", seconds: 60)
        history.advance(seconds: 60)
        history.timerFired("1", started: started)
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in
            let start = context.now
            try await context.sleep(for: .seconds(60))
            return "\(Int(context.now.timeIntervalSince(start)))"
        }
        #expect(tasks == [["StartTimer 1 60s"], [#"CompleteWorkflowExecution "60""#]])
    }

    @Test("cancelled in the task that started it: never sent, and the replay agrees")
    func canceledBeforeSent() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        let body: @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String = { _, context in
            try await Workflow.cancel { try await Self.sleep(context) }
        }
        #expect(try ScriptedRun.commandsPerTask(history, body) == [[#"CompleteWorkflowExecution "canceled: CanceledError""#]])
        history.taskCompleted()
        history.workflowCompleted(result: HistoryBuilder.payloads("canceled: CanceledError"))
        #expect(try ScriptedRun.replay(history, body).isFinished)
    }

    @Test("cancelled once started: CancelTimer, the wait ends at once, and TimerCanceled replays")
    func canceledOnceStarted() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let long = history.timerStarted("1", seconds: 60)
        let short = history.timerStarted("2", seconds: 1)
        history.timerFired("2", started: short)
        history.workflowTask()
        let body: @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String = { _, context in
            try await Workflow.cancel({ try await Self.sleep(context) }, after: { try await context.sleep(for: .seconds(1)) })
        }
        let tasks = try ScriptedRun.commandsPerTask(history, body)
        #expect(
            tasks == [["StartTimer 1 60s", "StartTimer 2 1s"], ["CancelTimer 1", #"CompleteWorkflowExecution "canceled: CanceledError""#]]
        )
        history.taskCompleted()
        history.timerCanceled("1", started: long)
        history.workflowCompleted(result: HistoryBuilder.payloads("canceled: CanceledError"))
        #expect(try ScriptedRun.replay(history, body).isFinished)
    }

    @Test("cancelled after it fired (both in the same task): nothing is sent")
    func cancelAfterFiring() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let long = history.timerStarted("1", seconds: 60)
        let short = history.timerStarted("2", seconds: 1)
        history.timerFired("2", started: short)
        history.timerFired("1", started: long)
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in
            try await Workflow.cancel({ try await Self.sleep(context) }, after: { try await context.sleep(for: .seconds(1)) })
        }
        #expect(tasks.last == [#"CompleteWorkflowExecution "fired""#])
    }
}
