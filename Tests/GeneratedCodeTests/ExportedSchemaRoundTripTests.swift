import Foundation
import TemporalContracts
import Testing

/// A Python team works from the JSON Schema `temporal-contracts export` wrote for the Orders
/// contract: datamodel-code-generator turns it into dataclasses, the Python SDK's default converter
/// turns those into payloads. The Swift-generated `Orders.Order` must read what they write and
/// write what they read; the script also validates each payload against the schema.
struct ExportedSchemaRoundTripTests {
    let converter = DefaultPayloadConverter()

    @Test func anOrderFromPythonDataclassesDecodesAsTheSwiftOrder() throws {
        let message = try ExportedSchemaPython.run("encode")
        let metadata = try #require(message["metadata"] as? [String: String])
        let data = try #require((message["data"] as? String).flatMap { Data(base64Encoded: $0) })
        let payload = Payload(metadata: metadata.mapValues { Data($0.utf8) }, data: data)
        #expect(payload.encoding == "json/plain")

        let order = try converter.fromPayload(payload, as: Orders.Order.self)
        #expect(order.orderID == "o-42")
        #expect(order.customerName == "Zoë Ørsted")
        #expect(
            order.items == [
                Orders.LineItem(sku: "sku-1", quantity: 2, unitPrice: 9.5),
                Orders.LineItem(sku: "sku-2", quantity: 1, unitPrice: 0.25),
            ]
        )
        #expect(order.placedAt == RFC3339.date(from: "2026-11-22T08:30:15.25Z"))
        #expect(order.status == .paid)
        #expect(order.color == .green)
        #expect(order.express == true)
        #expect(order.note == nil)
        #expect(order.tags == ["channel": "web"])
        #expect(order.trackingID == UUID(uuidString: "0f8fad5b-d9cb-469f-a165-70867728950e"))
        #expect(order.shippingAddress == Common.Address(line1: "1 Main St", city: "Oslo", country: "NO"))
    }

    @Test func aSwiftOrderDecodesIntoThePythonDataclasses() throws {
        let order = Orders.Order(
            orderID: "o-7",
            customerName: "Ada",
            items: [Orders.LineItem(sku: "sku-9", quantity: 3, unitPrice: 1.5)],
            placedAt: try #require(RFC3339.date(from: "2026-11-23T10:00:00.5Z")),
            status: .shipped,
            color: .blue,
            tags: ["gift": "yes"],
            trackingID: UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"),
            shippingAddress: Common.Address(line1: "2 Side St", line2: "Flat 3", city: "Bergen", postalCode: "5003", country: "NO")
        )
        let payload = try converter.toPayload(order)
        let message: [String: Any] = [
            "metadata": payload.metadata.mapValues { String(decoding: $0, as: UTF8.self) },
            "data": payload.data.base64EncodedString(),
        ]
        let values = try ExportedSchemaPython.run("decode", input: try JSONSerialization.data(withJSONObject: message))

        #expect(values["order_id"] as? String == "o-7")
        #expect(values["customer_name"] as? String == "Ada")
        let items = try #require(values["items"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["sku"] as? String == "sku-9")
        #expect(items.first?["quantity"] as? Int == 3)
        #expect(items.first?["unit_price"] as? Double == 1.5)
        #expect(values["placed_at"] as? String == "2026-11-23T10:00:00.500000+00:00")
        #expect(values["status"] as? String == "shipped")
        #expect(values["color"] as? Int == 3)
        #expect(values["express"] is NSNull)
        #expect(values["note"] is NSNull)
        #expect(values["tags"] as? [String: String] == ["gift": "yes"])
        #expect(values["tracking_id"] as? String == "e621e1f8-c36c-495a-93fc-0c247a3e6e5f")
        let address = try #require(values["shipping_address"] as? [String: String])
        #expect(address == ["line1": "2 Side St", "line2": "Flat 3", "city": "Bergen", "postal_code": "5003", "country": "NO"])
        // The converter built the generated types, not plain dictionaries and strings.
        #expect(
            values["python_types"] as? [String: String] == [
                "order": "Order", "items": "LineItem", "placed_at": "datetime", "status": "OrderStatus", "color": "Color",
                "tracking_id": "UUID", "shipping_address": "CommonAddress",
            ]
        )
    }
}
