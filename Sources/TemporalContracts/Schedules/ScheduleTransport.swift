import Foundation

/// The schedule calls of a transport. They are separate from `TemporalTransport`'s core
/// requirements with throwing defaults, so transports written before schedules (and test doubles
/// that need none) keep compiling; the gRPC transport and the test server implement them.
public protocol ScheduleTransport: Sendable {
    /// Creates a schedule; throws `ScheduleAlreadyRunningError` when the ID is taken.
    func createSchedule(_ request: ScheduleRequest) async throws
    /// Describes a schedule; throws `ScheduleNotFoundError` when there is none.
    func describeSchedule(id: String) async throws -> ScheduleDetails
    /// Replaces a schedule's spec, action, policies and state; `conflictToken` (from a describe)
    /// makes the update fail if the schedule changed since.
    func updateSchedule(_ request: ScheduleRequest, conflictToken: Data?) async throws
    /// Pauses, unpauses, triggers or backfills a schedule.
    func patchSchedule(id: String, patch: SchedulePatch) async throws
    /// One page of the schedules a visibility query selects (`""` selects all).
    func listSchedules(query: String, pageSize: Int, nextPageToken: Data?) async throws -> ScheduleListPage
    /// Deletes a schedule; the runs it started are left alone.
    func deleteSchedule(id: String) async throws
}
