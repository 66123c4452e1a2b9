import TemporalAPI
import TemporalContracts
import TemporalContractsEngine
import Testing

/// `waitCancellationRequested`: the parent asks the child to cancel and waits until the server has
/// recorded the request, not until the child ends (sdk-core's `WAIT_CANCELLATION_REQUESTED`).
@Suite("Child cancellation: waitCancellationRequested")
struct ChildWaitCancellationRequestedTests {
    typealias Options = ChildOptionsTests

    @Test("the wait ends when ExternalWorkflowExecutionCancelRequested is recorded, before the child ends")
    func endsOnceTheRequestIsRecorded() throws {
        var (history, _) = Options.startedChildHistory()
        let body = Options.cancelChild(.waitCancellationRequested)
        var tasks = try ScriptedRun.commandsPerTask(history, body)
        // Unlike tryCancel, the wait is not over yet: only the request is sent.
        #expect(tasks.last == ["RequestCancelExternalWorkflowExecution ward-1 childOnly"])

        history.taskCompleted()
        let cancel = history.cancelExternalInitiated(workflowID: "ward-1", childOnly: true)
        history.externalCancelRequested(cancel)
        history.workflowTask()
        tasks = try ScriptedRun.commandsPerTask(history, body)
        #expect(tasks.last == [#"CompleteWorkflowExecution "canceled: ChildWorkflowError(CanceledError)""#])

        // The closed run replays alike.
        history.taskCompleted()
        history.workflowCompleted(result: HistoryBuilder.payloads("canceled: ChildWorkflowError(CanceledError)"))
        #expect(try ScriptedRun.replay(history, body).isFinished)
    }

    @Test("a failed request does not end the wait: the child's own end does")
    func aFailedRequestKeepsWaiting() throws {
        var (history, initiated) = Options.startedChildHistory()
        let body = Options.cancelChild(.waitCancellationRequested)
        history.taskCompleted()
        let cancel = history.cancelExternalInitiated(workflowID: "ward-1", childOnly: true)
        history.cancelExternalFailed(cancel, workflowID: "ward-1")
        history.workflowTask()
        var tasks = try ScriptedRun.commandsPerTask(history, body)
        #expect(tasks.last == [])

        history.taskCompleted()
        history.childCompleted(initiated, result: HistoryBuilder.payloads("done"))
        history.workflowTask()
        tasks = try ScriptedRun.commandsPerTask(history, body)
        #expect(tasks.last == [#"CompleteWorkflowExecution "done""#])
    }
}
