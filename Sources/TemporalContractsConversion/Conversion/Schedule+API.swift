import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts

extension ScheduleRequest {
    /// The schedule as the API's `Schedule` message (the ID travels beside it).
    public var apiSchedule: Temporal_Api_Schedule_V1_Schedule {
        var schedule = Temporal_Api_Schedule_V1_Schedule()
        schedule.spec = spec.apiSpec
        schedule.action.startWorkflow = action.apiNewWorkflowExecutionInfo
        schedule.policies = policies.apiPolicies
        schedule.state = state.apiState
        return schedule
    }

    /// The schedule `scheduleID` from the API's message. The action's request ID is fresh: the
    /// server keeps none.
    public init(scheduleID: String, _ schedule: Temporal_Api_Schedule_V1_Schedule) {
        self.init(
            scheduleID: scheduleID,
            spec: ScheduleSpec(schedule.spec),
            action: StartWorkflowRequest(schedule.action.startWorkflow),
            policies: SchedulePolicies(schedule.policies),
            state: ScheduleState(schedule.state)
        )
    }
}

extension StartWorkflowRequest {
    /// The start as a schedule action's `NewWorkflowExecutionInfo`. It has no conflict policy or
    /// start delay: the server decides those for scheduled runs.
    public var apiNewWorkflowExecutionInfo: Temporal_Api_Workflow_V1_NewWorkflowExecutionInfo {
        var info = Temporal_Api_Workflow_V1_NewWorkflowExecutionInfo()
        info.workflowID = workflowID
        info.workflowType.name = workflowType
        info.taskQueue.name = taskQueue
        info.input = input.apiPayloads
        if let executionTimeout { info.workflowExecutionTimeout = executionTimeout.protobufDuration }
        if let runTimeout { info.workflowRunTimeout = runTimeout.protobufDuration }
        if let taskTimeout { info.workflowTaskTimeout = taskTimeout.protobufDuration }
        if let retryPolicy { info.retryPolicy = retryPolicy.apiRetryPolicy }
        if let idReusePolicy { info.workflowIDReusePolicy = idReusePolicy.apiPolicy }
        if !memo.isEmpty { info.memo.fields = memo.mapValues(\.apiPayload) }
        if !searchAttributes.isEmpty { info.searchAttributes = searchAttributes.apiSearchAttributes }
        return info
    }

    /// The start a schedule action describes.
    public init(_ info: Temporal_Api_Workflow_V1_NewWorkflowExecutionInfo) {
        self.init(
            workflowID: info.workflowID,
            workflowType: info.workflowType.name,
            taskQueue: info.taskQueue.name,
            input: [Payload](info.input),
            executionTimeout: info.hasWorkflowExecutionTimeout ? Duration(info.workflowExecutionTimeout) : nil,
            runTimeout: info.hasWorkflowRunTimeout ? Duration(info.workflowRunTimeout) : nil,
            taskTimeout: info.hasWorkflowTaskTimeout ? Duration(info.workflowTaskTimeout) : nil,
            retryPolicy: info.hasRetryPolicy ? RetryPolicy(info.retryPolicy) : nil,
            idReusePolicy: WorkflowIDReusePolicy(info.workflowIDReusePolicy),
            memo: info.memo.fields.mapValues(Payload.init),
            searchAttributes: info.searchAttributes.indexedFields.compactMapValues(SearchAttributeValue.init(apiPayload:))
        )
    }
}

extension WorkflowIDReusePolicy {
    /// The policy of an API enum; nil when unspecified.
    init?(_ policy: Temporal_Api_Enums_V1_WorkflowIdReusePolicy) {
        switch policy {
        case .allowDuplicate: self = .allowDuplicate
        case .allowDuplicateFailedOnly: self = .allowDuplicateFailedOnly
        case .rejectDuplicate: self = .rejectDuplicate
        case .terminateIfRunning: self = .terminateIfRunning
        default: return nil
        }
    }
}

extension ScheduleSpec {
    /// The spec as the API carries it.
    public var apiSpec: Temporal_Api_Schedule_V1_ScheduleSpec {
        var spec = Temporal_Api_Schedule_V1_ScheduleSpec()
        spec.structuredCalendar = calendars.map(\.apiCalendar)
        spec.cronString = cronStrings
        spec.interval = intervals.map(\.apiInterval)
        spec.excludeStructuredCalendar = skip.map(\.apiCalendar)
        if let startAt { spec.startTime = Google_Protobuf_Timestamp(date: startAt) }
        if let endAt { spec.endTime = Google_Protobuf_Timestamp(date: endAt) }
        if let jitter { spec.jitter = jitter.protobufDuration }
        spec.timezoneName = timeZoneName ?? ""
        return spec
    }

    /// The spec of an API message; the server has already turned cron strings into calendars.
    public init(_ spec: Temporal_Api_Schedule_V1_ScheduleSpec) {
        self.init(
            calendars: spec.structuredCalendar.map(ScheduleCalendarSpec.init),
            cronStrings: spec.cronString,
            intervals: spec.interval.map(ScheduleIntervalSpec.init),
            skip: spec.excludeStructuredCalendar.map(ScheduleCalendarSpec.init),
            startAt: spec.hasStartTime ? spec.startTime.date : nil,
            endAt: spec.hasEndTime ? spec.endTime.date : nil,
            jitter: spec.hasJitter && spec.jitter != Google_Protobuf_Duration() ? Duration(spec.jitter) : nil,
            timeZoneName: spec.timezoneName.isEmpty ? nil : spec.timezoneName
        )
    }
}

extension ScheduleCalendarSpec {
    /// The entry as the API's `StructuredCalendarSpec`. The server matches nothing for an empty
    /// field, so empty fields are sent as their defaults, as the other SDKs do.
    public var apiCalendar: Temporal_Api_Schedule_V1_StructuredCalendarSpec {
        func ranges(_ field: [ScheduleRange], default range: ScheduleRange) -> [Temporal_Api_Schedule_V1_Range] {
            (field.isEmpty ? [range] : field).map(\.apiRange)
        }
        var calendar = Temporal_Api_Schedule_V1_StructuredCalendarSpec()
        calendar.second = ranges(second, default: ScheduleRange(0))
        calendar.minute = ranges(minute, default: ScheduleRange(0))
        calendar.hour = ranges(hour, default: ScheduleRange(0))
        calendar.dayOfMonth = ranges(dayOfMonth, default: ScheduleRange(1, 31))
        calendar.month = ranges(month, default: ScheduleRange(1, 12))
        calendar.year = year.map(\.apiRange)
        calendar.dayOfWeek = ranges(dayOfWeek, default: ScheduleRange(0, 6))
        calendar.comment = comment
        return calendar
    }

    /// The entry of an API message.
    public init(_ calendar: Temporal_Api_Schedule_V1_StructuredCalendarSpec) {
        self.init(
            second: calendar.second.map(ScheduleRange.init),
            minute: calendar.minute.map(ScheduleRange.init),
            hour: calendar.hour.map(ScheduleRange.init),
            dayOfMonth: calendar.dayOfMonth.map(ScheduleRange.init),
            month: calendar.month.map(ScheduleRange.init),
            year: calendar.year.map(ScheduleRange.init),
            dayOfWeek: calendar.dayOfWeek.map(ScheduleRange.init),
            comment: calendar.comment
        )
    }
}

extension ScheduleRange {
    /// The range as the API carries it.
    public var apiRange: Temporal_Api_Schedule_V1_Range {
        var range = Temporal_Api_Schedule_V1_Range()
        range.start = Int32(clamping: start)
        range.end = Int32(clamping: end)
        range.step = Int32(clamping: step)
        return range
    }

    /// The range of an API message; the API's zero end and step mean "the start" and 1.
    public init(_ range: Temporal_Api_Schedule_V1_Range) {
        self.init(Int(range.start), range.end < range.start ? nil : Int(range.end), step: max(1, Int(range.step)))
    }
}

extension ScheduleIntervalSpec {
    /// The interval as the API carries it (the offset is the API's `phase`).
    public var apiInterval: Temporal_Api_Schedule_V1_IntervalSpec {
        var interval = Temporal_Api_Schedule_V1_IntervalSpec()
        interval.interval = every.protobufDuration
        if offset != .zero { interval.phase = offset.protobufDuration }
        return interval
    }

    /// The interval of an API message.
    public init(_ interval: Temporal_Api_Schedule_V1_IntervalSpec) {
        self.init(every: Duration(interval.interval), offset: interval.hasPhase ? Duration(interval.phase) : .zero)
    }
}

extension SchedulePolicies {
    /// The policies as the API carries them.
    public var apiPolicies: Temporal_Api_Schedule_V1_SchedulePolicies {
        var policies = Temporal_Api_Schedule_V1_SchedulePolicies()
        policies.overlapPolicy = overlap.apiPolicy
        if let catchupWindow { policies.catchupWindow = catchupWindow.protobufDuration }
        policies.pauseOnFailure = pauseOnFailure
        return policies
    }

    /// The policies of an API message; an unspecified overlap policy is the server's `skip`.
    public init(_ policies: Temporal_Api_Schedule_V1_SchedulePolicies) {
        self.init(
            overlap: ScheduleOverlapPolicy(policies.overlapPolicy) ?? .skip,
            catchupWindow: policies.hasCatchupWindow ? Duration(policies.catchupWindow) : nil,
            pauseOnFailure: policies.pauseOnFailure
        )
    }
}

extension ScheduleOverlapPolicy {
    /// The policy as the API enum.
    public var apiPolicy: Temporal_Api_Enums_V1_ScheduleOverlapPolicy {
        Temporal_Api_Enums_V1_ScheduleOverlapPolicy(rawValue: rawValue) ?? .unspecified
    }

    /// The policy of an API enum; nil when unspecified.
    public init?(_ policy: Temporal_Api_Enums_V1_ScheduleOverlapPolicy) {
        self.init(rawValue: policy.rawValue)
    }
}

extension ScheduleState {
    /// The state as the API carries it.
    public var apiState: Temporal_Api_Schedule_V1_ScheduleState {
        var state = Temporal_Api_Schedule_V1_ScheduleState()
        state.paused = paused
        state.notes = note
        if let remainingActions {
            state.limitedActions = true
            state.remainingActions = Int64(remainingActions)
        }
        return state
    }

    /// The state of an API message.
    public init(_ state: Temporal_Api_Schedule_V1_ScheduleState) {
        self.init(
            paused: state.paused,
            note: state.notes,
            remainingActions: state.limitedActions ? Int(state.remainingActions) : nil
        )
    }
}

extension SchedulePatch {
    /// The patch as the API carries it.
    public var apiPatch: Temporal_Api_Schedule_V1_SchedulePatch {
        var patch = Temporal_Api_Schedule_V1_SchedulePatch()
        if let pause { patch.pause = pause }
        if let unpause { patch.unpause = unpause }
        if let trigger {
            var request = Temporal_Api_Schedule_V1_TriggerImmediatelyRequest()
            request.overlapPolicy = trigger?.apiPolicy ?? .unspecified
            patch.triggerImmediately = request
        }
        patch.backfillRequest = backfills.map { backfill in
            var request = Temporal_Api_Schedule_V1_BackfillRequest()
            request.startTime = Google_Protobuf_Timestamp(date: backfill.start)
            request.endTime = Google_Protobuf_Timestamp(date: backfill.end)
            request.overlapPolicy = backfill.overlap?.apiPolicy ?? .unspecified
            return request
        }
        return patch
    }
}

extension ScheduleInfo {
    /// The info of an API message.
    public init(_ info: Temporal_Api_Schedule_V1_ScheduleInfo) {
        self.init(
            actionCount: Int(info.actionCount),
            missedCatchupWindow: Int(info.missedCatchupWindow),
            overlapSkipped: Int(info.overlapSkipped),
            runningWorkflows: info.runningWorkflows.map { WorkflowExecution(workflowID: $0.workflowID, runID: $0.runID) },
            recentActions: info.recentActions.map(ScheduleActionResult.init),
            nextActionTimes: info.futureActionTimes.map(\.date),
            createTime: info.hasCreateTime ? info.createTime.date : nil,
            updateTime: info.hasUpdateTime ? info.updateTime.date : nil
        )
    }
}

extension ScheduleActionResult {
    /// The result of an API message.
    public init(_ result: Temporal_Api_Schedule_V1_ScheduleActionResult) {
        self.init(
            scheduleTime: result.scheduleTime.date,
            actualTime: result.actualTime.date,
            workflow: WorkflowExecution(
                workflowID: result.startWorkflowResult.workflowID,
                runID: result.startWorkflowResult.runID
            )
        )
    }
}

extension ScheduleListEntry {
    /// The entry of an API list message.
    public init(_ entry: Temporal_Api_Schedule_V1_ScheduleListEntry) {
        self.init(
            scheduleID: entry.scheduleID,
            workflowType: entry.info.workflowType.name,
            paused: entry.info.paused,
            note: entry.info.notes,
            recentActions: entry.info.recentActions.map(ScheduleActionResult.init),
            nextActionTimes: entry.info.futureActionTimes.map(\.date)
        )
    }
}
