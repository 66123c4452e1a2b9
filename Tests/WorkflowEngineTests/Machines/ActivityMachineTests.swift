import TemporalAPI
import TemporalContracts
@testable import TemporalContractsEngine
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
            try await Workflow.cancel(
                { try await Self.echo(context, .waitCancellationCompleted) },
                after: { try await context.sleep(for: .seconds(1)) }
            )
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
            let outcome = try await Workflow.cancel(
                { try await Self.echo(context, .tryCancel) },
                after: { try await context.sleep(for: .seconds(1)) }
            )
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
            let outcome = try await Workflow.cancel(
                { try await Self.echo(context, .abandon) },
                after: { try await context.sleep(for: .seconds(1)) }
            )
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
            try await Workflow.cancel(
                { try await Self.echo(context, .waitCancellationCompleted) },
                after: { try await context.sleep(for: .seconds(1)) }
            )
        }
        #expect(tasks.last == [#"CompleteWorkflowExecution "HI""#])
    }

    // MARK: The machine alone

    static func machine(_ cancellationType: ActivityCancellationType = .tryCancel) -> ActivityMachine {
        let command = Command(.scheduleActivityTask) { command in
            command.scheduleActivityTaskCommandAttributes.activityType.name = "Echo"
            command.scheduleActivityTaskCommandAttributes.activityID = "1"
        }
        return ActivityMachine(command: command, cancellationType: cancellationType, failureConverter: DefaultFailureConverter())
    }

    @Test("alone: created → scheduled → started → completed, resolving the result")
    func transitions() throws {
        var history = MachineTesting.history()
        let scheduled = history.activityScheduled("Echo", id: "1")
        let started = history.activityStarted(scheduled)
        history.activityCompleted(scheduled, result: HistoryBuilder.payloads("HI"))
        let machine = Self.machine()
        #expect(machine.state == .created && !machine.isRecorded)
        #expect(machine.mismatch(with: history[scheduled]) == nil)
        try machine.record(history[scheduled])
        #expect(machine.state == .scheduled && machine.recordedEventID == scheduled)
        try machine.handle(history[started])
        #expect(machine.state == .started)
        #expect(MachineTesting.outcome(machine.result) == "pending")
        try machine.handle(history[history.lastEventID])
        #expect(machine.state == .completed)
        #expect(MachineTesting.outcome(machine.result) == #""HI""#)
    }

    @Test(
        "alone: cancel in each state, for each cancellation type",
        arguments: [
            // (events before the cancel, cancellation type) → (action, state after, outcome)
            ("", ActivityCancellationType.tryCancel, "withdraw", "canceledBeforeSent", "CanceledError"),
            ("", .abandon, "withdraw", "canceledBeforeSent", "CanceledError"),
            ("scheduled", .tryCancel, "issue RequestCancelActivityTask 5", "cancelRequested(started: false)", "CanceledError"),
            ("scheduled", .waitCancellationCompleted, "issue RequestCancelActivityTask 5", "cancelRequested(started: false)", "pending"),
            (
                "scheduled started", .waitCancellationCompleted, "issue RequestCancelActivityTask 5", "cancelRequested(started: true)",
                "pending"
            ),
            ("scheduled started", .abandon, "none", "abandoned", "CanceledError"),
            ("scheduled started completed", .tryCancel, "none", "completed", #""HI""#),
            ("scheduled timedOut", .waitCancellationCompleted, "none", "timedOut", "ActivityError(TimeoutError)"),
        ]
    )
    func cancel(events: String, type: ActivityCancellationType, action: String, state: String, outcome: String) throws {
        var history = MachineTesting.history()
        let scheduled = history.activityScheduled("Echo", id: "1")
        history.activityStarted(scheduled)
        history.activityCompleted(scheduled, result: HistoryBuilder.payloads("HI"))
        history.activityTimedOut(scheduled)
        let byName = ["scheduled": scheduled, "started": scheduled + 1, "completed": scheduled + 2, "timedOut": scheduled + 3]
        let machine = Self.machine(type)
        for (index, name) in events.split(separator: " ").enumerated() {
            let event = history[byName[String(name)]!]
            if index == 0 { try machine.record(event) } else { try machine.handle(event) }
        }
        #expect(machine.cancel().line == action)
        #expect("\(machine.state)" == state)
        #expect(MachineTesting.outcome(machine.result) == outcome)
        // A second cancellation changes nothing.
        #expect(machine.cancel().line == "none")
    }

    @Test("alone: after a cancellation request the activity may still start, then ends canceled, completed or failed")
    func afterCancellationRequest() throws {
        var history = MachineTesting.history()
        let scheduled = history.activityScheduled("Echo", id: "1")
        let started = history.activityStarted(scheduled)
        history.activityCanceled(scheduled)
        let machine = Self.machine(.waitCancellationCompleted)
        try machine.record(history[scheduled])
        _ = machine.cancel()
        try machine.handle(history[started])
        #expect(machine.state == .cancelRequested(started: true))
        try machine.handle(history[history.lastEventID])
        #expect(machine.state == .canceled)
        #expect(MachineTesting.outcome(machine.result) == "ActivityError(CanceledError)")
    }

    @Test("alone: an abandoned activity ignores its later events")
    func abandonedIgnoresEvents() throws {
        var history = MachineTesting.history()
        let scheduled = history.activityScheduled("Echo", id: "1")
        let started = history.activityStarted(scheduled)
        history.activityCompleted(scheduled, result: HistoryBuilder.payloads("HI"))
        let machine = Self.machine(.abandon)
        try machine.record(history[scheduled])
        _ = machine.cancel()
        try machine.handle(history[started])
        try machine.handle(history[history.lastEventID])
        #expect(machine.state == .abandoned)
        #expect(MachineTesting.outcome(machine.result) == "CanceledError")
    }

    @Test("alone: events the state does not allow throw, naming the event and the state; the state stays")
    func invalidTransitions() throws {
        var history = MachineTesting.history()
        let scheduled = history.activityScheduled("Echo", id: "1")
        let started = history.activityStarted(scheduled)
        history.activityCompleted(scheduled, result: HistoryBuilder.payloads("HI"))
        let completed = history.lastEventID
        history.activityCanceled(scheduled)
        let canceled = history.lastEventID
        history.timerFired("1", started: scheduled)
        let timerFired = history.lastEventID

        let machine = Self.machine()
        try machine.record(history[scheduled])
        #expect(
            MachineTesting.failure { try machine.record(history[scheduled]) }
                == "invalid record of ScheduleActivityTask 'Echo' (activity ID 1) in state scheduled"
        )
        #expect(MachineTesting.failure { try machine.handle(history[completed]) } == "unexpected activityTaskCompleted in scheduled")
        #expect(MachineTesting.failure { try machine.handle(history[canceled]) } == "unexpected activityTaskCanceled in scheduled")
        #expect(MachineTesting.failure { try machine.handle(history[timerFired]) } == "unexpected timerFired in scheduled")
        #expect(machine.state == .scheduled)
        try machine.handle(history[started])
        try machine.handle(history[completed])
        #expect(MachineTesting.failure { try machine.handle(history[completed]) } == "unexpected activityTaskCompleted in completed")
        #expect(MachineTesting.failure { try machine.handle(history[started]) } == "unexpected activityTaskStarted in completed")
    }

    @Test("alone: the scheduled event must name the same activity type and ID")
    func mismatch() {
        var history = MachineTesting.history()
        let other = history.activityScheduled("Other", id: "1")
        let timer = history.timerStarted("1", seconds: 1)
        #expect(Self.machine().mismatch(with: history[other]) == "it schedules activity 'Other' with ID 1")
        #expect(Self.machine().mismatch(with: history[timer]) == "it is TimerStarted event \(timer) 1")
    }
}
