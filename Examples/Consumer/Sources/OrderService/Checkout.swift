import Foundation
import TemporalContracts

/// App code: places orders through any `Orders.ClientProtocol`, so tests can pass the mock.
public struct Checkout: Sendable {
    let orders: any Orders.ClientProtocol

    public init(orders: any Orders.ClientProtocol) {
        self.orders = orders
    }

    /// Starts the order's workflow, adds a gift item while it is open, and waits for the result.
    public func placeWithGift(_ order: Orders.Order) async throws -> Orders.OrderResult {
        let handle = try await orders.startProcessOrder(order)
        if try await handle.getStatus() == .open {
            _ = try await handle.addItem(Orders.LineItem(sku: "gift-wrap", quantity: 1, unitPrice: 0))
        }
        return try await handle.result()
    }
}
