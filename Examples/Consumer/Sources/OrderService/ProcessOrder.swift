import Foundation
import TemporalContracts

/// The `ProcessOrder` workflow: keeps the order open for a short grace period, in which the
/// customer can add items (the `AddItem` update, validated) or cancel (the `CancelOrder`
/// signal); then charges the card for every item, reserves stock and ships. `GetStatus` reports
/// where the order is at any time.
public final class ProcessOrder: Orders.ProcessOrderWorkflow {
    /// How long a new order stays open for `AddItem` and `CancelOrder` before it is charged.
    public static let gracePeriod: Duration = .seconds(2)

    private var status: Orders.OrderStatus = .open
    private var items: [Orders.LineItem] = []
    private var cancellation: String?
    /// False once the grace period is over: the total is fixed from then on.
    private var acceptsChanges = true

    public init() {}

    public func run(_ input: Orders.Order, context: any WorkflowContext) async throws -> Orders.OrderResult {
        let activities = Orders.ActivityStubs(context)
        items = input.items
        // A durable timer, so the window survives worker restarts; a cancellation ends it early.
        _ = try await context.condition(timeout: Self.gracePeriod) { self.cancellation != nil }
        acceptsChanges = false
        if let cancellation {
            status = .closed
            throw ApplicationError("order canceled: \(cancellation)", type: "OrderCanceled", isNonRetryable: true)
        }
        let minor = Int64((items.reduce(0) { $0 + Double($1.quantity) * $1.unitPrice } * 100).rounded())
        let total = Common.Money(amountMinor: minor, currency: "EUR")
        _ = try await activities.chargeCard(Orders.Payment(orderID: input.orderID, amount: total, cardToken: Data("tok".utf8)))
        status = .paid
        for item in items {
            try await activities.reserveStock(sku: item.sku, quantity: item.quantity)
        }
        context.logger.info("order \(input.orderID) paid and reserved")
        status = .shipped
        return Orders.OrderResult(orderID: input.orderID, total: total, status: status)
    }

    public func cancelOrder(_ input: Orders.CancelRequest, context: any WorkflowContext) async throws {
        cancellation = input.reason
    }

    public func getStatus(context: any WorkflowContext) throws -> Orders.OrderStatus {
        status
    }

    public func addItem(_ input: Orders.LineItem, context: any WorkflowContext) async throws -> Orders.Order {
        items.append(input)
        return Orders.Order(orderID: context.info.workflowID, customerName: "", items: items, placedAt: context.now, status: status)
    }

    /// Rejects an item once the grace period is over (it would not be charged) and a quantity
    /// that is not positive; a rejected update leaves no trace in the history.
    public func validateAddItem(_ input: Orders.LineItem, context: any WorkflowContext) throws {
        guard acceptsChanges, cancellation == nil else {
            throw ApplicationError("items can be added only in the grace period; the order is \(status.rawValue)", type: "OrderClosed")
        }
        guard input.quantity > 0 else { throw ApplicationError("quantity must be positive", type: "InvalidItem") }
    }
}
