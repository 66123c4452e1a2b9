import TemporalAPI
import TemporalContracts
@testable import TemporalContractsEngine
import Testing

/// The child workflow machine from canned histories.
@Suite("Child workflow machine")
struct ChildWorkflowMachineTests {
    typealias Workflow = ScriptedWorkflow

    static func child(_ context: any WorkflowContext) async throws -> String {
        let handle = try await context.startChildWorkflow(Workflow.child, input: (), options: ChildWorkflowOptions(id: "kid-1"))
        return try await handle.result()
    }

    @Test("initiated, started and completed: the handle, then the result")
    func completes() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let initiated = history.childInitiated("Kid", workflowID: "kid-1")
        history.childStarted(initiated, runID: "kid-run")
        history.workflowTask()
        history.taskCompleted()
        history.childCompleted(initiated, result: HistoryBuilder.payloads("grown"))
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in
            let handle = try await context.startChildWorkflow(Workflow.child, input: (), options: ChildWorkflowOptions(id: "kid-1"))
            return "\(handle.execution.runID ?? "") \(try await handle.result())"
        }
        #expect(tasks == [["StartChildWorkflowExecution Kid kid-1"], [], [#"CompleteWorkflowExecution "kid-run grown""#]])
    }

    @Test(
        "a failed start, or a child that failed, was canceled, timed out or was terminated, throws",
        arguments: [
            ("start failed", "WorkflowAlreadyStartedError"), ("failed", "ChildWorkflowError(ApplicationError)"),
            ("canceled", "ChildWorkflowError(CanceledError)"), ("timed out", "ChildWorkflowError(TimeoutError)"),
            ("terminated", "ChildWorkflowError(TerminatedError)"),
        ]
    )
    func ends(outcome: String, error: String) throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let initiated = history.childInitiated("Kid", workflowID: "kid-1")
        if outcome != "start failed" { history.childStarted(initiated) }
        switch outcome {
        case "start failed": history.childStartFailed(initiated)
        case "failed": history.childFailed(initiated, message: "no")
        case "canceled": history.childCanceled(initiated)
        case "timed out": history.childTimedOut(initiated)
        default: history.childTerminated(initiated)
        }
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in
            do {
                return try await Self.child(context)
            } catch {
                return Workflow.describe(error)
            }
        }
        #expect(tasks.last == ["CompleteWorkflowExecution \"\(error)\""])
    }

    @Test("cancelled in the task that started it: never sent, and the replay agrees")
    func canceledBeforeSent() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        let body: @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String = { _, context in
            try await Workflow.cancel { try await Self.child(context) }
        }
        #expect(try ScriptedRun.commandsPerTask(history, body) == [[#"CompleteWorkflowExecution "canceled: CanceledError""#]])
        history.taskCompleted()
        history.workflowCompleted(result: HistoryBuilder.payloads("canceled: CanceledError"))
        #expect(try ScriptedRun.replay(history, body).isFinished)
    }

    @Test("cancelled once started: asks the child to cancel and waits for it to end")
    func canceledOnceStarted() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let initiated = history.childInitiated("Kid", workflowID: "kid-1")
        let timer = history.timerStarted("1", seconds: 1)
        history.childStarted(initiated)
        history.timerFired("1", started: timer)
        history.workflowTask()
        history.taskCompleted()
        let cancel = history.cancelExternalInitiated(workflowID: "kid-1", childOnly: true)
        history.externalCancelRequested(cancel)
        history.childCanceled(initiated)
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in
            try await Workflow.cancel({ try await Self.child(context) }, after: { try await context.sleep(for: .seconds(1)) })
        }
        #expect(
            tasks == [
                ["StartChildWorkflowExecution Kid kid-1", "StartTimer 1 1s"], ["RequestCancelExternalWorkflowExecution kid-1 childOnly"],
                [#"CompleteWorkflowExecution "canceled: ChildWorkflowError(CanceledError)""#],
            ]
        )
    }

    @Test("cancelled after it completed (both in the same task): nothing is sent")
    func cancelAfterCompletion() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let initiated = history.childInitiated("Kid", workflowID: "kid-1")
        let timer = history.timerStarted("1", seconds: 1)
        history.childStarted(initiated)
        history.timerFired("1", started: timer)
        history.childCompleted(initiated, result: HistoryBuilder.payloads("grown"))
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in
            try await Workflow.cancel({ try await Self.child(context) }, after: { try await context.sleep(for: .seconds(1)) })
        }
        #expect(tasks.last == [#"CompleteWorkflowExecution "grown""#])
    }

    // MARK: The machine alone

    static func machine() -> ChildWorkflowMachine {
        let command = Command(.startChildWorkflowExecution) { command in
            command.startChildWorkflowExecutionCommandAttributes.namespace = "default"
            command.startChildWorkflowExecutionCommandAttributes.workflowType.name = "Kid"
            command.startChildWorkflowExecutionCommandAttributes.workflowID = "kid-1"
        }
        return ChildWorkflowMachine(command: command, failureConverter: DefaultFailureConverter())
    }

    @Test("alone: created → initiated → started → completed; events out of order are unexpected")
    func transitions() throws {
        var history = MachineTesting.history()
        let initiated = history.childInitiated("Kid", workflowID: "kid-1")
        history.childCompleted(initiated, result: HistoryBuilder.payloads("early"))
        let early = history.lastEventID
        history.childStarted(initiated, runID: "kid-run")
        let started = history.lastEventID
        history.childCompleted(initiated, result: HistoryBuilder.payloads("grown"))
        let machine = Self.machine()
        try machine.record(history[initiated])
        #expect(machine.state == .initiated)
        #expect(MachineTesting.failure { try machine.handle(history[early]) } == "unexpected childWorkflowExecutionCompleted in initiated")
        try machine.handle(history[started])
        #expect(machine.state == .started && MachineTesting.outcome(machine.started) == "kid-run")
        try machine.handle(history[history.lastEventID])
        #expect(machine.state == .completed && MachineTesting.outcome(machine.result) == #""grown""#)
        #expect(MachineTesting.failure { try machine.handle(history[started]) } == "unexpected childWorkflowExecutionStarted in completed")
    }

    @Test("alone: a failed start resolves the start and the result")
    func startFailed() throws {
        var history = MachineTesting.history()
        let initiated = history.childInitiated("Kid", workflowID: "kid-1")
        history.childStartFailed(initiated)
        let machine = Self.machine()
        try machine.record(history[initiated])
        try machine.handle(history[history.lastEventID])
        #expect(machine.state == .startFailed)
        #expect(MachineTesting.outcome(machine.started) == "WorkflowAlreadyStartedError")
        #expect(MachineTesting.outcome(machine.result) == "WorkflowAlreadyStartedError")
        #expect(machine.cancel().line == "none")
    }

    @Test("alone: cancelled before it was sent the start is withdrawn; once initiated the child is asked to cancel, once")
    func cancel() throws {
        let unsent = Self.machine()
        #expect(unsent.cancel().line == "withdraw")
        #expect(unsent.state == .canceledBeforeSent && MachineTesting.outcome(unsent.result) == "CanceledError")

        var history = MachineTesting.history()
        let initiated = history.childInitiated("Kid", workflowID: "kid-1")
        history.childStarted(initiated)
        let machine = Self.machine()
        try machine.record(history[initiated])
        #expect(machine.cancel().line == "issue RequestCancelExternalWorkflowExecution kid-1 childOnly")
        #expect(machine.cancelRequested && machine.state == .initiated)
        try machine.handle(history[history.lastEventID])
        #expect(machine.cancel().line == "none")
        #expect(machine.state == .started && MachineTesting.outcome(machine.result) == "pending")
    }
}
