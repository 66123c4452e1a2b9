import Foundation
import GRPCCore
import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

extension GRPCTemporalTransport: ScheduleTransport {
    public func createSchedule(_ request: ScheduleRequest) async throws {
        var message = Temporal_Api_Workflowservice_V1_CreateScheduleRequest()
        message.namespace = namespace
        message.scheduleID = request.scheduleID
        message.schedule = request.apiSchedule
        if request.triggerImmediately {
            message.initialPatch = SchedulePatch(trigger: .some(nil)).apiPatch
        }
        message.identity = identity
        // The request ID makes a retried create succeed instead of reporting "already exists".
        message.requestID = request.action.requestID
        let sent = message
        _ = try await connection.call("CreateSchedule", retry: .idempotent) { service, metadata, options in
            try await service.createSchedule(sent, metadata: metadata, options: options)
        } mapError: { error in
            if error.code == .alreadyExists
                || error.temporalDetail(Temporal_Api_Errordetails_V1_WorkflowExecutionAlreadyStartedFailure.self) != nil
            {
                return ScheduleAlreadyRunningError(scheduleID: request.scheduleID)
            }
            return error.temporalRPCError(method: "CreateSchedule")
        }
    }

    public func describeSchedule(id: String) async throws -> ScheduleDetails {
        var message = Temporal_Api_Workflowservice_V1_DescribeScheduleRequest()
        message.namespace = namespace
        message.scheduleID = id
        let sent = message
        let response = try await connection.call("DescribeSchedule", retry: .idempotent) { service, metadata, options in
            try await service.describeSchedule(sent, metadata: metadata, options: options)
        } mapError: { error in
            mapScheduleError(error, id: id, method: "DescribeSchedule")
        }
        return ScheduleDetails(
            schedule: ScheduleRequest(scheduleID: id, response.schedule),
            info: ScheduleInfo(response.info),
            conflictToken: response.conflictToken.isEmpty ? nil : response.conflictToken
        )
    }

    public func updateSchedule(_ request: ScheduleRequest, conflictToken: Data?) async throws {
        var message = Temporal_Api_Workflowservice_V1_UpdateScheduleRequest()
        message.namespace = namespace
        message.scheduleID = request.scheduleID
        message.schedule = request.apiSchedule
        message.conflictToken = conflictToken ?? Data()
        message.identity = identity
        message.requestID = UUID().uuidString.lowercased()
        let sent = message
        _ = try await connection.call("UpdateSchedule", retry: .idempotent) { service, metadata, options in
            try await service.updateSchedule(sent, metadata: metadata, options: options)
        } mapError: { error in
            mapScheduleError(error, id: request.scheduleID, method: "UpdateSchedule")
        }
    }

    public func patchSchedule(id: String, patch: SchedulePatch) async throws {
        var message = Temporal_Api_Workflowservice_V1_PatchScheduleRequest()
        message.namespace = namespace
        message.scheduleID = id
        message.patch = patch.apiPatch
        message.identity = identity
        message.requestID = UUID().uuidString.lowercased()
        let sent = message
        _ = try await connection.call("PatchSchedule", retry: .idempotent) { service, metadata, options in
            try await service.patchSchedule(sent, metadata: metadata, options: options)
        } mapError: { error in
            mapScheduleError(error, id: id, method: "PatchSchedule")
        }
    }

    public func listSchedules(query: String, pageSize: Int, nextPageToken: Data?) async throws -> ScheduleListPage {
        var message = Temporal_Api_Workflowservice_V1_ListSchedulesRequest()
        message.namespace = namespace
        message.query = query
        message.maximumPageSize = Int32(clamping: pageSize)
        message.nextPageToken = nextPageToken ?? Data()
        let sent = message
        let response = try await connection.call("ListSchedules", retry: .idempotent) { service, metadata, options in
            try await service.listSchedules(sent, metadata: metadata, options: options)
        } mapError: { error in
            error.temporalRPCError(method: "ListSchedules")
        }
        return ScheduleListPage(
            schedules: response.schedules.map(ScheduleListEntry.init),
            nextPageToken: response.nextPageToken.isEmpty ? nil : response.nextPageToken
        )
    }

    public func deleteSchedule(id: String) async throws {
        var message = Temporal_Api_Workflowservice_V1_DeleteScheduleRequest()
        message.namespace = namespace
        message.scheduleID = id
        message.identity = identity
        let sent = message
        _ = try await connection.call("DeleteSchedule", retry: .idempotent) { service, metadata, options in
            try await service.deleteSchedule(sent, metadata: metadata, options: options)
        } mapError: { error in
            mapScheduleError(error, id: id, method: "DeleteSchedule")
        }
    }

    func mapScheduleError(_ error: RPCError, id: String, method: String) -> any Error {
        if error.code == .notFound {
            return ScheduleNotFoundError(scheduleID: id)
        }
        return error.temporalRPCError(method: method)
    }
}
