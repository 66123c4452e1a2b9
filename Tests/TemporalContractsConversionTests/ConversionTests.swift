import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import Testing

@testable import TemporalContractsConversion

struct ConversionTests {
    @Test func failureChainRoundTripsThroughTheAPIMessage() {
        let details = [Payload(metadata: ["encoding": Data("json/plain".utf8)], data: Data("{\"code\":42}".utf8))]
        let failure = Failure(
            message: "activity failed",
            source: "PythonSDK",
            stackTrace: "trace",
            info: .activity(
                activityType: "Charge",
                activityID: "1",
                scheduledEventID: 5,
                startedEventID: 6,
                identity: "worker",
                retryState: .maximumAttemptsReached
            ),
            cause: Failure(
                message: "declined",
                info: .application(type: "CardDeclined", nonRetryable: true, details: details, nextRetryDelay: .seconds(3)),
                cause: Failure(message: "timed out", info: .timeout(type: .heartbeat, lastHeartbeatDetails: details))
            )
        )
        #expect(Failure(failure.apiFailure) == failure)
    }

    @Test(arguments: [
        Failure.Info.canceled(details: []),
        .terminated,
        .server(nonRetryable: true),
        .resetWorkflow(lastHeartbeatDetails: []),
        .childWorkflow(
            namespace: "default",
            workflowID: "child",
            runID: "run",
            workflowType: "Child",
            initiatedEventID: 3,
            startedEventID: 4,
            retryState: .nonRetryableFailure
        ),
    ])
    func everyFailureKindRoundTrips(info: Failure.Info) {
        let failure = Failure(message: "m", info: info)
        #expect(Failure(failure.apiFailure) == failure)
    }

    @Test func durationsKeepNanoseconds() {
        let duration = Duration.seconds(90) + .nanoseconds(1_500)
        #expect(duration.protobufDuration.seconds == 90)
        #expect(duration.protobufDuration.nanos == 1_500)
        #expect(Duration(duration.protobufDuration) == duration)
    }

    @Test func retryPolicyLeavesUnsetFieldsToTheServer() {
        let policy = RetryPolicy(maximumAttempts: 3, nonRetryableErrorTypes: ["Fatal"]).apiRetryPolicy
        #expect(policy.maximumAttempts == 3)
        #expect(policy.nonRetryableErrorTypes == ["Fatal"])
        #expect(!policy.hasInitialInterval)
        #expect(!policy.hasMaximumInterval)
        #expect(policy.backoffCoefficient == 0)
    }

    @Test func searchAttributesCarryTheirIndexedType() throws {
        let payload = SearchAttributeValue.keywordList(["a", "b"]).apiPayload
        #expect(String(decoding: payload.metadata["type"] ?? Data(), as: UTF8.self) == "KeywordList")
        #expect(String(decoding: payload.data, as: UTF8.self) == "[\"a\",\"b\"]")
    }
}
