import Foundation
import SwiftProtobuf
import TemporalContracts
import Testing

/// The generated definitions carry the contract's names, defaults and ID templates, and their
/// payload codings match the wire rules (one payload per argument, void as no payload).
struct GeneratedDefinitionsTests {
    let converter = DefaultPayloadConverter()

    @Test func workflowDefinitionCarriesTheContract() throws {
        let definition = Orders.Workflows.processOrder
        #expect(definition.name == "ProcessOrder")
        #expect(definition.defaults.taskQueue == "orders")
        #expect(definition.defaults.executionTimeout == .seconds(86_400))
        #expect(definition.defaults.retryPolicy?.maximumAttempts == 3)
        #expect(definition.defaults.idReusePolicy == .rejectDuplicate)
        #expect(definition.defaults.idConflictPolicy == .fail)
        let order = Orders.Order(
            orderID: "o-7",
            customerName: "Grace",
            items: [],
            placedAt: Date(timeIntervalSince1970: 0),
            status: .open
        )
        #expect(try definition.makeID?(order, .system) == "order-o-7")
        let payloads = try definition.input.encode(order, using: converter)
        #expect(payloads.count == 1)
        #expect(try definition.input.decode(payloads, using: converter) == order)
    }

    @Test func positionalArgumentsTravelAsOnePayloadEach() throws {
        let definition = Orders.Workflows.shipOrder
        let arguments = Orders.ShipOrderArguments(
            orderID: "o-1",
            address: Common.Address(line1: "1 Main St", city: "Springfield", country: "US"),
            express: true
        )
        let payloads = try definition.input.encode(arguments, using: converter)
        #expect(payloads.count == 3)
        #expect(String(decoding: payloads[0].data, as: UTF8.self) == "\"o-1\"")
        #expect(try definition.input.decode(payloads, using: converter) == arguments)
        #expect(try definition.makeID?(arguments, .system) == "ship-o-1")
        #expect(definition.name == "orders.ShipOrder")
        #expect(definition.defaults.taskQueue == "shipping")
    }

    @Test func voidResultsAcceptWhatEverySDKSends() throws {
        let coding = Orders.Workflows.shipOrder.output
        #expect(try coding.encode((), using: converter).isEmpty)
        try coding.decode([], using: converter)
        try coding.decode([Payload(metadata: ["encoding": Data("binary/null".utf8)])], using: converter)
        try coding.decode([Payload()], using: converter)
    }

    @Test func handlerAndActivityDefinitions() {
        #expect(Orders.Signals.cancelOrder.name == "CancelOrder")
        #expect(Orders.Queries.getStatus.name == "GetStatus")
        #expect(Orders.Updates.addItem.hasValidator)
        #expect(Orders.Activities.chargeCard.defaults.startToCloseTimeout == .seconds(30))
        #expect(Orders.Activities.chargeCard.defaults.retryPolicy?.nonRetryableErrorTypes == ["CardDeclined"])
        #expect(Orders.Activities.reserveStock.defaults.startToCloseTimeout == .milliseconds(250))
        #expect(Naming.Activities.sendHTTPRequest.defaults.scheduleToCloseTimeout == .seconds(5_400))
    }

    @Test func protoContractsUseMethodNamesAndProtobufJSON() throws {
        let definition = Payments.Workflows.settleInvoice
        #expect(definition.name == "payments.v1.Payments.SettleInvoice")
        #expect(definition.defaults.taskQueue == "payments-v1")
        var request = Payments_V1_SettleInvoiceRequest()
        request.invoiceID = "inv-9"
        request.amountMinor = 1250
        #expect(try definition.makeID?(request, .system) == "settle/inv-9")
        let payloads = try definition.input.encode(request, using: converter)
        #expect(payloads.first?.encoding == "json/protobuf")
        #expect(payloads.first?.metadata["messageType"] == Data("payments.v1.SettleInvoiceRequest".utf8))
        #expect(String(decoding: payloads[0].data, as: UTF8.self).contains("\"invoiceId\":\"inv-9\""))
        #expect(try definition.input.decode(payloads, using: converter) == request)
        #expect(Payments.Signals.confirmCapture.name == "payments.v1.Payments.ConfirmCapture")
        #expect(Payments.Updates.changeAmount.hasValidator)
    }
}
