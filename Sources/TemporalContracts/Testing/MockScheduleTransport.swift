import Foundation
import Synchronization

/// An in-memory `ScheduleTransport` for tests of code that schedules workflows through a
/// generated client over a `MockWorkflowClient` (its `schedules`): it keeps the schedules created,
/// records every patch, and answers describes with the stored schedule and a stubbable info.
public final class MockScheduleTransport: ScheduleTransport {
    private struct State {
        var schedules: [String: ScheduleRequest] = [:]
        var infos: [String: ScheduleInfo] = [:]
        var patches: [(String, SchedulePatch)] = []
        var deleted: [String] = []
    }

    private let state = Mutex(State())

    /// An empty mock.
    public init() {}

    /// The schedules that exist, by ID, as created or last updated.
    public var schedules: [String: ScheduleRequest] { state.withLock { $0.schedules } }
    /// Every patch (pause, unpause, trigger, backfill) sent, in order, with the schedule's ID.
    public var patches: [(scheduleID: String, patch: SchedulePatch)] { state.withLock { $0.patches.map { ($0.0, $0.1) } } }
    /// The IDs of deleted schedules, in order.
    public var deleted: [String] { state.withLock { $0.deleted } }

    /// Answers describes of `scheduleID` with `info` (recent actions, next action times).
    public func stubInfo(_ info: ScheduleInfo, for scheduleID: String) {
        state.withLock { $0.infos[scheduleID] = info }
    }

    public func createSchedule(_ request: ScheduleRequest) async throws {
        try state.withLock { state in
            guard state.schedules[request.scheduleID] == nil else { throw ScheduleAlreadyRunningError(scheduleID: request.scheduleID) }
            state.schedules[request.scheduleID] = request
        }
    }

    public func describeSchedule(id: String) async throws -> ScheduleDetails {
        try state.withLock { state in
            guard let schedule = state.schedules[id] else { throw ScheduleNotFoundError(scheduleID: id) }
            return ScheduleDetails(schedule: schedule, info: state.infos[id] ?? ScheduleInfo())
        }
    }

    public func updateSchedule(_ request: ScheduleRequest, conflictToken: Data?) async throws {
        try state.withLock { state in
            guard state.schedules[request.scheduleID] != nil else { throw ScheduleNotFoundError(scheduleID: request.scheduleID) }
            state.schedules[request.scheduleID] = request
        }
    }

    /// Records the patch; pause and unpause change the stored state, as a server would.
    public func patchSchedule(id: String, patch: SchedulePatch) async throws {
        try state.withLock { state in
            guard state.schedules[id] != nil else { throw ScheduleNotFoundError(scheduleID: id) }
            if let note = patch.pause { state.schedules[id]?.state = ScheduleState(paused: true, note: note) }
            if let note = patch.unpause { state.schedules[id]?.state = ScheduleState(paused: false, note: note) }
            state.patches.append((id, patch))
        }
    }

    /// Every schedule, by ID; the query is ignored.
    public func listSchedules(query: String, pageSize: Int, nextPageToken: Data?) async throws -> ScheduleListPage {
        let schedules = state.withLock { $0.schedules }
        let entries = schedules.keys.sorted().compactMap { id in
            schedules[id].map {
                ScheduleListEntry(scheduleID: id, workflowType: $0.action.workflowType, paused: $0.state.paused, note: $0.state.note)
            }
        }
        return ScheduleListPage(schedules: entries, nextPageToken: nil)
    }

    public func deleteSchedule(id: String) async throws {
        try state.withLock { state in
            guard state.schedules.removeValue(forKey: id) != nil else { throw ScheduleNotFoundError(scheduleID: id) }
            state.deleted.append(id)
        }
    }
}
