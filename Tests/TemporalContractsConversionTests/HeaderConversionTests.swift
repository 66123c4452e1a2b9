import Foundation
import TemporalAPI
import TemporalContracts
import TemporalContractsConversion
import Testing

/// Temporal headers ⇄ `temporal.api.common.v1.Header`: every field and its metadata survive, and
/// a message without a header reads as no headers.
struct HeaderConversionTests {
    @Test func headersRoundTripThroughTheAPIMessage() throws {
        let headers: [String: Payload] = [
            "tenant": try DefaultPayloadConverter().toPayload("acme"),
            "_tracer-data": Payload(metadata: ["encoding": Data("json/plain".utf8), "extra": Data([0, 255])], data: Data("{}".utf8)),
        ]
        let header = headers.apiHeader
        #expect(header.fields.keys.sorted() == ["_tracer-data", "tenant"])
        #expect(header.fields["tenant"]?.data == Data("\"acme\"".utf8))
        #expect([String: Payload](header) == headers)
    }

    @Test func aMessageWithoutAHeaderHasNoHeaders() {
        let start = Temporal_Api_History_V1_WorkflowExecutionStartedEventAttributes()
        #expect(!start.hasHeader)
        #expect([String: Payload](start.header).isEmpty)
    }
}
