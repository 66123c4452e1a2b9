import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import Testing

@testable import TemporalContractsConversion

struct ScheduleConversionTests {
    private let start = Date(timeIntervalSince1970: 1_767_225_600)

    @Test func aScheduleRoundTripsThroughTheAPIMessage() {
        let action = StartWorkflowRequest(
            workflowID: "order-42",
            workflowType: "ProcessOrder",
            taskQueue: "orders",
            input: [Payload(metadata: ["encoding": Data("json/plain".utf8)], data: Data("42".utf8))],
            executionTimeout: .seconds(3600),
            runTimeout: .seconds(600),
            taskTimeout: .seconds(10),
            retryPolicy: RetryPolicy(
                initialInterval: .seconds(1),
                backoffCoefficient: 2,
                maximumAttempts: 5,
                nonRetryableErrorTypes: ["Bad"]
            ),
            idReusePolicy: .allowDuplicate,
            memo: ["origin": Payload(metadata: ["encoding": Data("json/plain".utf8)], data: Data("\"cron\"".utf8))],
            searchAttributes: ["CustomKeywordField": .keyword("vip"), "CustomIntField": .int(7)]
        )
        let schedule = ScheduleRequest(
            scheduleID: "nightly",
            spec: ScheduleSpec(
                calendars: [ScheduleCalendarSpec(minute: [ScheduleRange(0, 30, step: 15)], hour: [ScheduleRange(9)], comment: "mornings")],
                cronStrings: ["0 2 * * *"],
                intervals: [ScheduleIntervalSpec(every: .seconds(3600), offset: .seconds(900))],
                startAt: start,
                endAt: start.addingTimeInterval(86_400),
                jitter: .seconds(30),
                timeZoneName: "Europe/Oslo"
            ),
            action: action,
            policies: SchedulePolicies(overlap: .bufferOne, catchupWindow: .seconds(300), pauseOnFailure: true),
            state: ScheduleState(paused: true, note: "created paused", remainingActions: 3)
        )
        let message = schedule.apiSchedule
        #expect(message.spec.cronString == ["0 2 * * *"])
        #expect(message.spec.interval.first?.phase == Google_Protobuf_Duration(seconds: 900))
        #expect(message.policies.overlapPolicy == .bufferOne)
        #expect(message.state.limitedActions)
        #expect(message.action.startWorkflow.workflowID == "order-42")

        let back = ScheduleRequest(scheduleID: "nightly", message)
        #expect(back.spec.calendars.first?.minute == [ScheduleRange(0, 30, step: 15)])
        #expect(back.spec.calendars.first?.comment == "mornings")
        #expect(back.spec.cronStrings == schedule.spec.cronStrings)
        #expect(back.spec.intervals == schedule.spec.intervals)
        #expect(back.spec.startAt == start)
        #expect(back.spec.endAt == schedule.spec.endAt)
        #expect(back.spec.jitter == .seconds(30))
        #expect(back.spec.timeZoneName == "Europe/Oslo")
        #expect(back.policies == schedule.policies)
        #expect(back.state == schedule.state)
        #expect(back.action.workflowType == "ProcessOrder")
        #expect(back.action.taskQueue == "orders")
        #expect(back.action.input == action.input)
        #expect(back.action.executionTimeout == .seconds(3600))
        #expect(back.action.runTimeout == .seconds(600))
        #expect(back.action.taskTimeout == .seconds(10))
        #expect(back.action.retryPolicy == action.retryPolicy)
        #expect(back.action.idReusePolicy == .allowDuplicate)
        #expect(back.action.memo == action.memo)
        #expect(back.action.searchAttributes == action.searchAttributes)
    }

    @Test func emptyCalendarFieldsAreSentAsTheirDefaults() {
        // The server matches nothing for an empty field; the SDKs send these defaults.
        let calendar = ScheduleCalendarSpec(minute: [ScheduleRange(5)]).apiCalendar
        #expect(calendar.second.map(\.start) == [0])
        #expect(calendar.minute.map(\.start) == [5])
        #expect(calendar.hour.map(\.start) == [0])
        #expect(calendar.dayOfMonth.map { [$0.start, $0.end] } == [[1, 31]])
        #expect(calendar.month.map { [$0.start, $0.end] } == [[1, 12]])
        #expect(calendar.dayOfWeek.map { [$0.start, $0.end] } == [[0, 6]])
        #expect(calendar.year.isEmpty, "an empty year matches every year")
    }

    @Test func aPatchCarriesPauseTriggerAndBackfill() {
        let pause = SchedulePatch(pause: "maintenance").apiPatch
        #expect(pause.pause == "maintenance")
        #expect(!pause.hasTriggerImmediately)
        let trigger = SchedulePatch(trigger: .some(.allowAll)).apiPatch
        #expect(trigger.triggerImmediately.overlapPolicy == .allowAll)
        let schedulesOwn = SchedulePatch(trigger: .some(nil)).apiPatch
        #expect(schedulesOwn.hasTriggerImmediately)
        #expect(schedulesOwn.triggerImmediately.overlapPolicy == .unspecified)
        let backfill = SchedulePatch(backfills: [ScheduleBackfill(start: start, end: start.addingTimeInterval(60), overlap: .bufferAll)])
            .apiPatch
        #expect(backfill.backfillRequest.first?.startTime.date == start)
        #expect(backfill.backfillRequest.first?.overlapPolicy == .bufferAll)
    }

    @Test func scheduledRunsAreNamedAfterTheActionAndTheScheduledTime() {
        #expect(ScheduleRequest.scheduledWorkflowID("order-42", at: start) == "order-42-2026-01-01T00:00:00Z")
    }

    @Test func describeAndListResponsesDecode() {
        var info = Temporal_Api_Schedule_V1_ScheduleInfo()
        info.actionCount = 3
        info.overlapSkipped = 1
        var result = Temporal_Api_Schedule_V1_ScheduleActionResult()
        result.scheduleTime = Google_Protobuf_Timestamp(date: start)
        result.actualTime = Google_Protobuf_Timestamp(date: start.addingTimeInterval(1))
        result.startWorkflowResult.workflowID = "order-42-2026-01-01T00:00:00Z"
        result.startWorkflowResult.runID = "run"
        info.recentActions = [result]
        info.futureActionTimes = [Google_Protobuf_Timestamp(date: start.addingTimeInterval(3600))]
        let decoded = ScheduleInfo(info)
        #expect(decoded.actionCount == 3)
        #expect(decoded.overlapSkipped == 1)
        #expect(decoded.recentActions.first?.workflow == WorkflowExecution(workflowID: "order-42-2026-01-01T00:00:00Z", runID: "run"))
        #expect(decoded.nextActionTimes == [start.addingTimeInterval(3600)])

        var entry = Temporal_Api_Schedule_V1_ScheduleListEntry()
        entry.scheduleID = "nightly"
        entry.info.workflowType.name = "ProcessOrder"
        entry.info.paused = true
        entry.info.notes = "why"
        #expect(
            ScheduleListEntry(entry) == ScheduleListEntry(scheduleID: "nightly", workflowType: "ProcessOrder", paused: true, note: "why")
        )
    }
}
