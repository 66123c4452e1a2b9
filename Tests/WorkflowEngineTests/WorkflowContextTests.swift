import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsTesting
import Testing

/// Each feature of the workflow context, through the generated client of the fixture contract,
/// in the test environment.
@Suite("Workflow context in the test environment", .timeLimit(.minutes(1)))
struct WorkflowContextTests {
    @Test("activities, a local activity, retries, failures, randomness, a side effect, a patch and info")
    func greeter() async throws {
        try await EngineFixture.use { fixture in
            let report = try await fixture.client.executeGreeter("Ada", options: WorkflowStartOptions(id: "greeter-1"))
            #expect(report.greeting == "HELLO, ADA!")
            #expect(report.localGreeting == "Hello, Ada (local)!")
            #expect(report.flakyAttempts == 3)
            #expect(report.failure == "on purpose")
            #expect(report.sideEffect == "computed once")
            #expect(report.patched)
            #expect(report.workflowID == "greeter-1")
            #expect(report.attempt == 1)

            let history = try await fixture.environment.history(of: WorkflowExecution(workflowID: "greeter-1"))
            #expect(
                history.commandEvents.filter { !$0.hasPrefix("Completed") } == [
                    #"ActivityTaskScheduled Greet 1 [5 bytes]"#, "TimerStarted 1 5", "MarkerRecorded core_local_activity",
                    #"ActivityTaskScheduled Flaky 2 []"#, #"ActivityTaskScheduled Fail 3 [12 bytes]"#,
                    "MarkerRecorded SideEffect", "MarkerRecorded core_patch",
                ]
            )
            // Options come from the contract unless the call overrides them.
            let scheduled = history.events.filter { $0.eventType == .activityTaskScheduled }.map(\.activityTaskScheduledEventAttributes)
            #expect(scheduled.map(\.startToCloseTimeout.seconds) == [30, 10, 10])
            #expect(scheduled.map(\.retryPolicy.maximumAttempts) == [0, 5, 1])
            #expect(scheduled.allSatisfy { $0.taskQueue.name == "engine-tests" })
            // The same run ID gives the same random values on replay; another run differs.
            let other = try await fixture.client.executeGreeter("Ada", options: WorkflowStartOptions(id: "greeter-2"))
            #expect(other.uuid != report.uuid && other.random != report.random)
        }
    }

    @Test("mock activities stand in for real ones")
    func mockActivities() async throws {
        let mocks = Engine.MockActivities()
        mocks.stubStep { arguments, _ in arguments.index }
        let environment = WorkflowTestEnvironment(workflows: [PipelineWorkflow.registration], activities: mocks.registrations)
        let total = try await Engine.Client(environment.client).executePipeline(steps: 4, options: WorkflowStartOptions(id: "mocked"))
        await environment.shutdown()
        #expect(total == 1 + 2 + 3 + 4)
        #expect(mocks.stepCalls.map(\.index) == [1, 2, 3, 4])
    }

    @Test("a workflow that sleeps 30 days finishes at once, on the workflow clock")
    func timeSkipping() async throws {
        try await EngineFixture.use { fixture in
            // How fast is the benchmark's business (WorkflowEngineBenchmark); here: no real waiting
            // could cover 30 days, and the workflow clock moved exactly that far.
            let seconds = try await fixture.client.executeSleeper(days: 30, options: WorkflowStartOptions(id: "sleeper"))
            #expect(seconds == 30 * 86_400)
            #expect(await fixture.environment.now() == Date(timeIntervalSince1970: 1_800_000_000 + 30 * 86_400))
        }
    }

    @Test("signals, queries and updates reach the skeleton's methods; a condition waits for them")
    func handlers() async throws {
        try await EngineFixture.use { fixture in
            let handle = try await fixture.client.startApproval(options: WorkflowStartOptions(id: "approval"))
            try await handle.addNote("first")
            #expect(try await handle.setLimit(5) == 0)
            #expect(try await handle.setLimit(7) == 5)
            #expect(try await handle.status() == Engine.ApprovalState(approved: false, notes: ["first"], limit: 7))
            try await handle.approve("grace")
            let result = try await handle.result()
            #expect(result == Engine.ApprovalState(approved: true, notes: ["first", "approved by grace"], limit: 7, timedOut: false))
            // Queries still answer once the workflow closed.
            #expect(try await handle.status().approved)
        }
    }

    @Test("a condition's timeout fires on the virtual clock and cancels nothing else")
    func conditionTimeout() async throws {
        try await EngineFixture.use { fixture in
            let result = try await fixture.client.executeApproval(options: WorkflowStartOptions(id: "approval-timeout"))
            #expect(result.timedOut == true && !result.approved)
            let history = try await fixture.environment.history(of: WorkflowExecution(workflowID: "approval-timeout"))
            #expect(history.eventTypes.contains(.timerFired))
        }
    }

    @Test("an update rejected by its validator leaves no trace in the history")
    func rejectedUpdate() async throws {
        try await EngineFixture.use { fixture in
            let handle = try await fixture.client.startApproval(options: WorkflowStartOptions(id: "approval-reject"))
            let before = try await fixture.environment.history(of: handle.execution).events.count
            await #expect {
                _ = try await handle.setLimit(-1)
            } throws: { error in
                guard let error = error as? WorkflowUpdateFailedError, let cause = error.cause as? ApplicationError else { return false }
                return cause.type == "InvalidLimit" && cause.message == "limit must not be negative, got -1"
            }
            let history = try await fixture.environment.history(of: handle.execution)
            #expect(history.events.count == before)
            #expect(!history.eventTypes.contains(.workflowExecutionUpdateAccepted))
            #expect(try await handle.setLimit(3) == 0)
            try await handle.approve("x")
            _ = try await handle.result()
        }
    }

    @Test("a query that changes the workflow fails and changes nothing")
    func readOnlyQuery() async throws {
        try await EngineFixture.use { fixture in
            let handle = try await fixture.client.startApproval(options: WorkflowStartOptions(id: "approval-query"))
            await #expect {
                _ = try await handle.mutatingStatus()
            } throws: { error in
                "\(error)".contains("query 'MutatingStatus' must not change the workflow: query 'MutatingStatus' drew a UUID")
            }
            try await handle.approve("x")
            _ = try await handle.result()
            let history = try await fixture.environment.history(of: handle.execution)
            let replayed = try WorkflowReplayer(workflows: [ApprovalWorkflow.registration]).replay(history)
            replayed.tearDown()
        }
    }

    @Test("__stack_trace lists what the workflow waits for: timers, conditions, running handlers")
    func stackTrace() async throws {
        try await EngineFixture.use { fixture in
            let handle = try await fixture.client.startApproval(options: WorkflowStartOptions(id: "approval-stack"))
            _ = try await handle.startSlowNote("later")
            let stack = QueryDefinition<Void, String>(name: "__stack_trace", input: .void, output: .single())
            let trace = try await fixture.environment.client.query(stack, input: (), execution: handle.execution)
            #expect(trace.hasPrefix("workflow 'Approval' (ID approval-stack"))
            // The condition's one-day timeout, the update's one-hour sleep, the condition itself.
            #expect(trace.contains("waiting for StartTimer 1 (86400s) (event"))
            #expect(trace.contains("waiting for StartTimer 2 (3600s)"))
            #expect(trace.contains("waiting for 1 condition to hold"))
            #expect(trace.contains("running update 'SlowNote'"))
            try await handle.approve("x")
            _ = try await handle.result()
        }
    }

    @Test("handlers still running when the workflow completes are reported")
    func unfinishedHandlers() async throws {
        try await EngineFixture.use { fixture in
            let handle = try await fixture.client.startApproval(options: WorkflowStartOptions(id: "approval-unfinished"))
            let slow = try await handle.startSlowNote("late")
            try await handle.approve("x")
            _ = try await handle.result()
            let warnings = try await fixture.environment.warnings(of: handle.execution)
            #expect(warnings.contains { $0.contains("completed while handlers still ran: update 'SlowNote'") })
            await #expect(throws: WorkflowUpdateFailedError.self) { _ = try await slow.result() }
        }
    }

    @Test("child workflows start, take signals, return results and cancel; external signals report a missing target")
    func children() async throws {
        try await EngineFixture.use { fixture in
            let report = try await fixture.client.executeFamily(
                childID: "kid",
                externalID: "nobody",
                options: WorkflowStartOptions(id: "family")
            )
            #expect(
                report
                    == Engine.FamilyReport(
                        childResult: "woke: from parent",
                        canceledChild: "canceled kid-doomed",
                        externalSignal: "failed: WorkflowNotFoundError"
                    )
            )
            let doomed = try await fixture.environment.history(of: WorkflowExecution(workflowID: "kid-doomed"))
            #expect(doomed.eventTypes.last == .workflowExecutionCanceled)
        }
    }

    @Test("a signal to a running external workflow is delivered")
    func externalSignal() async throws {
        try await EngineFixture.use { fixture in
            let listener = try await fixture.client.startChild(options: WorkflowStartOptions(id: "listener"))
            let report = try await fixture.client.executeFamily(
                childID: "kid2",
                externalID: "listener",
                options: WorkflowStartOptions(id: "family-2")
            )
            #expect(report.externalSignal == "delivered")
            #expect(try await listener.result() == "woke: from family")
        }
    }

    @Test("continue-as-new starts the next run; the client follows the chain")
    func continueAsNew() async throws {
        try await EngineFixture.use { fixture in
            let handle = try await fixture.client.startCountdown(remaining: 3, runs: 0, options: WorkflowStartOptions(id: "countdown"))
            #expect(try await handle.result() == 4)
            let first = try await fixture.environment.history(of: handle.execution)
            #expect(first.eventTypes.last == .workflowExecutionContinuedAsNew)
            let last = try await fixture.environment.history(of: WorkflowExecution(workflowID: "countdown"))
            #expect(last.eventTypes.last == .workflowExecutionCompleted)
            #expect(last.events[0].workflowExecutionStartedEventAttributes.firstExecutionRunID == handle.execution.runID)
        }
    }

    @Test("cancelling waits for the activity to acknowledge, and the shielded compensation still runs")
    func cancellationScopes() async throws {
        try await EngineFixture.use { fixture in
            let handle = try await fixture.client.startCompensating(options: WorkflowStartOptions(id: "compensating"))
            try await Task.sleep(for: .milliseconds(50))
            try await handle.cancel(reason: "test")
            await #expect(throws: WorkflowFailedError.self) { _ = try await handle.result() }
            let history = try await fixture.environment.history(of: handle.execution)
            let types = history.eventTypes
            let requested = try #require(types.firstIndex(of: .activityTaskCancelRequested))
            let canceled = try #require(types.firstIndex(of: .activityTaskCanceled))
            let compensation = try #require(
                history.events.lastIndex { $0.activityTaskScheduledEventAttributes.activityType.name == "Compensate" }
            )
            #expect(requested < canceled && canceled < compensation)
            #expect(types.last == .workflowExecutionCanceled)
            #expect(fixture.activities.compensations.all == ["undo after ActivityError"])
        }
    }

    @Test("the exported history is the Temporal JSON form and replays")
    func historyExport() async throws {
        try await EngineFixture.use { fixture in
            _ = try await fixture.client.executePipeline(steps: 3, options: WorkflowStartOptions(id: "pipeline-json"))
            let json = try await fixture.environment.historyJSON(of: WorkflowExecution(workflowID: "pipeline-json"))
            #expect(json.contains(#""eventType":"EVENT_TYPE_WORKFLOW_EXECUTION_STARTED""#))
            #expect(json.contains(#""activityType":{"name":"Step"}"#))
            let engine = try WorkflowReplayer(workflows: [PipelineWorkflow.registration]).replay(json: json)
            #expect(engine.isFinished)
            engine.tearDown()
        }
    }
}
