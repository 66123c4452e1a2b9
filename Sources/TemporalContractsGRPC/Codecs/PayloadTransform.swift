import SwiftProtobuf
import TemporalAPI
import TemporalContracts

/// Runs one direction of a data converter's codecs (encode or decode) over the payload fields
/// of Temporal API messages. Search attributes, memos and headers are left alone, as the other
/// SDKs leave them by default: the server indexes the first, and the engine reads none of them.
struct PayloadTransform {
    let transform: ([Payload]) async throws -> [Payload]

    func payloads(_ payloads: inout Temporal_Api_Common_V1_Payloads, at location: @autoclosure () -> String) async throws {
        guard !payloads.payloads.isEmpty else { return }
        do {
            payloads = try await transform([Payload](payloads)).apiPayloads
        } catch {
            throw PayloadCodecError(location: location(), underlying: error)
        }
    }

    func payloadMap(_ map: inout [String: Temporal_Api_Common_V1_Payloads], at location: @autoclosure () -> String) async throws {
        for key in map.keys.sorted() {
            try await payloads(&map[key, default: Temporal_Api_Common_V1_Payloads()], at: "\(location()) '\(key)'")
        }
    }

    func failure(_ failure: inout Temporal_Api_Failure_V1_Failure, at location: @autoclosure () -> String) async throws {
        let here = location()
        if failure.hasEncodedAttributes {
            do {
                let encoded = try await transform([Payload(failure.encodedAttributes)])
                if let first = encoded.first { failure.encodedAttributes = first.apiPayload }
            } catch {
                throw PayloadCodecError(location: "\(here) encoded attributes", underlying: error)
            }
        }
        switch failure.failureInfo {
        case .applicationFailureInfo(var info):
            if info.hasDetails { try await payloads(&info.details, at: "\(here) details") }
            failure.applicationFailureInfo = info
        case .timeoutFailureInfo(var info):
            if info.hasLastHeartbeatDetails { try await payloads(&info.lastHeartbeatDetails, at: "\(here) heartbeat details") }
            failure.timeoutFailureInfo = info
        case .canceledFailureInfo(var info):
            if info.hasDetails { try await payloads(&info.details, at: "\(here) details") }
            failure.canceledFailureInfo = info
        case .resetWorkflowFailureInfo(var info):
            if info.hasLastHeartbeatDetails { try await payloads(&info.lastHeartbeatDetails, at: "\(here) heartbeat details") }
            failure.resetWorkflowFailureInfo = info
        default:
            break
        }
        if failure.hasCause {
            try await self.failure(&failure.cause, at: "\(here) cause")
        }
    }

    /// An update request, response or rejection packed in a protocol message's body.
    func message(_ message: inout Temporal_Api_Protocol_V1_Message, at location: @autoclosure () -> String) async throws {
        let here = location()
        if message.body.isA(Temporal_Api_Update_V1_Request.self) {
            var request = try Temporal_Api_Update_V1_Request(unpackingAny: message.body)
            let location = "\(here) update '\(request.input.name)' arguments"
            if request.input.hasArgs { try await payloads(&request.input.args, at: location) }
            message.body = try Google_Protobuf_Any(message: request)
        } else if message.body.isA(Temporal_Api_Update_V1_Response.self) {
            var response = try Temporal_Api_Update_V1_Response(unpackingAny: message.body)
            try await outcome(&response.outcome, at: "\(here) update outcome")
            message.body = try Google_Protobuf_Any(message: response)
        } else if message.body.isA(Temporal_Api_Update_V1_Rejection.self) {
            var rejection = try Temporal_Api_Update_V1_Rejection(unpackingAny: message.body)
            try await failure(&rejection.failure, at: "\(here) update rejection")
            message.body = try Google_Protobuf_Any(message: rejection)
        }
    }

    func outcome(_ outcome: inout Temporal_Api_Update_V1_Outcome, at location: @autoclosure () -> String) async throws {
        switch outcome.value {
        case .success(var success):
            try await payloads(&success, at: location())
            outcome.success = success
        case .failure(var failure):
            try await self.failure(&failure, at: location())
            outcome.failure = failure
        case nil:
            break
        }
    }

    func queryResult(_ result: inout Temporal_Api_Query_V1_WorkflowQueryResult, at location: @autoclosure () -> String) async throws {
        if result.hasAnswer { try await payloads(&result.answer, at: "\(location()) answer") }
        if result.hasFailure { try await failure(&result.failure, at: "\(location()) failure") }
    }
}
