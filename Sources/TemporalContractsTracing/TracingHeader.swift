import Foundation
import TemporalContracts

/// The trace context as it travels in a Temporal header, in the format of the Python SDK's
/// `temporalio.contrib.opentelemetry.TracingInterceptor`: the text-map carrier (`traceparent`,
/// `tracestate`, `baggage`) as one `json/plain` payload holding a JSON object of strings, written
/// as Python's default payload converter writes it (sorted keys, no spaces).
enum TracingHeader {
    /// Encodes `carrier` as the header's payload.
    static func payload(for carrier: [String: String]) -> Payload {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A dictionary of strings always encodes.
        let data = (try? encoder.encode(carrier)) ?? Data("{}".utf8)
        return Payload(metadata: [Payload.encodingKey: Data(PayloadEncoding.json.utf8)], data: data)
    }

    /// The carrier in `payload`, or nil when it is not a JSON object; entries that are not strings
    /// are skipped, as no propagator writes them.
    static func carrier(in payload: Payload) -> [String: String]? {
        guard payload.encoding == PayloadEncoding.json,
            let object = try? JSONSerialization.jsonObject(with: payload.data) as? [String: Any]
        else { return nil }
        return object.compactMapValues { $0 as? String }
    }
}
