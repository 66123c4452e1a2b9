import Foundation
import InteropWorkflows
import TemporalContracts
import TemporalContractsGRPC
import Testing

/// Typed schedules on a real dev server: runs a Swift worker completes, pause, backfill under an
/// overlap policy, and a Python client reading Swift's schedules and the reverse.
@Suite(.tripsWorkers, .timeLimit(.minutes(5)))
struct ScheduleInteropTests {
    private func schedules(_ environment: TripsEnvironment) -> TemporalClient {
        TemporalClient(connection: environment.connection)
    }

    private func pythonSchedules(_ environment: TripsEnvironment, _ arguments: [String]) async throws -> [String: Any] {
        try await environment.python(arguments, script: "schedule_client.py")
    }

    @Test func anEverySecondScheduleStartsRunsTheSwiftWorkerCompletesUntilPaused() async throws {
        let environment = try TripsEnvironment.require()
        let client = schedules(environment)
        let id = "every-second-\(UUID().uuidString.prefix(8))"
        let input = Trips.MarathonArguments(steps: 0, pauseMs: 0, log: "scheduled")
        // The generated typed client's schedule method.
        let handle = try await environment.client.scheduleMarathon(
            steps: 0,
            pauseMs: 0,
            log: "scheduled",
            scheduleID: id,
            spec: ScheduleSpec(intervals: [ScheduleIntervalSpec(every: .seconds(1))], timeZoneName: "UTC"),
            policies: SchedulePolicies(overlap: .allowAll, catchupWindow: .seconds(60), pauseOnFailure: true)
        )
        defer { Task { try? await handle.delete() } }

        try await environment.eventually("the schedule took three actions") {
            try await handle.describe().info.recentActions.count >= 3
        }
        let description = try await handle.describe()
        #expect(description.input == input, "the typed input decodes back")
        #expect(description.workflowType == "Marathon")
        #expect(description.taskQueue == "trips-swift", "the contract's default task queue")
        #expect(description.workflowID == id, "without an ID or template, runs are named after the schedule")
        #expect(description.policies == SchedulePolicies(overlap: .allowAll, catchupWindow: .seconds(60), pauseOnFailure: true))
        #expect(description.spec.intervals == [ScheduleIntervalSpec(every: .seconds(1))])
        #expect(!description.info.nextActionTimes.isEmpty)
        for action in description.info.recentActions.prefix(3) {
            // The server names each run `<action's workflow ID>-<scheduled time, RFC 3339 UTC>`.
            let run = action.workflow.workflowID
            #expect(run == ScheduleRequest.scheduledWorkflowID(id, at: action.scheduleTime))
            #expect(try await client.result(of: Trips.Workflows.marathon, execution: action.workflow) == 0)
        }

        // Python lists and describes the schedule Swift created.
        try await environment.eventually("Python lists the schedule") {
            (try await pythonSchedules(environment, ["list"])["ids"] as? [String])?.contains(id) == true
        }
        let described = try await pythonSchedules(environment, ["describe", "--schedule-id", id])
        #expect(described["workflow_type"] as? String == "Marathon")
        #expect(described["workflow_id"] as? String == id)
        #expect(described["task_queue"] as? String == "trips-swift")
        #expect((described["args"] as? [Any]).map { "\($0)" } == #"[0, 0, "scheduled"]"#)
        #expect(described["overlap"] as? Int == ScheduleOverlapPolicy.allowAll.rawValue)
        #expect(described["pause_on_failure"] as? Bool == true)
        #expect(described["catchup_window"] as? Double == 60)

        try await handle.pause(note: "maintenance")
        let paused = try await handle.describe()
        #expect(paused.state == ScheduleState(paused: true, note: "maintenance"))
        try await Task.sleep(for: .seconds(3))
        #expect(try await handle.describe().info.actionCount == paused.info.actionCount, "a paused schedule starts nothing")
        let pythonView = try await pythonSchedules(environment, ["describe", "--schedule-id", id])
        #expect(pythonView["paused"] as? Bool == true)
        #expect(pythonView["note"] as? String == "maintenance")

        try await handle.unpause(note: "back")
        try await handle.trigger()
        try await environment.eventually("the trigger started a run") {
            try await handle.describe().info.actionCount > paused.info.actionCount
        }
        try await handle.delete()
        await #expect(throws: ScheduleNotFoundError.self) { try await handle.describe() }
    }

    @Test func theContractsIDTemplateNamesTheScheduledRuns() async throws {
        let environment = try TripsEnvironment.require()
        let fulfillment = Fulfillment.Client(TemporalClient(connection: environment.connection))
        let order = Order.sample(id: "scheduled-\(UUID().uuidString.prefix(8))")
        let handle = try await fulfillment.scheduleProcessOrder(
            order,
            scheduleID: "orders-\(order.orderID)",
            spec: ScheduleSpec(cronStrings: ["0 3 * * *"]),
            options: WorkflowStartOptions(taskQueue: TripsEnvironment.swiftFulfillmentQueue, memo: ["origin": "schedule"])
        )
        let description = try await handle.describe()
        // Evaluated once, at creation, from the input; the server appends each run's time to it.
        #expect(description.workflowID == "order-\(order.orderID)")
        #expect(description.input == order)
        #expect(description.taskQueue == TripsEnvironment.swiftFulfillmentQueue)
        let next = try #require(description.info.nextActionTimes.first)
        #expect(ScheduleRequest.scheduledWorkflowID(description.workflowID, at: next).hasPrefix("order-\(order.orderID)-20"))
        try await handle.delete()
    }

    @Test func swiftDescribesAndUpdatesAPythonCreatedSchedule() async throws {
        let environment = try TripsEnvironment.require()
        let client = schedules(environment)
        let id = "from-python-\(UUID().uuidString.prefix(8))"
        _ = try await pythonSchedules(
            environment,
            [
                "create", "--schedule-id", id, "--workflow-type", "Marathon", "--workflow-id", "py-\(id)", "--task-queue",
                TripsEnvironment.swiftQueue, "--args-json", #"[2, 5, "py"]"#, "--interval-seconds", "3600", "--note", "from python",
            ]
        )
        let handle = try client.scheduleHandle(Trips.Workflows.marathon, id: id)
        let description = try await handle.describe()
        #expect(description.input == Trips.MarathonArguments(steps: 2, pauseMs: 5, log: "py"))
        #expect(description.workflowID == "py-\(id)")
        #expect(description.state == ScheduleState(paused: true, note: "from python"))
        #expect(description.spec.intervals == [ScheduleIntervalSpec(every: .seconds(3600))])
        try await environment.eventually("Swift lists the schedule") {
            try await client.listSchedules(query: "ScheduleId = '\(id)'").map(\.scheduleID) == [id]
        }

        // A typed update: new input and a cron spec in a time zone, with jitter.
        let updated = Trips.MarathonArguments(steps: 0, pauseMs: 0, log: "updated")
        let spec = ScheduleSpec(cronStrings: ["0 9 * * MON-FRI"], jitter: .seconds(30), timeZoneName: "Europe/Oslo")
        try await handle.update(input: updated, spec: spec)
        let after = try await handle.describe()
        #expect(after.input == updated)
        #expect(after.spec.timeZoneName == "Europe/Oslo")
        #expect(after.spec.jitter == .seconds(30))
        #expect(after.spec.calendars.count + after.spec.cronStrings.count == 1, "the cron string, maybe as a calendar")
        let pythonView = try await pythonSchedules(environment, ["describe", "--schedule-id", id])
        #expect((pythonView["args"] as? [Any]).map { "\($0)" } == #"[0, 0, "updated"]"#)
        #expect(pythonView["time_zone"] as? String == "Europe/Oslo")
        try await handle.delete()
    }

    @Test func aBackfillStartsTheRunsTheOverlapPolicyAllows() async throws {
        let environment = try TripsEnvironment.require()
        let client = schedules(environment)
        let suffix = UUID().uuidString.prefix(8)
        // Four minute boundaries lie strictly inside the range: m-4, m-3, m-2 and m-1 minutes.
        let minute = (Date().timeIntervalSince1970 / 60).rounded(.down) * 60
        let start = Date(timeIntervalSince1970: minute - 270)
        let end = Date(timeIntervalSince1970: minute - 30)
        let spec = ScheduleSpec(calendars: [ScheduleCalendarSpec(minute: [ScheduleRange(0, 59)], hour: [ScheduleRange(0, 23)])])

        // Runs that complete at once: every backfilled action starts one.
        let all = try await client.createSchedule(
            Trips.Workflows.marathon,
            input: Trips.MarathonArguments(steps: 0, pauseMs: 0, log: "backfill"),
            id: "backfill-all-\(suffix)",
            spec: spec,
            policies: SchedulePolicies(overlap: .allowAll),
            state: ScheduleState(paused: true, note: "backfill only")
        )
        try await all.backfill(from: start, to: end)
        try await environment.eventually("four backfilled runs") {
            try await all.describe().info.actionCount == 4
        }
        let times = try await all.describe().info.recentActions.map(\.scheduleTime)
        #expect(times == (1...4).reversed().map { Date(timeIntervalSince1970: minute - 60 * Double($0)) })

        // Runs that stay open (Ticker waits for Approve): `skip` lets only the first start.
        let skip = try await client.createSchedule(
            Trips.Workflows.ticker,
            input: Trips.TickerArguments(ticks: 1),
            id: "backfill-skip-\(suffix)",
            spec: spec,
            policies: SchedulePolicies(overlap: .skip),
            state: ScheduleState(paused: true),
            options: WorkflowStartOptions(id: "ticker-\(suffix)")
        )
        try await skip.backfill(from: start, to: end)
        try await environment.eventually("the backfill was processed") {
            let info = try await skip.describe().info
            return info.actionCount == 1 && info.overlapSkipped == 3
        }
        let running = try await skip.describe().info.runningWorkflows
        #expect(running.count == 1)
        #expect(
            running.first?.workflowID
                == ScheduleRequest.scheduledWorkflowID("ticker-\(suffix)", at: Date(timeIntervalSince1970: minute - 240))
        )
        for execution in running { try await client.terminate(execution, reason: "test done") }
        try await all.delete()
        try await skip.delete()
    }
}
