import Testing

@testable import TemporalContractsGenerator

/// The one wrapping rule of generated code: on one line when it fits, else one item per line.
struct SwiftCodeTests {
    static let call = SwiftCode.list(
        head: "try await backend.start",
        items: [
            "Workflows.shipOrder", .list(head: "input: ShipOrderArguments", items: ["orderID: orderID", "express: express"], tail: ""),
            "options: options",
        ],
        tail: ""
    )

    @Test func aListThatFitsStaysOnOneLine() {
        #expect(
            Self.call.lines(indentation: 8) == [
                "try await backend.start(Workflows.shipOrder, input: ShipOrderArguments(orderID: orderID, express: express), options: options)"
            ]
        )
    }

    @Test func aListThatDoesNotFitWrapsOneItemPerLineAndItsItemsWrapByTheSameRule() {
        #expect(
            Self.call.lines(indentation: 40) == [
                "try await backend.start(",
                "    Workflows.shipOrder,",
                "    input: ShipOrderArguments(orderID: orderID, express: express),",
                "    options: options",
                ")",
            ]
        )
        let deep = Self.call.lines(indentation: 80)
        #expect(deep[2] == "    input: ShipOrderArguments(")
        #expect(deep[3] == "        orderID: orderID,")
        #expect(deep.allSatisfy { 80 + $0.count <= SwiftCode.lineLimit })
    }

    @Test func aSignatureKeepsItsEffectsAndResultWithTheClosingParenthesis() {
        let function = SwiftFunction(
            "public func startShipOrder",
            [SwiftParameter("orderID", "Swift.String"), SwiftParameter(label: "options", name: "options_", type: "Swift.Int")],
            effects: "async throws",
            result: "ShipOrderHandle",
            body: ["try await self.run()"]
        )
        #expect(function.lines(indentation: 8).count == 3)
        #expect(
            function.lines(indentation: 100) == [
                "public func startShipOrder(",
                "    orderID: Swift.String,",
                "    options options_: Swift.Int",
                ") async throws -> ShipOrderHandle {",
                "    try await self.run()",
                "}",
            ]
        )
    }

    @Test func aBindingMovesItsValueToTheNextLineOnlyWhenItsFirstLineDoesNotFit() {
        let value = SwiftCode.list(head: "TemporalContracts.WorkflowDefinition<Order, OrderResult>", items: ["name: \"A\""], tail: "")
        let property = SwiftProperty("public static let", "processOrder", value: value)
        #expect(property.lines(indentation: 8).count == 1)
        #expect(
            property.lines(indentation: 45).first
                == "public static let processOrder = TemporalContracts.WorkflowDefinition<Order, OrderResult>("
        )
        #expect(property.lines(indentation: 55).first == "public static let processOrder =")
    }

    @Test func aBlockNeverSitsOnOneLine() {
        let block = SwiftCode.block(
            opening: .list(head: "handlers.signal", items: ["Orders.Signals.cancel"], tail: " { workflow, input, context in"),
            body: ["try await workflow.cancel(input, context: context)"],
            closing: "}"
        )
        #expect(
            block.lines(indentation: 8) == [
                "handlers.signal(Orders.Signals.cancel) { workflow, input, context in",
                "    try await workflow.cancel(input, context: context)",
                "}",
            ]
        )
    }
}
