import TemporalAPI
import TemporalContracts
@testable import TemporalContractsEngine
import Testing

/// The machines of one run together, without a workflow: issue order, withdrawal, replay, and
/// the errors of the matching.
@Suite("Workflow machines")
struct WorkflowMachinesTests {
    static let info = WorkflowInfo(namespace: "default", workflowID: "w", runID: "r", workflowType: "Scripted", taskQueue: "q")

    @Test("commands are matched in the order they were issued; a withdrawn one is neither sent nor expected")
    func order() throws {
        let machines = WorkflowMachines()
        let (first, second, third) = (
            TimerMachineTests.machine(id: "1"), TimerMachineTests.machine(id: "2"), TimerMachineTests.machine(id: "3")
        )
        for machine in [first, second, third] { machines.add(machine, replaying: false) }
        machines.withdraw(second)
        #expect(machines.outbox.map(\.command.line) == ["StartTimer 1 60s", "StartTimer 3 60s"])
        var history = MachineTesting.history()
        let started1 = history.timerStarted("1", seconds: 60)
        let started3 = history.timerStarted("3", seconds: 60)
        try machines.match(history[started1], info: Self.info)
        try machines.match(history[started3], info: Self.info)
        #expect(first.state == .started && third.state == .started)
        history.timerFired("3", started: started3)
        try machines.handle(history[history.lastEventID], info: Self.info)
        #expect(third.state == .fired)
        #expect(machines.pending.map(\.summary) == ["StartTimer 1 (60s)"])
        machines.startTask()
        #expect(machines.outbox.isEmpty && machines.messages.isEmpty)
    }

    @Test("replayed commands are expected, not sent; a deprecated patch the history lacks is skipped")
    func replaying() throws {
        let machines = WorkflowMachines()
        let patch = MarkerMachine(record: MarkerRecord(kind: .patch(id: "p", deprecated: true)))
        let timer = TimerMachineTests.machine()
        machines.add(patch, replaying: true)
        machines.add(timer, replaying: true)
        #expect(machines.outbox.isEmpty)
        var history = MachineTesting.history()
        let started = history.timerStarted("1", seconds: 60)
        try machines.match(history[started], info: Self.info)
        #expect(patch.state == .skipped && timer.state == .started)
        history.workflowTask()
        try machines.checkAllRecorded(before: history[started + 1], info: Self.info)
    }

    @Test("a command left unrecorded, and an event the machine's state forbids, are nondeterminism naming the event")
    func errors() throws {
        let machines = WorkflowMachines()
        let timer = TimerMachineTests.machine()
        machines.add(timer, replaying: true)
        var history = MachineTesting.history()
        history.workflowTask()
        let unrecorded = #expect(throws: NondeterminismError.self) { try machines.checkAllRecorded(before: history[5], info: Self.info) }
        #expect(unrecorded?.event == "WorkflowTaskScheduled event 5")
        #expect(unrecorded?.command == "StartTimer 1 (60s)")

        history.taskCompleted()
        let started = history.timerStarted("1", seconds: 60)
        history.timerFired("1", started: started)
        try machines.match(history[started], info: Self.info)
        try machines.handle(history[started + 1], info: Self.info)
        let twice = #expect(throws: NondeterminismError.self) { try machines.handle(history[started + 1], info: Self.info) }
        #expect(twice?.eventID == started + 1)
        #expect(twice?.difference == "the event cannot follow it in its state 'fired'")
    }
}
