import Foundation
import Testing

@testable import TemporalContracts

/// Failures cross to other SDKs as `Failure` values: every kind converts to its typed error and
/// back without losing type, message, flags, details, stack trace or causes.
struct FailureConversionTests {
    let converter = DefaultFailureConverter()

    static let details = [Payload(metadata: ["encoding": Data("json/plain".utf8)], data: Data("\"why\"".utf8))]

    static let kinds: [Failure.Info] = [
        .application(type: "CardDeclined", nonRetryable: true, details: details, nextRetryDelay: .seconds(3)),
        .timeout(type: .heartbeat, lastHeartbeatDetails: details),
        .canceled(details: details),
        .terminated,
        .server(nonRetryable: true),
        .activity(activityType: "Charge", activityID: "7", scheduledEventID: 5, startedEventID: 6, identity: "w@h", retryState: .timeout),
        .childWorkflow(
            namespace: "default",
            workflowID: "child",
            runID: "r",
            workflowType: "Ship",
            initiatedEventID: 9,
            startedEventID: 10,
            retryState: .nonRetryableFailure
        ),
    ]

    @Test(arguments: kinds)
    func everyKindRoundTripsWithItsCauseChain(_ info: Failure.Info) {
        let root = Failure(
            message: "root cause",
            stackTrace: "at root()",
            info: .application(type: "Root", nonRetryable: false, details: [], nextRetryDelay: nil)
        )
        let middle = Failure(message: "middle", stackTrace: "at middle()", info: info, cause: root)
        let top = Failure(
            message: "top",
            info: .activity(
                activityType: "A",
                activityID: "1",
                scheduledEventID: 1,
                startedEventID: 2,
                identity: "i",
                retryState: .inProgress
            ),
            cause: middle
        )
        let error = converter.error(from: top)
        #expect(converter.failure(from: error) == top)
        #expect(error.cause?.cause?.message == "root cause")
        #expect(error.cause?.cause?.stackTrace == "at root()")
    }

    @Test func applicationErrorsKeepWhatOtherSDKsMatchOn() throws {
        let error = converter.error(from: Failure(message: "declined", info: Self.kinds[0]))
        let application = try #require(error as? ApplicationError)
        #expect(application.type == "CardDeclined")
        #expect(application.isNonRetryable)
        #expect(application.nextRetryDelay == .seconds(3))
        #expect(try application.detail(as: String.self) == "why")
    }

    @Test func plainSwiftErrorsBecomeApplicationErrorsNamedByType() {
        struct OutOfStock: Error {}
        let failure = converter.failure(from: OutOfStock())
        guard case .application(let type, let nonRetryable, _, _) = failure.info else {
            Issue.record("expected an application failure")
            return
        }
        #expect(type == "OutOfStock")
        #expect(!nonRetryable)
        guard case .canceled = converter.failure(from: CancellationError()).info else {
            Issue.record("Swift task cancellation must travel as a canceled failure")
            return
        }
    }

    /// A codec that reverses the bytes, to see codecs run on failure details in both directions.
    struct ReversingCodec: PayloadCodec {
        func encode(_ payloads: [Payload]) async throws -> [Payload] {
            payloads.map { Payload(metadata: ["encoding": Data("binary/reversed".utf8)], data: Data($0.data.reversed())) }
        }

        func decode(_ payloads: [Payload]) async throws -> [Payload] {
            payloads.map { Payload(metadata: ["encoding": Data("json/plain".utf8)], data: Data($0.data.reversed())) }
        }
    }

    @Test func codecsRunOnFailureDetailsAndPayloads() async throws {
        let dataConverter = DataConverter(codecs: [ReversingCodec()])
        let error = ApplicationError(
            "nope",
            type: "T",
            details: Self.details,
            cause: TimeoutError("late", timeoutType: .heartbeat, lastHeartbeatDetails: Self.details)
        )
        let encoded = try await dataConverter.encodeFailure(error)
        guard case .application(_, _, let details, _) = encoded.info else {
            Issue.record("expected an application failure")
            return
        }
        #expect(details.first?.encoding == "binary/reversed")
        let decoded = try #require(try await dataConverter.decodeFailure(encoded) as? ApplicationError)
        #expect(try decoded.detail(as: String.self) == "why")
        #expect((decoded.cause as? TimeoutError)?.lastHeartbeatDetails == Self.details)

        let payloads = try await dataConverter.encode(42, with: .single())
        #expect(payloads.first?.encoding == "binary/reversed")
        #expect(try await dataConverter.decode(payloads, with: PayloadCoding<Int>.single()) == 42)
    }
}
