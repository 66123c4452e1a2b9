import Foundation
import TemporalContracts
import TemporalContractsTesting
import Testing

/// Schedules on the test environment's virtual clock: a day of hourly runs takes milliseconds.
@Suite("Schedules in the test environment", .timeLimit(.minutes(1)))
struct ScheduleEnvironmentTests {
    private let midnight = Date(timeIntervalSince1970: 1_767_225_600)

    @Test("an hourly schedule runs 24 times in a day, named after the scheduled times")
    func hourlyForADay() async throws {
        let environment = WorkflowTestEnvironment(workflows: [SleeperWorkflow.registration], startTime: midnight)
        let client = Engine.Client(environment.client)
        let schedule = try await client.scheduleSleeper(
            days: 0,
            scheduleID: "hourly",
            spec: ScheduleSpec(intervals: [ScheduleIntervalSpec(every: .seconds(3600))])
        )
        await environment.skipTime(by: .seconds(86_400))
        let description = try await schedule.describe()
        #expect(description.info.actionCount == 24)
        #expect(description.input == Engine.SleeperArguments(days: 0))
        #expect(description.info.nextActionTimes.first == midnight.addingTimeInterval(86_400 + 3600))
        let last = try #require(description.info.recentActions.last)
        #expect(last.scheduleTime == midnight.addingTimeInterval(86_400))
        #expect(last.workflow.workflowID == "hourly-2026-01-02T00:00:00Z", "the schedule ID, then the scheduled time")
        #expect(try await environment.client.result(of: Engine.Workflows.sleeper, execution: last.workflow) == 0)

        // Paused, it starts nothing; a trigger still runs once; deleted, it is gone.
        try await schedule.pause(note: "quiet")
        await environment.skipTime(by: .seconds(7200))
        #expect(try await schedule.describe().info.actionCount == 24)
        #expect(try await schedule.describe().state == ScheduleState(paused: true, note: "quiet"))
        try await schedule.trigger()
        #expect(try await schedule.describe().info.actionCount == 25)
        try await schedule.delete()
        await #expect(throws: ScheduleNotFoundError.self) { try await schedule.describe() }
        await environment.shutdown()
    }

    @Test("the overlap policy skips actions while a run is open, and a backfill follows it")
    func overlapAndBackfill() async throws {
        let environment = WorkflowTestEnvironment(workflows: [SleeperWorkflow.registration], startTime: midnight)
        // Each run sleeps a day, so later hourly actions find it open.
        let schedule = try await environment.client.createSchedule(
            Engine.Workflows.sleeper,
            input: Engine.SleeperArguments(days: 1),
            id: "overlapping",
            spec: ScheduleSpec(intervals: [ScheduleIntervalSpec(every: .seconds(3600), offset: .seconds(1800))]),
            policies: SchedulePolicies(overlap: .skip),
            options: WorkflowStartOptions(id: "nap")
        )
        await environment.skipTime(by: .seconds(3 * 3600))
        let info = try await schedule.describe().info
        #expect(info.actionCount == 1)
        #expect(info.overlapSkipped == 2)
        #expect(info.runningWorkflows.map(\.workflowID) == ["nap-2026-01-01T00:30:00Z"])

        try await schedule.pause()
        // 01:30 and 02:30 were skipped; a backfill with allowAll starts both now.
        try await schedule.backfill(from: midnight.addingTimeInterval(3600), to: midnight.addingTimeInterval(3 * 3600), overlap: .allowAll)
        let backfilled = try await schedule.describe().info
        #expect(backfilled.actionCount == 3)
        #expect(backfilled.runningWorkflows.map(\.workflowID).suffix(2) == ["nap-2026-01-01T01:30:00Z", "nap-2026-01-01T02:30:00Z"])
        await #expect(throws: UnsupportedOptionError.self) {
            _ = try await environment.client.createSchedule(
                Engine.Workflows.sleeper,
                input: Engine.SleeperArguments(days: 0),
                id: "cron",
                spec: ScheduleSpec(cronStrings: ["@hourly"])
            )
        }
        await environment.shutdown()
    }
}
