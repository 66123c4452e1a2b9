import TemporalAPI
import TemporalContracts
@testable import TemporalContractsEngine
import Testing

/// The machine of the command that ends the run, from canned histories.
@Suite("Completion machine")
struct CompletionMachineTests {
    typealias Workflow = ScriptedWorkflow

    @Test("returning completes the run; throwing fails it; continue-as-new continues it")
    func ends() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        #expect(try ScriptedRun.commandsPerTask(history) { _, _ in "done" } == [[#"CompleteWorkflowExecution "done""#]])
        #expect(
            try ScriptedRun.commandsPerTask(history) { _, _ in throw ApplicationError("nope", type: "Nope") } == [
                ["FailWorkflowExecution nope"]
            ]
        )
        #expect(
            try ScriptedRun.commandsPerTask(history) { _, context in
                try context.continueAsNew(Workflow.definition, input: ())
            } == [["ContinueAsNewWorkflowExecution Scripted"]]
        )
    }

    @Test("a cancellation request cancels the waits, then the run")
    func cancels() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        history.timerStarted("1", seconds: 60)
        history.cancelRequested()
        history.workflowTask()
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in
            try await context.sleep(for: .seconds(60))
            return "slept"
        }
        #expect(tasks == [["StartTimer 1 60s"], ["CancelTimer 1", "CancelWorkflowExecution"]])
    }

    @Test("a history that ended the run otherwise than the code does is nondeterminism")
    func mismatch() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        history.workflowFailed(message: "nope")
        let error = #expect(throws: NondeterminismError.self) { try ScriptedRun.replay(history) { _, _ in "done" } }
        #expect(error?.eventID == 5)
        #expect(error?.difference == "it is WorkflowExecutionFailed event 5")
    }

    // MARK: The machine alone

    @Test("alone: matched by command type, recorded once")
    func transitions() throws {
        var history = MachineTesting.history()
        history.workflowCompleted()
        let completed = history.lastEventID
        let machine = CompletionMachine(
            command: Command(.completeWorkflowExecution) { $0.completeWorkflowExecutionCommandAttributes = .init() }
        )
        let failing = CompletionMachine(command: Command(.failWorkflowExecution) { $0.failWorkflowExecutionCommandAttributes = .init() })
        #expect(failing.mismatch(with: history[completed]) == "it is WorkflowExecutionCompleted event \(completed)")
        #expect(machine.mismatch(with: history[completed]) == nil)
        try machine.record(history[completed])
        #expect(machine.state == .recorded)
        #expect(
            MachineTesting.failure { try machine.record(history[completed]) }
                == "invalid record of completeWorkflowExecution in state recorded"
        )
    }
}

extension CompletionMachineTests {
    @Test("a cancellation requested before the first workflow task cancels the run when it starts")
    func cancelBeforeTheFirstTask() throws {
        var history = HistoryBuilder()
        history.workflowTask { $0.cancelRequested() }
        let tasks = try ScriptedRun.commandsPerTask(history) { _, context in
            try await context.sleep(for: .seconds(60))
            return "slept"
        }
        #expect(tasks == [["CancelWorkflowExecution"]])
    }
}
