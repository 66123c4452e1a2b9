import TemporalContracts
import TemporalContractsEngine
import Testing

/// The activity machine from canned histories: each task's commands, one task at a time and
/// as a replay of the whole history.
@Suite("Activity machine")
struct ActivityMachineTests {
    typealias Workflow = ScriptedWorkflow

    static func echo(_ context: any WorkflowContext, _ cancellationType: ActivityCancellationType = .tryCancel) async throws -> String {
        try await context.executeActivity(Workflow.echo, input: "hi", options: ActivityOptions(cancellationType: cancellationType))
    }

    @Test("scheduled, started and completed: the result reaches the workflow")
    func completes() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let scheduled = history.activityScheduled("Echo", id: "1")
        history.activityStarted(scheduled)
        history.activityCompleted(scheduled, result: HistoryBuilder.payloads("HI"))
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in try await Self.echo(context) }
        #expect(tasks == [["ScheduleActivityTask Echo 1"], [#"CompleteWorkflowExecution "HI""#]])
    }

    @Test("a failure throws ActivityError with the failure as its cause and the events' IDs")
    func fails() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let scheduled = history.activityScheduled("Echo", id: "1")
        history.activityStarted(scheduled)
        history.activityFailed(scheduled, message: "boom")
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in
            do {
                return try await Self.echo(context)
            } catch let error as ActivityError {
                return "\((error.cause as? ApplicationError)?.message ?? "?") \(error.scheduledEventID) \(error.startedEventID)"
            }
        }
        #expect(tasks.last == [#"CompleteWorkflowExecution "boom 5 6""#])
    }

    @Test("a timeout before the activity started throws ActivityError caused by TimeoutError")
    func timesOut() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let scheduled = history.activityScheduled("Echo", id: "1")
        history.activityTimedOut(scheduled)
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in
            do {
                return try await Self.echo(context)
            } catch {
                return Workflow.describe(error)
            }
        }
        #expect(tasks.last == [#"CompleteWorkflowExecution "ActivityError(TimeoutError)""#])
    }

    @Test("cancelled in the task that scheduled it: never sent, and the replay agrees")
    func canceledBeforeSent() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        let body: @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String = { _, context in
            try await Workflow.cancel { try await Self.echo(context, .waitCancellationCompleted) }
        }
        #expect(try ScriptedRun.commandsPerTask(history, body) == [[#"CompleteWorkflowExecution "canceled: CanceledError""#]])
        history.taskCompleted()
        history.workflowCompleted(result: HistoryBuilder.payloads("canceled: CanceledError"))
        #expect(try ScriptedRun.replay(history, body).isFinished)
    }

    /// Scheduled (and started when `started`), then cancelled when a one-second timer fires.
    static func cancelOnceScheduled(started: Bool) -> HistoryBuilder {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let scheduled = history.activityScheduled("Echo", id: "1")
        let timer = history.timerStarted("1", seconds: 1)
        if started { history.activityStarted(scheduled) }
        history.timerFired("1", started: timer)
        history.workflowTask()
        return history
    }

    @Test(
        "cancelled once scheduled or started, waiting for completion: asks the server and waits for ActivityTaskCanceled",
        arguments: [false, true]
    )
    func waitsForCancellation(started: Bool) throws {
        var history = Self.cancelOnceScheduled(started: started)
        history.taskCompleted()
        history.activityCancelRequested(5)
        history.activityCanceled(5)
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in
            try await Workflow.cancel({ try await Self.echo(context, .waitCancellationCompleted) }, after: { try await context.sleep(for: .seconds(1)) })
        }
        #expect(
            tasks == [
                ["ScheduleActivityTask Echo 1", "StartTimer 1 1s"], ["RequestCancelActivityTask 5"],
                [#"CompleteWorkflowExecution "canceled: ActivityError(CanceledError)""#],
            ]
        )
    }

    @Test("tryCancel asks the server and stops waiting at once; the activity's later events change nothing")
    func tryCancel() throws {
        var history = Self.cancelOnceScheduled(started: false)
        history.taskCompleted()
        history.activityCancelRequested(5)
        let timer = history.timerStarted("2", seconds: 5)
        history.activityStarted(5)
        history.activityCompleted(5, result: HistoryBuilder.payloads("late"))
        history.timerFired("2", started: timer)
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in
            let outcome = try await Workflow.cancel({ try await Self.echo(context, .tryCancel) }, after: { try await context.sleep(for: .seconds(1)) })
            try await context.sleep(for: .seconds(5))
            return outcome
        }
        #expect(
            tasks == [
                ["ScheduleActivityTask Echo 1", "StartTimer 1 1s"], ["RequestCancelActivityTask 5", "StartTimer 2 5s"],
                [#"CompleteWorkflowExecution "canceled: CanceledError""#],
            ]
        )
    }

    @Test("abandon stops waiting without telling the server; the activity's later events change nothing")
    func abandon() throws {
        var history = Self.cancelOnceScheduled(started: true)
        history.taskCompleted()
        let timer = history.timerStarted("2", seconds: 5)
        history.activityCompleted(5, result: HistoryBuilder.payloads("late"))
        history.timerFired("2", started: timer)
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in
            let outcome = try await Workflow.cancel({ try await Self.echo(context, .abandon) }, after: { try await context.sleep(for: .seconds(1)) })
            try await context.sleep(for: .seconds(5))
            return outcome
        }
        #expect(tasks.dropFirst() == [["StartTimer 2 5s"], [#"CompleteWorkflowExecution "canceled: CanceledError""#]])
    }

    @Test("cancelled after it completed (both in the same task): nothing is sent and the result stands")
    func cancelAfterCompletion() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let scheduled = history.activityScheduled("Echo", id: "1")
        let timer = history.timerStarted("1", seconds: 1)
        history.timerFired("1", started: timer)
        history.activityStarted(scheduled)
        history.activityCompleted(scheduled, result: HistoryBuilder.payloads("HI"))
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in
            try await Workflow.cancel({ try await Self.echo(context, .waitCancellationCompleted) }, after: { try await context.sleep(for: .seconds(1)) })
        }
        #expect(tasks.last == [#"CompleteWorkflowExecution "HI""#])
    }
}
