import Foundation
import TemporalContracts
import TemporalContractsProtobuf
import Testing

/// The example payloads of the committed Markdown documentation of the examples
/// (`Tests/TemporalContractsGeneratorTests/Fixtures/docs`, which the generator's golden test keeps
/// current) decode with the generated types and encode back to the same JSON: what the pages show
/// another team is what the Swift side reads and writes.
struct DocumentedExamplesTests {
    static let docs = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TemporalContractsGeneratorTests/Fixtures/docs")

    let converter = DefaultPayloadConverter()

    /// The JSON example of every section of a page, by the anchor that starts the section.
    static func examples(in page: String) throws -> [String: Data] {
        let text = try String(contentsOf: docs.appendingPathComponent(page), encoding: .utf8)
        var examples: [String: Data] = [:]
        var anchor: String?
        var fence: String?
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let open = fence {
                if line == open {
                    if let anchor { examples[anchor] = Data(lines.joined(separator: "\n").utf8) }
                    fence = nil
                } else {
                    lines.append(line)
                }
            } else if line.hasPrefix("<a id=\""), let end = line.dropFirst(7).firstIndex(of: "\"") {
                anchor = String(line.dropFirst(7)[..<end])
            } else if line.hasPrefix("```"), line.hasSuffix("json") {
                fence = String(line.dropLast(4))
                lines = []
            }
        }
        return examples
    }

    /// Decodes `json` as `type` and checks that encoding it gives the same JSON, dates compared as
    /// instants (Swift writes fractional seconds the example leaves out).
    func roundTrip<Value: Codable & Hashable>(_ json: Data?, as type: Value.Type, _ name: String) throws {
        let data = try #require(json, "no example for \(name)")
        let payload = Payload(metadata: [Payload.encodingKey: Data(PayloadEncoding.json.utf8)], data: data)
        let value = try converter.fromPayload(payload, as: Value.self)
        let encoded = try converter.toPayload(value)
        #expect(try Self.normalized(encoded.data) == Self.normalized(data), "\(name)")
    }

    func roundTripMessage<Value: ProtobufPayload & Hashable>(_ json: Data?, as type: Value.Type, _ name: String) throws {
        let data = try #require(json, "no example for \(name)")
        let payload = Payload(
            metadata: [
                Payload.encodingKey: Data(PayloadEncoding.protobufJSON.utf8),
                Payload.messageTypeKey: Data(name.dropFirst("message-".count).utf8),
            ],
            data: data
        )
        let value = try converter.fromPayload(payload, as: Value.self)
        #expect(try Self.normalized(value.protobufJSON()) == Self.normalized(data), "\(name)")
    }

    static func normalized(_ data: Data) throws -> NSObject {
        func normalize(_ value: Any) -> Any {
            switch value {
            case let object as [String: Any]: return object.mapValues(normalize)
            case let array as [Any]: return array.map(normalize)
            case let text as String: return RFC3339.date(from: text).map { $0.timeIntervalSince1970 as Any } ?? text
            default: return value
            }
        }
        return try #require(normalize(JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) as? NSObject)
    }

    @Test func ordersAndCommonExamplesDecode() throws {
        let orders = try Self.examples(in: "Orders.md")
        try roundTrip(orders["type-Order"], as: Orders.Order.self, "Order")
        try roundTrip(orders["type-LineItem"], as: Orders.LineItem.self, "LineItem")
        try roundTrip(orders["type-OrderStatus"], as: Orders.OrderStatus.self, "OrderStatus")
        try roundTrip(orders["type-Color"], as: Orders.Color.self, "Color")
        try roundTrip(orders["type-OrderResult"], as: Orders.OrderResult.self, "OrderResult")
        try roundTrip(orders["type-CancelRequest"], as: Orders.CancelRequest.self, "CancelRequest")
        try roundTrip(orders["type-Payment"], as: Orders.Payment.self, "Payment")
        try roundTrip(orders["type-Receipt"], as: Orders.Receipt.self, "Receipt")
        #expect(orders.count == 8, "a type without a decoding check: \(orders.keys.sorted())")

        let common = try Self.examples(in: "Common.md")
        try roundTrip(common["type-Money"], as: Common.Money.self, "Money")
        try roundTrip(common["type-Address"], as: Common.Address.self, "Address")
        #expect(common.count == 2, "a type without a decoding check: \(common.keys.sorted())")
    }

    @Test func protobufExamplesDecode() throws {
        let payments = try Self.examples(in: "Payments.md")
        let checks: [(String, (Data?, String) throws -> Void)] = [
            ("message-payments.v1.CaptureConfirmation", { try roundTripMessage($0, as: Payments_V1_CaptureConfirmation.self, $1) }),
            ("message-payments.v1.CaptureRequest", { try roundTripMessage($0, as: Payments_V1_CaptureRequest.self, $1) }),
            ("message-payments.v1.ChangeAmountRequest", { try roundTripMessage($0, as: Payments_V1_ChangeAmountRequest.self, $1) }),
            ("message-payments.v1.SettleInvoiceRequest", { try roundTripMessage($0, as: Payments_V1_SettleInvoiceRequest.self, $1) }),
            ("message-payments.v1.SettleInvoiceResponse", { try roundTripMessage($0, as: Payments_V1_SettleInvoiceResponse.self, $1) }),
            ("message-payments.v1.Settlement", { try roundTripMessage($0, as: Payments_V1_Settlement.self, $1) }),
        ]
        for (anchor, check) in checks { try check(payments[anchor], anchor) }
        #expect(Set(payments.keys) == Set(checks.map(\.0)), "a message without a decoding check")
    }
}
