import Foundation
import TemporalContracts
import Testing

/// Exercises the committed golden output: it compiles in this target, and the generated types
/// decode what the Python SDK wrote and encode what it reads.
struct GeneratedTypesTests {
    let converter = DefaultPayloadConverter()

    @Test func decodesThePythonDataclassOrder() throws {
        let vector = try PythonVectors.payload(named: "dataclass_order")
        let order = try converter.fromPayload(vector, as: Interop.Order.self)
        #expect(order.orderID == "o-1")
        #expect(order.customerName == "Ada Lovelace")
        #expect(
            order.items == [
                Interop.LineItem(sku: "sku-1", quantity: 2, unitPrice: 9.5),
                Interop.LineItem(sku: "sku-2", quantity: 1, unitPrice: 0.25),
            ]
        )
        #expect(order.placedAt == RFC3339.date(from: "2026-11-22T08:30:15Z"))
        #expect(order.trackingID == UUID(uuidString: "0f8fad5b-d9cb-469f-a165-70867728950e"))
        #expect(order.status == .open)
        #expect(order.color == .red)
        #expect(order.note == nil)
        #expect(order.tags == ["channel": "web"])
        #expect(order.express == false)
    }

    @Test func encodesTheOrderAsPythonDoes() throws {
        let vector = try PythonVectors.payload(named: "dataclass_order")
        let order = try converter.fromPayload(vector, as: Interop.Order.self)
        let payload = try converter.toPayload(order)
        #expect(payload.encoding == "json/plain")
        // Same keys and values as Python's JSON: null for the absent note, lowercase UUID. Python
        // writes no fraction for whole seconds, we always write six digits; both parse everywhere.
        let ours = try JSONSerialization.jsonObject(with: payload.data) as? NSDictionary
        var theirs = try JSONSerialization.jsonObject(with: vector.data) as? [String: Any]
        theirs?["placed_at"] = "2026-11-22T08:30:15.000000+00:00"
        #expect(ours == theirs.map { NSDictionary(dictionary: $0) })
        #expect(try converter.fromPayload(payload, as: Interop.Order.self) == order)
    }

    @Test func enumsDecodeFromTheirWireValues() throws {
        #expect(try converter.fromPayload(PythonVectors.payload(named: "str_enum"), as: Interop.Status.self) == .closed)
        #expect(try converter.fromPayload(PythonVectors.payload(named: "int_enum"), as: Interop.Color.self) == .green)
    }

    @Test func bytesUUIDListsAndDateMapsRoundTrip() throws {
        let blob = Interop.Blob(
            payload: Data([0, 1, 255]),
            ids: [UUID(), UUID()],
            stamps: ["a": Date(timeIntervalSince1970: 1_790_000_000.123456)],
            big: -9_007_199_254_740_993
        )
        let payload = try converter.toPayload(blob)
        let text = String(decoding: payload.data, as: UTF8.self)
        #expect(text.contains("\"payload\":\"AAH/\""))
        #expect(text == text.lowercased() || !text.contains(blob.ids[0].uuidString))
        let back = try converter.fromPayload(payload, as: Interop.Blob.self)
        #expect(back.payload == blob.payload)
        #expect(back.ids == blob.ids)
        #expect(back.big == blob.big)
        let stamp = try #require(back.stamps["a"])
        #expect(abs(stamp.timeIntervalSince1970 - 1_790_000_000.123456) < 1e-6)
    }

    @Test func awkwardWireNamesAreKeptExactly() throws {
        let request = Naming.HTTPRequest(
            url: "https://example.com",
            default: true,
            _3dsSecure: false,
            userID: UUID(uuidString: "0F8FAD5B-D9CB-469F-A165-70867728950E")!,
            self_: "me"
        )
        let payload = try converter.toPayload(request)
        let object = try #require(try JSONSerialization.jsonObject(with: payload.data) as? [String: Any])
        #expect(Set(object.keys) == ["url", "default", "3ds_secure", "user-ID", "self", "API_key", "protocol"])
        #expect(object["user-ID"] as? String == "0f8fad5b-d9cb-469f-a165-70867728950e")
        #expect(object["API_key"] is NSNull)
        #expect(Naming.ShippingState.allCases.map(\.rawValue) == ["in-progress", "DONE", "2fa-required", "return"])
        #expect(try Naming.Workflows.fetchURL.makeID?(request, .system) == "fetch-{0f8fad5b-d9cb-469f-a165-70867728950e}")
    }
}
