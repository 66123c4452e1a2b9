import Foundation
import TemporalContracts
import Testing

struct MockScheduleTests {
    private static let report = WorkflowDefinition<String, String>(
        name: "Report",
        input: .single(),
        output: .single(),
        defaults: WorkflowDefaults(taskQueue: "reports"),
        makeID: { input, _ in "report-\(input)" }
    )

    @Test func aMockClientKeepsSchedulesAndRecordsTheirPatches() async throws {
        let mock = MockWorkflowClient()
        let backend: any WorkflowClientBackend = mock
        let handle = try await backend.createSchedule(
            Self.report,
            input: "sales",
            id: "nightly",
            spec: ScheduleSpec(cronStrings: ["0 2 * * *"]),
            policies: SchedulePolicies(overlap: .bufferOne),
            options: WorkflowStartOptions()
        )
        let created = try #require(mock.schedules.schedules["nightly"])
        #expect(created.action.workflowID == "report-sales", "the ID template, evaluated once")
        #expect(created.action.taskQueue == "reports", "the contract's default task queue")
        #expect(created.policies.overlap == .bufferOne)

        let next = Date(timeIntervalSince1970: 1_767_225_600)
        mock.schedules.stubInfo(ScheduleInfo(actionCount: 2, nextActionTimes: [next]), for: "nightly")
        try await handle.pause(note: "freeze")
        try await handle.trigger()
        let description = try await handle.describe()
        #expect(description.input == "sales")
        #expect(description.state == ScheduleState(paused: true, note: "freeze"))
        #expect(description.info.nextActionTimes == [next])
        try await handle.update(input: "returns")
        #expect(try await handle.describe().input == "returns")
        #expect(mock.schedules.patches.map(\.patch) == [SchedulePatch(pause: "freeze"), SchedulePatch(trigger: .some(nil))])
        try await handle.delete()
        #expect(mock.schedules.deleted == ["nightly"])
        await #expect(throws: ScheduleNotFoundError.self) { try await handle.describe() }
    }
}
