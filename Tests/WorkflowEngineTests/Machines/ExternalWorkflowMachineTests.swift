import TemporalContracts
import TemporalContractsEngine
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
                    try await context.signalExternalWorkflow(Workflow.poke, input: "psst", execution: WorkflowExecution(workflowID: "other"))
                    return "delivered"
                },
                after: { try await context.sleep(for: .seconds(1)) }
            )
        }
        #expect(tasks == [["SignalExternalWorkflowExecution Poke other", "StartTimer 1 1s"], [], [#"CompleteWorkflowExecution "delivered""#]])
    }
}
