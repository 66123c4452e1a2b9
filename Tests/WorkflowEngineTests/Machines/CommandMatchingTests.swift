import TemporalContracts
import TemporalContractsEngine
import Testing

/// The nondeterminism each difference between the commands and the history raises, naming the
/// event, the command and the difference.
@Suite("Command matching")
struct CommandMatchingTests {
    typealias Workflow = ScriptedWorkflow

    /// Replays a history whose first task recorded `record`'s events, against `body`.
    static func replay(
        _ record: (inout HistoryBuilder) -> Void,
        _ body: @escaping @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String
    ) -> NondeterminismError? {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        record(&history)
        history.workflowTask()
        return #expect(throws: NondeterminismError.self) { try ScriptedRun.commandsPerTask(history, body) }
    }

    static let activity: @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String = { _, context in
        try await context.executeActivity(Workflow.echo, input: "hi", options: ActivityOptions())
    }

    static let timer: @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String = { _, context in
        try await context.sleep(for: .seconds(60))
        return ""
    }

    @Test("another command type")
    func wrongCommandType() {
        let error = Self.replay({ _ = $0.timerStarted("1", seconds: 60) }, Self.activity)
        #expect(error?.eventID == 5)
        #expect(error?.event == "TimerStarted event 5 1")
        #expect(error?.command == "ScheduleActivityTask 'Echo' (activity ID 1)")
        #expect(error?.difference == "it is TimerStarted event 5 1")
    }

    @Test("another activity type or activity ID")
    func wrongActivity() {
        let type = Self.replay({ _ = $0.activityScheduled("Other", id: "1") }, Self.activity)
        #expect(type?.difference == "it schedules activity 'Other' with ID 1")
        let id = Self.replay({ _ = $0.activityScheduled("Echo", id: "7") }, Self.activity)
        #expect(id?.difference == "it schedules activity 'Echo' with ID 7")
    }

    @Test("another timer ID")
    func wrongTimer() {
        let error = Self.replay({ _ = $0.timerStarted("9", seconds: 60) }, Self.timer)
        #expect(error?.command == "StartTimer 1 (60s)")
        #expect(error?.difference == "it starts timer 9")
    }

    @Test("another child workflow, signal or marker")
    func wrongTarget() {
        let child = Self.replay({ _ = $0.childInitiated("Kid", workflowID: "kid-2") }) { _, context in
            try await ChildWorkflowMachineTests.child(context)
        }
        #expect(child?.difference == "it starts child workflow 'Kid' with ID kid-2")
        let signal = Self.replay({ _ = $0.signalExternalInitiated("Nudge", workflowID: "other") }) { _, context in
            try await ExternalWorkflowMachineTests.signal(context)
        }
        #expect(signal?.difference == "it signals 'Nudge' to other")
        let marker = Self.replay({ $0.patchMarker("p2") }) { _, context in
            context.patched("p1") ? "new" : "old"
        }
        #expect(marker?.difference == "it records patch 'p2'")
    }

    @Test("an event for which the workflow issued no command")
    func missingCommand() {
        let error = Self.replay({ _ = $0.timerStarted("1", seconds: 60) }) { _, context in
            try await context.condition { false }
            return ""
        }
        #expect(error?.eventID == 5)
        #expect(error?.command == nil)
        #expect(error?.difference == "the workflow issued no command for it")
    }

    @Test("a command for which the history recorded no event")
    func extraCommand() {
        let error = Self.replay({ _ = $0.timerStarted("1", seconds: 1) }) { _, context in
            async let first: Void = context.sleep(for: .seconds(1))
            async let second: Void = context.sleep(for: .seconds(2))
            _ = try await (first, second)
            return ""
        }
        #expect(error?.eventID == 6)
        #expect(error?.event == "WorkflowTaskScheduled event 6")
        #expect(error?.command == "StartTimer 2 (2s)")
        #expect(error?.difference == "the history recorded no event for this command before it")
    }

    @Test("an event the machine's state does not allow: an activity completed before it started")
    func unexpectedEvent() {
        let error = Self.replay(
            { history in
                let scheduled = history.activityScheduled("Echo", id: "1")
                history.activityCompleted(scheduled, result: HistoryBuilder.payloads("HI"))
            },
            Self.activity
        )
        #expect(error?.eventID == 6)
        #expect(error?.event == "ActivityTaskCompleted event 6")
        #expect(error?.command == "ScheduleActivityTask 'Echo' (activity ID 1)")
        #expect(error?.difference == "the event cannot follow it in its state 'scheduled'")
    }
}
