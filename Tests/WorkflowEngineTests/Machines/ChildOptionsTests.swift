import TemporalAPI
import TemporalContracts
import TemporalContractsEngine
import Testing

/// Child workflow options (parent-close policy, cancellation type, priority) and activity
/// priority and cancellation type, from the definition's defaults or per call, on the commands the
/// engine sends; and the cancellation types from canned histories, replayed alike.
@Suite("Child options and priority")
struct ChildOptionsTests {
    typealias Workflow = ScriptedWorkflow

    static let ward = WorkflowDefinition<Void, String>(
        name: "Ward",
        input: .void,
        output: .single(),
        defaults: WorkflowDefaults(
            parentClosePolicy: .abandon,
            childCancellationType: .tryCancel,
            priority: Priority(priorityKey: 4, fairnessKey: "wards", fairnessWeight: 2.5)
        )
    )
    static let stamp = ActivityDefinition<String, String>(
        name: "Stamp",
        input: .single(),
        output: .single(),
        defaults: ActivityDefaults(startToCloseTimeout: .seconds(10), priority: Priority(priorityKey: 1, fairnessKey: "stamps"))
    )

    /// The first task's commands of a run of `body`.
    static func firstCommands(
        _ body: @escaping @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String
    ) throws -> [Temporal_Api_Command_V1_Command] {
        var history = HistoryBuilder()
        history.workflowTask()
        return try ScriptedRun(body).nextTask(of: history).commands
    }

    @Test("the child's contract defaults reach StartChildWorkflowExecution")
    func childDefaults() throws {
        let commands = try Self.firstCommands { _, context in
            _ = try await context.startChildWorkflow(Self.ward, input: (), options: ChildWorkflowOptions(id: "ward-1"))
            return ""
        }
        let attributes = try #require(commands.first).startChildWorkflowExecutionCommandAttributes
        #expect(attributes.parentClosePolicy == .abandon)
        #expect(attributes.priority.priorityKey == 4)
        #expect(attributes.priority.fairnessKey == "wards")
        #expect(attributes.priority.fairnessWeight == 2.5)
    }

    @Test("per-call options replace the defaults; without either, terminate and no priority")
    func childOverrides() throws {
        let commands = try Self.firstCommands { _, context in
            // Both in one task: a start waits for the child to have started.
            let options = ChildWorkflowOptions(id: "ward-1", parentClosePolicy: .requestCancel, priority: Priority(priorityKey: 2))
            async let overridden = context.startChildWorkflow(Self.ward, input: (), options: options)
            async let plain = context.startChildWorkflow(Workflow.child, input: (), options: ChildWorkflowOptions(id: "kid-1"))
            _ = try await (overridden, plain)
            return ""
        }
        try #require(commands.count == 2)
        let overridden = commands[0].startChildWorkflowExecutionCommandAttributes
        #expect(overridden.parentClosePolicy == .requestCancel)
        #expect(overridden.priority.priorityKey == 2)
        #expect(overridden.priority.fairnessKey.isEmpty)
        let plain = commands[1].startChildWorkflowExecutionCommandAttributes
        #expect(plain.parentClosePolicy == .terminate)
        #expect(!plain.hasPriority)
    }

    @Test("an activity's priority: the contract's, or the call's")
    func activityPriority() throws {
        let commands = try Self.firstCommands { _, context in
            async let first = context.executeActivity(Self.stamp, input: "a", options: ActivityOptions())
            async let second = context.executeActivity(
                Self.stamp,
                input: "b",
                options: ActivityOptions(priority: Priority(fairnessKey: "rush", fairnessWeight: 3))
            )
            _ = try await (first, second)
            return ""
        }
        let priorities = commands.map(\.scheduleActivityTaskCommandAttributes.priority)
        #expect(priorities.map(\.priorityKey) == [1, 0])
        #expect(priorities.map(\.fairnessKey) == ["stamps", "rush"])
        #expect(priorities.map(\.fairnessWeight) == [0, 3])
    }

    @Test("an invalid priority fails the call before any command", arguments: [Priority(priorityKey: 6), Priority(fairnessWeight: 0)])
    func invalidPriority(priority: Priority) throws {
        let commands = try Self.firstCommands { _, context in
            do {
                _ = try await context.executeActivity(Self.stamp, input: "a", options: ActivityOptions(priority: priority))
                return "sent"
            } catch let error as ApplicationError {
                return "\(error.type): \(error.message)"
            }
        }
        let line = try #require(commands.first).line
        #expect(line.hasPrefix(#"CompleteWorkflowExecution "InvalidPriority: activity 'Stamp': "#), "\(line)")
    }

    /// Starts the child, then cancels the wait for its result once a one-second timer fired.
    static func cancelChild(
        _ type: ChildWorkflowCancellationType?
    ) -> @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String {
        { _, context in
            try await Workflow.cancel(
                {
                    let options = ChildWorkflowOptions(id: "ward-1", cancellationType: type)
                    return try await context.startChildWorkflow(Self.ward, input: (), options: options).result()
                },
                after: { try await context.sleep(for: .seconds(1)) }
            )
        }
    }

    /// The first two tasks of a history where the child started and the timer fired.
    static func startedChildHistory() -> (HistoryBuilder, initiated: Int64) {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        let initiated = history.childInitiated("Ward", workflowID: "ward-1")
        let timer = history.timerStarted("1", seconds: 1)
        history.childStarted(initiated)
        history.timerFired("1", started: timer)
        history.workflowTask()
        return (history, initiated)
    }

    @Test("tryCancel (the contract's waitForCancellation: false): asks the child to cancel and stops waiting at once")
    func tryCancel() throws {
        var (history, _) = Self.startedChildHistory()
        let tasks = try ScriptedRun.commandsPerTask(history, Self.cancelChild(nil))
        #expect(
            tasks.last == [
                "RequestCancelExternalWorkflowExecution ward-1 childOnly",
                #"CompleteWorkflowExecution "canceled: ChildWorkflowError(CanceledError)""#,
            ]
        )
        // The child's later events do not disturb a replay of the closed run.
        history.taskCompleted()
        _ = history.cancelExternalInitiated(workflowID: "ward-1", childOnly: true)
        history.workflowCompleted(result: HistoryBuilder.payloads("canceled: ChildWorkflowError(CanceledError)"))
        #expect(try ScriptedRun.replay(history, Self.cancelChild(nil)).isFinished)
    }

    @Test("abandon: stops waiting without a cancellation request")
    func abandon() throws {
        let (history, _) = Self.startedChildHistory()
        let tasks = try ScriptedRun.commandsPerTask(history, Self.cancelChild(.abandon))
        #expect(tasks.last == [#"CompleteWorkflowExecution "canceled: ChildWorkflowError(CanceledError)""#])
    }

    @Test("waitCancellationCompleted per call overrides the definition's tryCancel: the wait goes on")
    func waitCancellationCompleted() throws {
        var (history, initiated) = Self.startedChildHistory()
        var tasks = try ScriptedRun.commandsPerTask(history, Self.cancelChild(.waitCancellationCompleted))
        #expect(tasks.last == ["RequestCancelExternalWorkflowExecution ward-1 childOnly"])
        history.taskCompleted()
        let cancel = history.cancelExternalInitiated(workflowID: "ward-1", childOnly: true)
        history.externalCancelRequested(cancel)
        history.childCanceled(initiated)
        history.workflowTask()
        tasks = try ScriptedRun.commandsPerTask(history, Self.cancelChild(.waitCancellationCompleted))
        #expect(tasks.last == [#"CompleteWorkflowExecution "canceled: ChildWorkflowError(CanceledError)""#])
    }
}
