import TemporalAPI
import TemporalContracts
@testable import TemporalContractsEngine
import Testing

/// The machines of requests to other workflows (signal, cancel) from canned histories.
@Suite("External workflow machines")
struct ExternalWorkflowMachineTests {
    typealias Workflow = ScriptedWorkflow

    static func signal(_ context: any WorkflowContext) async throws -> String {
        do {
            try await context.signalExternalWorkflow(Workflow.poke, input: "psst", execution: WorkflowExecution(workflowID: "other"))
            return "delivered"
        } catch {
            return Workflow.describe(error)
        }
    }

    static func cancel(_ context: any WorkflowContext) async throws -> String {
        do {
            try await context.cancelExternalWorkflow(WorkflowExecution(workflowID: "other"))
            return "delivered"
        } catch {
            return Workflow.describe(error)
        }
    }

    @Test("a signal is initiated, then delivered or not", arguments: [true, false])
    func signal(delivered: Bool) throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let initiated = history.signalExternalInitiated("Poke", workflowID: "other")
        if delivered {
            history.externalSignaled(initiated)
        } else {
            history.signalExternalFailed(initiated, workflowID: "other")
        }
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in try await Self.signal(context) }
        #expect(
            tasks == [
                ["SignalExternalWorkflowExecution Poke other"],
                ["CompleteWorkflowExecution \"\(delivered ? "delivered" : "WorkflowNotFoundError")\""],
            ]
        )
    }

    @Test("a cancellation request is initiated, then delivered or not", arguments: [true, false])
    func cancel(delivered: Bool) throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let initiated = history.cancelExternalInitiated(workflowID: "other")
        if delivered {
            history.externalCancelRequested(initiated)
        } else {
            history.cancelExternalFailed(initiated, workflowID: "other")
        }
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in try await Self.cancel(context) }
        #expect(
            tasks == [
                ["RequestCancelExternalWorkflowExecution other"],
                ["CompleteWorkflowExecution \"\(delivered ? "delivered" : "WorkflowNotFoundError")\""],
            ]
        )
    }

    @Test("a signal cancelled in the task that issued it is never sent")
    func signalCanceledBeforeSent() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in
            try await Workflow.cancel {
                try await context.signalExternalWorkflow(Workflow.poke, input: "psst", execution: WorkflowExecution(workflowID: "other"))
                return "delivered"
            }
        }
        #expect(tasks == [[#"CompleteWorkflowExecution "canceled: CanceledError""#]])
    }

    @Test("a signal cancelled once initiated still waits for the delivery")
    func signalCanceledOnceInitiated() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let initiated = history.signalExternalInitiated("Poke", workflowID: "other")
        let timer = history.timerStarted("1", seconds: 1)
        history.timerFired("1", started: timer)
        history.workflowTask()
        history.taskCompleted()
        history.externalSignaled(initiated)
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in
            try await Workflow.cancel(
                {
                    try await context.signalExternalWorkflow(
                        Workflow.poke,
                        input: "psst",
                        execution: WorkflowExecution(workflowID: "other")
                    )
                    return "delivered"
                },
                after: { try await context.sleep(for: .seconds(1)) }
            )
        }
        #expect(
            tasks == [["SignalExternalWorkflowExecution Poke other", "StartTimer 1 1s"], [], [#"CompleteWorkflowExecution "delivered""#]]
        )
    }

    // MARK: The machines alone

    static func signalMachine() -> ExternalWorkflowMachine {
        ExternalWorkflowMachine(
            command: Command(.signalExternalWorkflowExecution) { command in
                command.signalExternalWorkflowExecutionCommandAttributes.signalName = "Poke"
                command.signalExternalWorkflowExecutionCommandAttributes.execution.workflowID = "other"
            }
        )
    }

    static func cancelMachine() -> ExternalWorkflowMachine {
        ExternalWorkflowMachine(
            command: ExternalWorkflowMachine.cancelCommand(
                namespace: "default",
                execution: WorkflowExecution(workflowID: "other"),
                childOnly: false
            )
        )
    }

    @Test("alone: created → initiated → delivered, or failed; each kind takes only its own events")
    func transitions() throws {
        var history = MachineTesting.history()
        let signal = history.signalExternalInitiated("Poke", workflowID: "other")
        let cancel = history.cancelExternalInitiated(workflowID: "other")
        history.externalCancelRequested(cancel)
        let cancelDelivered = history.lastEventID
        history.externalSignaled(signal)
        let signalDelivered = history.lastEventID

        let signalMachine = Self.signalMachine()
        #expect(
            signalMachine.mismatch(with: history[cancel]) == "it is RequestCancelExternalWorkflowExecutionInitiated event \(cancel) other"
        )
        try signalMachine.record(history[signal])
        #expect(
            MachineTesting.failure { try signalMachine.handle(history[cancelDelivered]) }
                == "unexpected externalWorkflowExecutionCancelRequested in initiated"
        )
        try signalMachine.handle(history[signalDelivered])
        #expect(signalMachine.state == .delivered && MachineTesting.outcome(signalMachine.delivered) == "()")
        #expect(
            MachineTesting.failure { try signalMachine.handle(history[signalDelivered]) }
                == "unexpected externalWorkflowExecutionSignaled in delivered"
        )

        let cancelMachine = Self.cancelMachine()
        #expect(
            cancelMachine.mismatch(with: history[signal])
                == "it is SignalExternalWorkflowExecutionInitiated event \(signal) 'Poke' to other"
        )
        try cancelMachine.record(history[cancel])
        try cancelMachine.handle(history[cancelDelivered])
        #expect(cancelMachine.state == .delivered)

        history.signalExternalFailed(signal, workflowID: "other")
        let failing = Self.signalMachine()
        try failing.record(history[signal])
        try failing.handle(history[history.lastEventID])
        #expect(failing.state == .failed && MachineTesting.outcome(failing.delivered) == "WorkflowNotFoundError")
    }

    @Test("alone: cancelled before it was sent the request is withdrawn; once initiated it goes on")
    func cancel() throws {
        let unsent = Self.signalMachine()
        #expect(unsent.cancel().line == "withdraw")
        #expect(unsent.state == .canceledBeforeSent && MachineTesting.outcome(unsent.delivered) == "CanceledError")

        var history = MachineTesting.history()
        let initiated = history.signalExternalInitiated("Poke", workflowID: "other")
        let sent = Self.signalMachine()
        try sent.record(history[initiated])
        #expect(sent.cancel().line == "none")
        #expect(sent.state == .initiated && MachineTesting.outcome(sent.delivered) == "pending")
    }
}
