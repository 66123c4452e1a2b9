import Foundation
import TemporalContracts

/// The `ProcessOrder` workflow: charges the card, reserves stock, and reports its status.
public final class ProcessOrder: Orders.ProcessOrderWorkflow {
    private var status: Orders.OrderStatus = .open
    private var items: [Orders.LineItem] = []
    private var cancellation: String?

    public init() {}

    public func run(_ input: Orders.Order, context: any WorkflowContext) async throws -> Orders.OrderResult {
        let activities = Orders.ActivityStubs(context)
        items = input.items
        if let cancellation {
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

    public func validateAddItem(_ input: Orders.LineItem, context: any WorkflowContext) throws {
        guard status == .open else { throw ApplicationError("the order is \(status.rawValue)", type: "OrderClosed") }
        guard input.quantity > 0 else { throw ApplicationError("quantity must be positive", type: "InvalidItem") }
    }
}
