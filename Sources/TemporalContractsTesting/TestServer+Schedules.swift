import Foundation
import TemporalContracts

/// Schedules on the virtual clock: create, describe, update, pause and unpause, trigger, backfill,
/// list and delete, for interval specs. Calendars and cron strings need a real server's calendar
/// logic, so creating one throws `UnsupportedOptionError`. Overlap policies `skip`, `allowAll` and
/// `terminateOther` apply; the buffering and `cancelOther` policies act as `skip`.
extension TestServer: ScheduleTransport {
    func createSchedule(_ request: ScheduleRequest) async throws {
        guard schedules[request.scheduleID] == nil else { throw ScheduleAlreadyRunningError(scheduleID: request.scheduleID) }
        try Self.checkSupported(request.spec)
        var schedule = TestSchedule(request: request)
        schedule.info.createTime = now
        schedule.nextTime = schedule.actionTime(after: now)
        schedules[request.scheduleID] = schedule
        if request.triggerImmediately { await takeAction(request.scheduleID, at: now, overlap: nil) }
        await pump()
    }

    func describeSchedule(id: String) async throws -> ScheduleDetails {
        guard var schedule = schedules[id] else { throw ScheduleNotFoundError(scheduleID: id) }
        schedule.info.runningWorkflows = schedule.started.filter { (try? execution($0).isOpen) == true }
        var next: [Date] = []
        var time = schedule.request.state.paused ? nil : schedule.nextTime
        while let current = time, next.count < 10 {
            next.append(current)
            time = schedule.actionTime(after: current)
        }
        schedule.info.nextActionTimes = next
        return ScheduleDetails(schedule: schedule.request, info: schedule.info)
    }

    func updateSchedule(_ request: ScheduleRequest, conflictToken: Data?) async throws {
        guard var schedule = schedules[request.scheduleID] else { throw ScheduleNotFoundError(scheduleID: request.scheduleID) }
        try Self.checkSupported(request.spec)
        schedule.request = request
        schedule.info.updateTime = now
        schedule.nextTime = schedule.actionTime(after: now)
        schedules[request.scheduleID] = schedule
    }

    func patchSchedule(id: String, patch: SchedulePatch) async throws {
        guard var schedule = schedules[id] else { throw ScheduleNotFoundError(scheduleID: id) }
        if let note = patch.pause { schedule.request.state = ScheduleState(paused: true, note: note) }
        if let note = patch.unpause {
            schedule.request.state = ScheduleState(paused: false, note: note)
            // Missed actions are not caught up: the next one is the first after now.
            schedule.nextTime = schedule.actionTime(after: now)
        }
        schedules[id] = schedule
        if let trigger = patch.trigger { await takeAction(id, at: now, overlap: trigger) }
        for backfill in patch.backfills {
            var time = schedule.actionTime(after: backfill.start.addingTimeInterval(-0.001))
            while let current = time, current <= backfill.end {
                await takeAction(id, at: current, overlap: backfill.overlap)
                time = schedule.actionTime(after: current)
            }
        }
        await pump()
    }

    func listSchedules(query: String, pageSize: Int, nextPageToken: Data?) async throws -> ScheduleListPage {
        guard query.isEmpty else { throw UnsupportedOptionError("the test environment lists schedules without a query only") }
        var entries: [ScheduleListEntry] = []
        for id in schedules.keys.sorted() {
            let details = try await describeSchedule(id: id)
            entries.append(
                ScheduleListEntry(
                    scheduleID: id,
                    workflowType: details.schedule.action.workflowType,
                    paused: details.schedule.state.paused,
                    note: details.schedule.state.note,
                    recentActions: details.info.recentActions,
                    nextActionTimes: details.info.nextActionTimes
                )
            )
        }
        return ScheduleListPage(schedules: entries, nextPageToken: nil)
    }

    func deleteSchedule(id: String) async throws {
        guard schedules.removeValue(forKey: id) != nil else { throw ScheduleNotFoundError(scheduleID: id) }
    }

    // MARK: The clock

    /// The earliest action time of a running schedule.
    func nextScheduledActionTime() -> Date? {
        schedules.values.filter { !$0.request.state.paused }.compactMap(\.nextTime).min()
    }

    /// Takes the actions of running schedules due by now, in time order.
    func takeDueScheduledActions() async {
        while let (id, time) = schedules.filter({ !$0.value.request.state.paused })
            .compactMap({ entry in entry.value.nextTime.map { (entry.key, $0) } })
            .filter({ $0.1 <= now })
            .min(by: { ($0.1, $0.0) < ($1.1, $1.0) })
        {
            // Computed first: reading `schedules` inside the optional-chained write is an access conflict.
            let next = schedules[id]?.actionTime(after: time)
            schedules[id]?.nextTime = next
            await takeAction(id, at: time, overlap: nil)
            if let remaining = schedules[id]?.request.state.remainingActions {
                schedules[id]?.request.state.remainingActions = remaining - 1
                if remaining <= 1 { schedules[id]?.nextTime = nil }
            }
        }
    }

    /// Starts the action's workflow as `<workflow ID>-<time>`, as the server names scheduled runs,
    /// unless the overlap policy says otherwise.
    private func takeAction(_ id: String, at time: Date, overlap: ScheduleOverlapPolicy?) async {
        guard let schedule = schedules[id] else { return }
        let open = schedule.started.filter { (try? execution($0).isOpen) == true }
        switch overlap ?? schedule.request.policies.overlap {
        case .allowAll:
            break
        case .terminateOther:
            for execution in open {
                _ = try? await terminateWorkflow(execution, reason: "terminated by schedule \(id)")
            }
        case .skip, .bufferOne, .bufferAll, .cancelOther:
            if !open.isEmpty {
                schedules[id]?.info.overlapSkipped += 1
                return
            }
        }
        var request = schedule.request.action
        request.workflowID = ScheduleRequest.scheduledWorkflowID(request.workflowID, at: time)
        request.idConflictPolicy = nil
        request.requestID = UUID().uuidString.lowercased()
        guard let response = try? await startWorkflow(request) else { return }
        let started = WorkflowExecution(workflowID: request.workflowID, runID: response.runID)
        schedules[id]?.started.append(started)
        schedules[id]?.info.actionCount += 1
        schedules[id]?.info.recentActions.append(ScheduleActionResult(scheduleTime: time, actualTime: now, workflow: started))
        if let count = schedules[id]?.info.recentActions.count, count > 10 {
            schedules[id]?.info.recentActions.removeFirst(count - 10)
        }
    }

    private static func checkSupported(_ spec: ScheduleSpec) throws {
        guard spec.calendars.isEmpty, spec.cronStrings.isEmpty, spec.skip.isEmpty else {
            throw UnsupportedOptionError("the test environment runs interval specs only; calendars and cron strings need a Temporal server")
        }
    }
}
