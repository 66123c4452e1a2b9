import Foundation

/// The `dataclass_order` value of `Tests/Fixtures/python-default-converter-vectors.json`, shaped
/// as the generator emits it (see `Tests/GeneratedCodeTests/Generated/Interop+Types.swift`):
/// snake_case keys, `null` for an absent optional, lowercase UUIDs.
struct Order: Codable, Hashable, Sendable {
    var orderID: String
    var customerName: String
    var items: [LineItem]
    var placedAt: Date
    var trackingID: UUID
    var status: Status
    var color: Color
    var note: String?
    var tags: [String: String]
    var express: Bool

    enum CodingKeys: String, CodingKey {
        case orderID = "order_id"
        case customerName = "customer_name"
        case items
        case placedAt = "placed_at"
        case trackingID = "tracking_id"
        case status
        case color
        case note
        case tags
        case express
    }

    /// Writes every property, `null` for an absent optional: Python dataclasses need each field present.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(orderID, forKey: .orderID)
        try container.encode(customerName, forKey: .customerName)
        try container.encode(items, forKey: .items)
        try container.encode(placedAt, forKey: .placedAt)
        try container.encode(trackingID.uuidString.lowercased(), forKey: .trackingID)
        try container.encode(status, forKey: .status)
        try container.encode(color, forKey: .color)
        try container.encode(note, forKey: .note)
        try container.encode(tags, forKey: .tags)
        try container.encode(express, forKey: .express)
    }

    /// The vector's value, field for field (the Python script builds the same one).
    static let sample = Order(
        orderID: "o-1",
        customerName: "Ada Lovelace",
        items: [
            LineItem(sku: "sku-1", quantity: 2, unitPrice: 9.5),
            LineItem(sku: "sku-2", quantity: 1, unitPrice: 0.25),
        ],
        // 2026-11-22T08:30:15+00:00
        placedAt: Date(timeIntervalSince1970: 1_795_336_215),
        trackingID: UUID(uuidString: "0f8fad5b-d9cb-469f-a165-70867728950e")!,
        status: .open,
        color: .red,
        note: nil,
        tags: ["channel": "web"],
        express: false
    )
}

struct LineItem: Codable, Hashable, Sendable {
    var sku: String
    var quantity: Int
    var unitPrice: Double

    enum CodingKeys: String, CodingKey {
        case sku
        case quantity
        case unitPrice = "unit_price"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sku, forKey: .sku)
        try container.encode(quantity, forKey: .quantity)
        try container.encode(unitPrice, forKey: .unitPrice)
    }
}

enum Status: String, Codable, Hashable, Sendable {
    case open
    case closed
}

enum Color: Int, Codable, Hashable, Sendable {
    case red = 1
    case green = 2
}
