import Foundation
import GRPCCore
import TemporalAPI
import TemporalContractsConversion
import TemporalContracts

extension GRPCTemporalTransport {
    public func completeActivity(taskToken: Data, result: [Payload]) async throws {
        var message = Temporal_Api_Workflowservice_V1_RespondActivityTaskCompletedRequest()
        message.namespace = namespace
        message.taskToken = taskToken
        message.result = result.apiPayloads
        message.identity = identity
        let sent = message
        _ = try await connection.call("RespondActivityTaskCompleted", retry: .idempotent) { service, metadata, options in
            try await service.respondActivityTaskCompleted(sent, metadata: metadata, options: options)
        } mapError: { error in
            mapActivityError(error, method: "RespondActivityTaskCompleted")
        }
    }

    public func failActivity(taskToken: Data, failure: Failure, lastHeartbeatDetails: [Payload]) async throws {
        var message = Temporal_Api_Workflowservice_V1_RespondActivityTaskFailedRequest()
        message.namespace = namespace
        message.taskToken = taskToken
        message.failure = failure.apiFailure
        if !lastHeartbeatDetails.isEmpty { message.lastHeartbeatDetails = lastHeartbeatDetails.apiPayloads }
        message.identity = identity
        let sent = message
        _ = try await connection.call("RespondActivityTaskFailed", retry: .idempotent) { service, metadata, options in
            try await service.respondActivityTaskFailed(sent, metadata: metadata, options: options)
        } mapError: { error in
            mapActivityError(error, method: "RespondActivityTaskFailed")
        }
    }

    public func reportActivityCanceled(taskToken: Data, details: [Payload]) async throws {
        var message = Temporal_Api_Workflowservice_V1_RespondActivityTaskCanceledRequest()
        message.namespace = namespace
        message.taskToken = taskToken
        if !details.isEmpty { message.details = details.apiPayloads }
        message.identity = identity
        let sent = message
        _ = try await connection.call("RespondActivityTaskCanceled", retry: .idempotent) { service, metadata, options in
            try await service.respondActivityTaskCanceled(sent, metadata: metadata, options: options)
        } mapError: { error in
            mapActivityError(error, method: "RespondActivityTaskCanceled")
        }
    }

    public func heartbeatActivity(taskToken: Data, details: [Payload]) async throws -> Bool {
        var message = Temporal_Api_Workflowservice_V1_RecordActivityTaskHeartbeatRequest()
        message.namespace = namespace
        message.taskToken = taskToken
        if !details.isEmpty { message.details = details.apiPayloads }
        message.identity = identity
        let sent = message
        let response = try await connection.call("RecordActivityTaskHeartbeat", retry: .idempotent) { service, metadata, options in
            try await service.recordActivityTaskHeartbeat(sent, metadata: metadata, options: options)
        } mapError: { error in
            mapActivityError(error, method: "RecordActivityTaskHeartbeat")
        }
        return response.cancelRequested
    }

    func mapActivityError(_ error: RPCError, method: String) -> any Error {
        error.code == .notFound ? ActivityNotFoundError() : error.temporalRPCError(method: method)
    }
}
