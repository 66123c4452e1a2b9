import SwiftProtobuf
import TemporalAPI
import TemporalContracts

/// One direction of a data converter's codec chain (encode or decode), applied to the payload fields
/// of Temporal API messages, as the Python SDK's payload visitor does.
///
/// Search attributes are never touched: the server indexes them, so they must stay readable. Headers
/// are left alone too, as the other SDKs leave them by default (Python's `HeaderCodecBehavior.NO_CODEC`):
/// interceptors of any SDK must be able to read them. Memos do go through the codecs, as the client
/// encodes them (`TemporalClient` and the Python client both do).
///
/// Each helper below takes the location of its field as an autoclosure: the text is only built when a
/// codec fails, so the happy path pays for no string interpolation.
struct PayloadTransform {
    let transform: ([Payload]) async throws -> [Payload]

    /// The payloads of one field, in one call of the chain, as the other SDKs batch them.
    func payloads(_ payloads: inout Temporal_Api_Common_V1_Payloads, at location: @autoclosure () -> String) async throws {
        guard !payloads.payloads.isEmpty else { return }
        do {
            payloads.payloads = try await transform([Payload](payloads)).map(\.apiPayload)
        } catch {
            throw PayloadCodecError(location: location(), underlying: error)
        }
    }

    /// A field that holds one payload rather than a `Payloads` list.
    func payload(_ payload: inout Temporal_Api_Common_V1_Payload, at location: @autoclosure () -> String) async throws {
        do {
            guard let transformed = try await transform([Payload(payload)]).first else { throw MissingPayloadError() }
            payload = transformed.apiPayload
        } catch {
            throw PayloadCodecError(location: location(), underlying: error)
        }
    }

    /// A marker's details: one `Payloads` per key, in key order so that a failure is reproducible.
    func payloadMap(_ map: inout [String: Temporal_Api_Common_V1_Payloads], at location: @autoclosure () -> String) async throws {
        for key in map.keys.sorted() {
            try await payloads(&map[key, default: Temporal_Api_Common_V1_Payloads()], at: "\(location()) '\(key)'")
        }
    }

    /// A memo: each value is a payload of its own, encoded alone by the client.
    func memo(_ memo: inout Temporal_Api_Common_V1_Memo, at location: @autoclosure () -> String) async throws {
        for key in memo.fields.keys.sorted() {
            try await payload(&memo.fields[key, default: Temporal_Api_Common_V1_Payload()], at: "\(location()) '\(key)'")
        }
    }

    /// The summary and details shown by the UI beside an event or a command.
    func userMetadata(_ metadata: inout Temporal_Api_Sdk_V1_UserMetadata, at location: @autoclosure () -> String) async throws {
        if metadata.hasSummary { try await payload(&metadata.summary, at: "\(location()) summary") }
        if metadata.hasDetails { try await payload(&metadata.details, at: "\(location()) details") }
    }

    /// A failure and its causes: encoded attributes (message and stack trace when the failure
    /// converter hides them) and the details of the failure kinds that carry payloads.
    func failure(_ failure: inout Temporal_Api_Failure_V1_Failure, at location: @autoclosure () -> String) async throws {
        if failure.hasEncodedAttributes { try await payload(&failure.encodedAttributes, at: "\(location()) encoded attributes") }
        switch failure.failureInfo {
        case .applicationFailureInfo(var info) where info.hasDetails:
            try await payloads(&info.details, at: "\(location()) details")
            failure.applicationFailureInfo = info
        case .timeoutFailureInfo(var info) where info.hasLastHeartbeatDetails:
            try await payloads(&info.lastHeartbeatDetails, at: "\(location()) last heartbeat details")
            failure.timeoutFailureInfo = info
        case .canceledFailureInfo(var info) where info.hasDetails:
            try await payloads(&info.details, at: "\(location()) details")
            failure.canceledFailureInfo = info
        case .resetWorkflowFailureInfo(var info) where info.hasLastHeartbeatDetails:
            try await payloads(&info.lastHeartbeatDetails, at: "\(location()) last heartbeat details")
            failure.resetWorkflowFailureInfo = info
        default:
            break
        }
        if failure.hasCause { try await self.failure(&failure.cause, at: "\(location()) cause") }
    }
}
