import Foundation
import OrderServiceTestSupport
import TemporalContracts
import Testing

struct OrderServiceTests {
    static let order = Orders.Order(
        orderID: "o-1",
        customerName: "Ada",
        items: [Orders.LineItem(sku: "book", quantity: 2, unitPrice: 12.5)],
        placedAt: Date(timeIntervalSince1970: 1_800_000_000),
        status: .open
    )

    @Test func checkoutAddsTheGiftThroughTheMockClient() async throws {
        let client = Orders.MockClient()
        client.mock.stub(Orders.Queries.getStatus) { _, _ in .open }
        client.mock.stub(Orders.Updates.addItem) { item, _ in
            var order = Self.order
            order.items.append(item)
            return order
        }
        client.stubProcessOrder { order in
            Orders.OrderResult(orderID: order.orderID, total: Common.Money(amountMinor: 2500, currency: "EUR"), status: .shipped)
        }

        let result = try await Checkout(orders: client).placeWithGift(Self.order)

        #expect(result.status == .shipped)
        #expect(client.mock.calls(.update, "AddItem").first?.input(as: Orders.LineItem.self)?.sku == "gift-wrap")
        #expect(client.mock.calls.map(\.kind) == [.start, .query, .update, .result])
    }

    @Test func workflowLogicWithMockActivities() async throws {
        let activities = Orders.MockActivities()
        activities.stubChargeCard { payment, _ in
            Orders.Receipt(receiptID: UUID(), chargedAt: Date(timeIntervalSince1970: 0))
        }
        activities.stubReserveStock { _, _ in }
        let context = MockWorkflowContext(activities: activities.registrations)

        let workflow = ProcessOrder()
        let start = context.now
        let result = try await workflow.run(Self.order, context: context)

        // The grace period is a timer: on the mock context it advances the virtual clock.
        #expect(context.now.timeIntervalSince(start) == ProcessOrder.gracePeriod.timeInterval)
        #expect(result.total == Common.Money(amountMinor: 2500, currency: "EUR"))
        #expect(activities.chargeCardCalls.map(\.amount.amountMinor) == [2500])
        #expect(activities.reserveStockCalls == [Orders.ReserveStockArguments(sku: "book", quantity: 2)])
        #expect(try workflow.getStatus(context: context) == .shipped)
        #expect(context.logLines == ["info: order o-1 paid and reserved"])
    }

    @Test func theValidatorRejectsItemsAfterTheGracePeriod() async throws {
        let activities = Orders.MockActivities()
        activities.stubChargeCard { _, _ in Orders.Receipt(receiptID: UUID(), chargedAt: Date()) }
        activities.stubReserveStock { _, _ in }
        let context = MockWorkflowContext(activities: activities.registrations)
        let workflow = ProcessOrder()
        try workflow.validateAddItem(Orders.LineItem(sku: "pen", quantity: 1, unitPrice: 1), context: context)
        _ = try await workflow.run(Self.order, context: context)
        #expect(throws: ApplicationError.self) {
            try workflow.validateAddItem(Orders.LineItem(sku: "pen", quantity: 1, unitPrice: 1), context: context)
        }
    }

    @Test func aCanceledOrderFailsWithATypedError() async throws {
        let context = MockWorkflowContext()
        let workflow = ProcessOrder()
        try await workflow.cancelOrder(Orders.CancelRequest(reason: "changed mind"), context: context)
        let error = await #expect(throws: ApplicationError.self) { try await workflow.run(Self.order, context: context) }
        #expect(error?.type == "OrderCanceled")
        #expect(error?.isNonRetryable == true)
        #expect(try workflow.getStatus(context: context) == .closed)
        #expect(context.activityCalls.isEmpty)
    }

    @Test func theActivitiesAreDeterministicAndValidate() async throws {
        let activities = OrderActivities()
        let context = MockActivityContext()
        let payment = Orders.Payment(orderID: "o-1", amount: Common.Money(amountMinor: 2500, currency: "EUR"), cardToken: Data("tok".utf8))

        let first = try await activities.chargeCard(payment, context: context)
        let second = try await activities.chargeCard(payment, context: context)
        var other = payment
        other.orderID = "o-2"

        #expect(first.receiptID == second.receiptID)
        #expect(try await activities.chargeCard(other, context: context).receiptID != first.receiptID)
        var declined = payment
        declined.cardToken = Data()
        let error = await #expect(throws: ApplicationError.self) { try await activities.chargeCard(declined, context: context) }
        #expect(error?.type == "CardDeclined")
        try await activities.reserveStock(sku: "book", quantity: 2, context: context)
        await #expect(throws: ApplicationError.self) { try await activities.reserveStock(sku: "book", quantity: 0, context: context) }
        #expect(context.logLines.first == "info: charged 25.00 EUR for order o-1")
    }

    @Test func moneyIsFormattedWithTwoDecimals() {
        #expect(Common.Money(amountMinor: 2850, currency: "EUR").formatted == "28.50 EUR")
        #expect(Common.Money(amountMinor: 5, currency: "EUR").formatted == "0.05 EUR")
        #expect(Common.Money(amountMinor: -120, currency: "EUR").formatted == "-1.20 EUR")
    }
}
