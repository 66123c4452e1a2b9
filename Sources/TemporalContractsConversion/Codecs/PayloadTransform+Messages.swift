import SwiftProtobuf
import TemporalAPI
import TemporalContracts

extension PayloadTransform {
    /// The update protocol's messages, whose bodies are packed in `google.protobuf.Any`: requests
    /// (server to worker), and acceptances, rejections and responses (worker to server). Acceptances
    /// and rejections carry the request back, and the server stores it in history as it is sent: its
    /// arguments go through the codecs again, or they would be stored decoded. Bodies of other types
    /// are left as they are.
    func message(_ message: inout Temporal_Api_Protocol_V1_Message) async throws {
        let id = message.id
        func at(_ field: String) -> String { "message '\(id)' \(field)" }

        try await visitBody(&message.body, as: Temporal_Api_Update_V1_Request.self, at: at("update request")) { request in
            try await updateRequest(&request, at: at("update"))
        }
        try await visitBody(&message.body, as: Temporal_Api_Update_V1_Acceptance.self, at: at("update acceptance")) { acceptance in
            if acceptance.hasAcceptedRequest { try await updateRequest(&acceptance.acceptedRequest, at: at("accepted update")) }
        }
        try await visitBody(&message.body, as: Temporal_Api_Update_V1_Rejection.self, at: at("update rejection")) { rejection in
            if rejection.hasRejectedRequest { try await updateRequest(&rejection.rejectedRequest, at: at("rejected update")) }
            if rejection.hasFailure { try await failure(&rejection.failure, at: at("rejection failure")) }
        }
        try await visitBody(&message.body, as: Temporal_Api_Update_V1_Response.self, at: at("update response")) { response in
            if response.hasOutcome { try await outcome(&response.outcome, at: at("update outcome")) }
        }
    }

    /// Unpacks a body of the given type, transforms it and packs it again under the same type URL;
    /// does nothing to a body of another type.
    private func visitBody<Body: SwiftProtobuf.Message>(
        _ body: inout Google_Protobuf_Any,
        as type: Body.Type,
        at location: @autoclosure () -> String,
        _ transform: (inout Body) async throws -> Void
    ) async throws {
        guard body.isA(Body.self) else { return }
        var message: Body
        do {
            message = try Body(unpackingAny: body)
        } catch {
            throw PayloadCodecError(location: location(), underlying: error)
        }
        try await transform(&message)
        do {
            var packed = try Google_Protobuf_Any(message: message)
            packed.typeURL = body.typeURL
            body = packed
        } catch {
            throw PayloadCodecError(location: location(), underlying: error)
        }
    }

    /// An update's arguments, wherever the request appears (messages, admitted, accepted and rejected
    /// events). Its name is part of the location: `... update 'SetBudget' arguments`.
    func updateRequest(_ request: inout Temporal_Api_Update_V1_Request, at location: @autoclosure () -> String) async throws {
        guard request.input.hasArgs else { return }
        let name = request.input.name
        try await payloads(&request.input.args, at: "\(location()) '\(name)' arguments")
    }

    /// An update's result or failure.
    func outcome(_ outcome: inout Temporal_Api_Update_V1_Outcome, at location: @autoclosure () -> String) async throws {
        switch outcome.value {
        case .success(var success):
            try await payloads(&success, at: "\(location()) success")
            outcome.success = success
        case .failure(var failure):
            try await self.failure(&failure, at: "\(location()) failure")
            outcome.failure = failure
        case nil:
            break
        }
    }

    /// A query's arguments: the legacy query of a query task and each query attached to a workflow task.
    /// Its type is part of the location: `query 'q1' (Status) arguments`.
    func query(_ query: inout Temporal_Api_Query_V1_WorkflowQuery, at location: @autoclosure () -> String) async throws {
        guard query.hasQueryArgs else { return }
        let type = query.queryType
        try await payloads(&query.queryArgs, at: "\(location()) (\(type)) arguments")
    }

    /// A query's answer or failure, as a workflow task completion carries it.
    func queryResult(_ result: inout Temporal_Api_Query_V1_WorkflowQueryResult, at location: @autoclosure () -> String) async throws {
        if result.hasAnswer { try await payloads(&result.answer, at: "\(location()) answer") }
        if result.hasFailure { try await failure(&result.failure, at: "\(location()) failure") }
    }
}
