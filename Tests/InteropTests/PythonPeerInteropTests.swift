import Foundation
import InteropWorkflows
import TemporalContracts
import Testing

/// Payloads crossing between the Swift client and the Python SDK's client: each side reads what
/// the other wrote, through the same workflow.
@Suite(.fulfillmentWorker, .timeLimit(.minutes(5)))
struct PythonPeerInteropTests {
    @Test func pythonClientDrivesAWorkflowStartedBySwift() async throws {
        let environment = try FulfillmentEnvironment.require()
        let order = Order.sample(id: "swift-started-\(UUID().uuidString.prefix(8))")
        let handle = try await environment.client.startProcessOrder(order, options: WorkflowStartOptions())
        let workflowID = handle.execution.workflowID

        let progress = try #require(try await environment.python(["progress", "--workflow-id", workflowID]) as? [String: Any])
        #expect(progress["status"] as? String == "pending")
        #expect(progress["item_count"] as? Int == 2)

        _ = try await environment.python(["approve", "--workflow-id", workflowID, "--approver", "python"])
        let receipt = try await handle.result()
        #expect(receipt.approvals == ["python"])

        let fromPython = try #require(try await environment.python(["result", "--workflow-id", workflowID]) as? [String: Any])
        let result = try #require(fromPython["result"] as? [String: Any])
        let pythonOrder = try #require(result["order"] as? [String: Any])
        #expect(pythonOrder["order_id"] as? String == order.orderID)
        #expect(pythonOrder["customer_name"] as? String == "Zoë Ørsted")
        #expect(pythonOrder["tracking_id"] as? String == "e621e1f8-c36c-495a-93fc-0c247a3e6e5f")
        #expect(pythonOrder["color"] as? Int == 2)
        #expect(pythonOrder["note"] is NSNull)
        let placedAt = try #require(pythonOrder["placed_at"] as? String)
        #expect(RFC3339.date(from: placedAt) == order.placedAt, "Python read the fractional seconds Swift wrote: \(placedAt)")
        #expect((pythonOrder["batches"] as? [[String]]) == [["a", "b"], [], ["c"]])
    }

    @Test func swiftReadsResultsOfAWorkflowStartedByPython() async throws {
        let environment = try FulfillmentEnvironment.require()
        let orderID = "python-started-\(UUID().uuidString.prefix(8))"
        let orderJSON = """
            {"order_id": "\(orderID)", "customer_name": "Ada", "items": [{"sku": "pen", "quantity": 4, "unit_price": 1.25}],
             "placed_at": "2026-01-02T03:04:05.678901+00:00", "tracking_id": "0f8fad5b-d9cb-469f-a165-70867728950e",
             "status": "pending", "color": 1, "note": "leave at the door", "tags": {}, "express": false,
             "batches": [["x"]], "item_groups": {"bulk": [{"sku": "ink", "quantity": 10, "unit_price": 0.5}]},
             "discounts": null}
            """
        let started = try #require(
            try await environment.python([
                "start-order", "--workflow-id", "order-\(orderID)", "--task-queue", "fulfillment", "--order-json", orderJSON,
            ]) as? [String: Any]
        )
        let handle = environment.client.processOrder(workflowID: "order-\(orderID)", runID: started["run_id"] as? String)
        #expect(try await handle.getProgress().itemCount == 1)
        try await handle.approve(Approval(approver: "swift"))
        let receipt = try await handle.result()
        #expect(receipt.order.orderID == orderID)
        #expect(receipt.order.items == [LineItem(sku: "pen", quantity: 4, unitPrice: 1.25)])
        #expect(receipt.order.placedAt == RFC3339.date(from: "2026-01-02T03:04:05.678901Z"))
        #expect(receipt.order.trackingID == UUID(uuidString: "0f8fad5b-d9cb-469f-a165-70867728950e"))
        #expect(receipt.order.color == .red)
        #expect(receipt.order.note == "leave at the door")
        #expect(receipt.order.discounts == nil)
        #expect(receipt.order.itemGroups == ["bulk": [LineItem(sku: "ink", quantity: 10, unitPrice: 0.5)]])
        #expect(receipt.approvals == ["swift"])
    }

    @Test func multiArgumentWorkflowStartedByPython() async throws {
        let environment = try FulfillmentEnvironment.require()
        let workflowID = "python-combine-\(UUID().uuidString)"
        _ = try await environment.python([
            "start-combine", "--workflow-id", workflowID, "--task-queue", "fulfillment", "--text", "py", "--count", "2",
            "--scale", "0.25",
        ])
        #expect(try await environment.client.combine(workflowID: workflowID, runID: nil).result() == "py:2:0.25")
    }
}
