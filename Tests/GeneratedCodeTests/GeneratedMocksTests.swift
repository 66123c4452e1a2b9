import Foundation
import TemporalContracts
import Testing

/// App code that depends on the generated client protocol, tested with the generated mocks, as a
/// user of the generator would test theirs.
struct GeneratedMocksTests {
    /// Code under test: takes any `Orders.ClientProtocol`.
    struct Checkout {
        let orders: any Orders.ClientProtocol

        func placeAndWait(_ order: Orders.Order) async throws -> (Orders.OrderResult, Orders.OrderStatus) {
            let handle = try await orders.startProcessOrder(order)
            let status = try await handle.getStatus()
            return (try await handle.result(), status)
        }
    }

    static let order = Orders.Order(
        orderID: "o-42",
        customerName: "Ada",
        items: [Orders.LineItem(sku: "sku-1", quantity: 2, unitPrice: 9.5)],
        placedAt: Date(timeIntervalSince1970: 1_790_000_000),
        status: .open
    )

    @Test func stubbedWorkflowQueryAndUpdate() async throws {
        let client = Orders.MockClient()
        client.stubProcessOrder { order in
            Orders.OrderResult(orderID: order.orderID, total: Common.Money(amountMinor: 1900, currency: "EUR"), status: .paid)
        }
        client.mock.stub(Orders.Queries.getStatus) { _, workflowID in workflowID == "order-o-42" ? .paid : .open }
        client.mock.stub(Orders.Updates.addItem) { item, _ in
            guard item.quantity > 0 else { throw ApplicationError("quantity must be positive", type: "InvalidItem", isNonRetryable: true) }
            return Self.order
        }

        let (result, status) = try await Checkout(orders: client).placeAndWait(Self.order)
        #expect(result.total.amountMinor == 1900)
        #expect(status == .paid)

        let handle = client.processOrder(workflowID: "order-o-42")
        #expect(try await handle.addItem(Orders.LineItem(sku: "x", quantity: 1, unitPrice: 1)) == Self.order)
        let rejected = await #expect(throws: WorkflowUpdateFailedError.self) {
            try await handle.addItem(Orders.LineItem(sku: "x", quantity: 0, unitPrice: 1))
        }
        #expect((rejected?.cause as? ApplicationError)?.type == "InvalidItem")

        let calls = client.mock.calls.map(\.description)
        #expect(calls.first == "start 'ProcessOrder' on workflow 'order-o-42'")
        #expect(calls.contains("query 'GetStatus' on workflow 'order-o-42'"))
        #expect(client.mock.calls(.update, "AddItem").count == 2)
        #expect(client.mock.calls(.start, "ProcessOrder").first?.input(as: Orders.Order.self) == Self.order)
    }

    @Test func unstubbedCallsNameTheCall() async throws {
        let client = Orders.MockClient()
        let handle = try await client.startProcessOrder(Self.order)
        let error = await #expect(throws: UnstubbedCallError.self) { try await handle.getStatus() }
        #expect(error?.description.hasPrefix("no stub for query 'GetStatus' on workflow 'order-o-42'") == true)
        let resultError = await #expect(throws: UnstubbedCallError.self) { try await handle.result() }
        #expect(resultError?.call == "result 'ProcessOrder' on workflow 'order-o-42'")
    }

    @Test func signalWithStartAndLifecycleAreRecorded() async throws {
        let client = Orders.MockClient()
        let handle = try await client.startProcessOrder(Self.order, withCancelOrder: Orders.CancelRequest(reason: "changed mind"))
        try await handle.cancel(reason: "bye")
        try await handle.terminate()
        let kinds = client.mock.calls.map(\.kind)
        #expect(kinds == [.signalWithStart, .signal, .cancel, .terminate])
        #expect(client.mock.calls(.signal, "CancelOrder").first?.input(as: Orders.CancelRequest.self)?.reason == "changed mind")
    }

    @Test func mockActivitiesThroughTheirRegistrations() async throws {
        let activities = Orders.MockActivities()
        let receiptID = UUID()
        activities.stubChargeCard { payment, _ in
            Orders.Receipt(receiptID: receiptID, chargedAt: Date(timeIntervalSince1970: 0))
        }
        activities.stubReserveStock { _, context in try await context.heartbeat("reserved") }

        // A worker runs activities through the registrations: payloads in, payloads out.
        let registrations = Dictionary(uniqueKeysWithValues: activities.registrations.map { ($0.name, $0) })
        #expect(Set(registrations.keys) == ["ChargeCard", "ReserveStock"])
        let context = MockActivityContext()
        let converter = DefaultPayloadConverter()
        let payment = Orders.Payment(orderID: "o-1", amount: Common.Money(amountMinor: 5, currency: "EUR"), cardToken: Data([1, 2]))
        let output = try await registrations["ChargeCard"]!.execute([converter.toPayload(payment)], context)
        #expect(try converter.fromPayload(output[0], as: Orders.Receipt.self).receiptID == receiptID)

        let arguments = try Orders.Activities.reserveStock.input.encode(
            Orders.ReserveStockArguments(sku: "sku-1", quantity: 3),
            using: converter
        )
        #expect(try await registrations["ReserveStock"]!.execute(arguments, context).isEmpty)
        #expect(context.heartbeats.count == 1)

        #expect(activities.chargeCardCalls == [payment])
        #expect(activities.reserveStockCalls == [Orders.ReserveStockArguments(sku: "sku-1", quantity: 3)])
    }

    @Test func anUnstubbedActivityNamesItself() async throws {
        let activities = Orders.MockActivities()
        let error = await #expect(throws: UnstubbedCallError.self) {
            try await activities.reserveStock(sku: "a", quantity: 1, context: MockActivityContext())
        }
        #expect(error?.call == "activity 'ReserveStock'")
    }
}
