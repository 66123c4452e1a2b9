import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
@testable import TemporalContractsEngine
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
            tasks == [
                ["StartTimer 1 60s", "StartTimer 2 1s"], ["CancelTimer 1", #"CompleteWorkflowExecution "canceled: CanceledError""#],
            ]
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

    // MARK: The machine alone

    static func machine(id: String = "1") -> TimerMachine {
        TimerMachine(
            command: Command(.startTimer) { command in
                command.startTimerCommandAttributes.timerID = id
                command.startTimerCommandAttributes.startToFireTimeout.seconds = 60
            }
        )
    }

    @Test("alone: created → started → fired; a second fire is an unexpected event")
    func transitions() throws {
        var history = MachineTesting.history()
        let started = history.timerStarted("1", seconds: 60)
        history.timerFired("1", started: started)
        let machine = Self.machine()
        try machine.record(history[started])
        #expect(machine.state == .started && MachineTesting.outcome(machine.fired) == "pending")
        try machine.handle(history[history.lastEventID])
        #expect(machine.state == .fired && MachineTesting.outcome(machine.fired) == "true")
        #expect(MachineTesting.failure { try machine.handle(history[history.lastEventID]) } == "unexpected timerFired in fired")
        #expect(machine.cancel().line == "none")
        #expect(machine.state == .fired)
    }

    @Test("alone: cancelled before it was sent, the timer is withdrawn")
    func cancelCreated() {
        let machine = Self.machine()
        #expect(machine.cancel().line == "withdraw")
        #expect(machine.state == .canceledBeforeSent && MachineTesting.outcome(machine.fired) == "false")
        #expect(machine.cancel().line == "none")
    }

    @Test("alone: cancelled once started: CancelTimer, whose TimerCanceled moves the timer to canceled")
    func cancelStarted() throws {
        var history = MachineTesting.history()
        let started = history.timerStarted("1", seconds: 60)
        let machine = Self.machine()
        try machine.record(history[started])
        guard case .issue(let cancellation) = machine.cancel() else {
            Issue.record("no CancelTimer")
            return
        }
        #expect(cancellation.command.line == "CancelTimer 1")
        #expect(machine.state == .cancelRequested && MachineTesting.outcome(machine.fired) == "false")
        #expect(machine.cancel().line == "none")
        history.taskCompleted()
        history.timerCanceled("2", started: started)
        #expect(cancellation.mismatch(with: history[history.lastEventID]) == "it cancels timer 2")
        history.timerCanceled("1", started: started)
        let canceled = history[history.lastEventID]
        #expect(cancellation.mismatch(with: canceled) == nil)
        try cancellation.record(canceled)
        #expect(machine.state == .canceled)
        // A fire the server wrote while the cancelling task ran changes nothing.
        history.timerFired("1", started: started)
        try machine.handle(history[history.lastEventID])
        #expect(machine.state == .canceled)
    }

    @Test("alone: TimerCanceled for a timer that was not cancelled is an internal error")
    func cancelRecordedWithoutCancel() throws {
        var history = MachineTesting.history()
        let started = history.timerStarted("1", seconds: 60)
        let machine = Self.machine()
        try machine.record(history[started])
        #expect(MachineTesting.failure { try machine.cancelRecorded() } == "invalid cancel recorded of StartTimer 1 (60s) in state started")
    }
}
