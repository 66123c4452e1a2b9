import Foundation
import InteropWorkflows
import TemporalContracts
import TemporalContractsGRPC
import Testing

/// The generated client against a Python worker on a real dev server: every client operation of
/// the Fulfillment contract, with payloads, failures and handler errors crossing both ways.
@Suite(.fulfillmentWorker, .timeLimit(.minutes(5)))
struct ClientInteropTests {
    @Test func orderRoundTripsThroughSignalsQueriesAndUpdates() async throws {
        let environment = try FulfillmentEnvironment.require()
        let order = Order.sample(id: "roundtrip-\(UUID().uuidString.prefix(8))")
        let handle = try await environment.client.startProcessOrder(order, options: WorkflowStartOptions())
        #expect(handle.execution.workflowID == "order-\(order.orderID)", "the contract's ID template")

        try await handle.addLineItem(LineItem(sku: "extra", quantity: 1, unitPrice: 0.5))
        let progress = try await handle.getProgress()
        #expect(progress == Progress(status: .pending, itemCount: 3, priority: 0, approvals: []))

        // Accepted first, then the handle polls until the update completes.
        let accepted = try await handle.startSetPriority(Priority(level: 4), options: UpdateOptions(waitFor: .accepted))
        #expect(try await accepted.result() == Priority(level: 4))
        #expect(try await handle.setPriority(Priority(level: 5)) == Priority(level: 5))

        let rejected = await #expect(throws: WorkflowUpdateFailedError.self) {
            try await handle.setPriority(Priority(level: -1))
        }
        let rejection = try #require(rejected?.cause as? ApplicationError)
        #expect(rejection.type == "ValueError")
        #expect(rejection.message == "priority must not be negative")

        let failed = await #expect(throws: WorkflowUpdateFailedError.self) {
            try await handle.failingUpdate("boom")
        }
        let failure = try #require(failed?.cause as? ApplicationError)
        #expect(failure.type == "UpdateFailure")
        #expect(failure.message == "update failed: boom")
        #expect(failure.isNonRetryable)

        let queryError = await #expect(throws: QueryFailedError.self) {
            try await handle.failingQuery()
        }
        #expect(queryError?.message.contains("query failed on purpose") == true)

        try await handle.approve(Approval(approver: "ana"))
        let receipt = try await handle.result()
        #expect(receipt.order == order, "every field survives JSON through Python and back")
        #expect(receipt.status == .approved)
        #expect(receipt.itemCount == 3)
        #expect(receipt.priority == 5)
        #expect(receipt.approvals == ["ana"])
        #expect(abs(receipt.processedAt.timeIntervalSinceNow) < 120)

        let strict = Fulfillment.Client(
            TemporalClient(connection: environment.connection, queryRejectCondition: .notOpen)
        )
        let queryRejection = await #expect(throws: QueryRejectedError.self) {
            try await strict.processOrder(workflowID: handle.execution.workflowID, runID: nil).getProgress()
        }
        #expect(queryRejection?.status == .completed)
        #expect(try await handle.getProgress().status == .approved, "without a reject condition closed workflows answer")

        let description = try await handle.describe()
        #expect(description.status == .completed)
        #expect(description.workflowType == "ProcessOrder")
        #expect(description.taskQueue == "fulfillment")
    }

    @Test func conflictPolicyFailRejectsASecondStart() async throws {
        let environment = try FulfillmentEnvironment.require()
        let order = Order.sample(id: "conflict-\(UUID().uuidString.prefix(8))")
        let first = try await environment.client.startProcessOrder(order, options: WorkflowStartOptions())
        let error = await #expect(throws: WorkflowAlreadyStartedError.self) {
            try await environment.client.startProcessOrder(order, options: WorkflowStartOptions())
        }
        #expect(error?.workflowID == first.execution.workflowID)
        #expect(error?.runID == first.execution.runID)
        try await first.terminate(reason: "test done")
    }

    @Test func signalWithStartDeliversTheSignalToTheNewRun() async throws {
        let environment = try FulfillmentEnvironment.require()
        let order = Order.sample(id: "sws-\(UUID().uuidString.prefix(8))")
        let handle = try await environment.client.startProcessOrder(
            order,
            withApprove: Approval(approver: "bo"),
            options: WorkflowStartOptions()
        )
        let receipt = try await handle.result()
        #expect(receipt.approvals == ["bo"])
        #expect(receipt.status == .approved)
    }

    @Test func updateWithStartRunsTheUpdateOnTheNewRun() async throws {
        let environment = try FulfillmentEnvironment.require()
        let order = Order.sample(id: "uws-\(UUID().uuidString.prefix(8))")
        let (handle, update) = try await environment.client.startProcessOrder(
            order,
            withSetPriority: Priority(level: 7),
            options: WorkflowStartOptions(),
            updateOptions: UpdateOptions(waitFor: .completed)
        )
        #expect(try await update.result() == Priority(level: 7))
        try await handle.approve(Approval(approver: "cy"))
        #expect(try await handle.result().priority == 7)
    }

    @Test func multiArgumentWorkflow() async throws {
        let environment = try FulfillmentEnvironment.require()
        let result = try await environment.client.executeCombine(
            text: "swift",
            count: 3,
            scale: 1.5,
            options: WorkflowStartOptions(id: "combine-\(UUID().uuidString)")
        )
        #expect(result == "swift:3:1.5")
    }

    @Test func resultFollowsContinueAsNewToTheLastRun() async throws {
        let environment = try FulfillmentEnvironment.require()
        let handle = try await environment.client.startCountdown(
            CountdownState(remaining: 3, runs: 0),
            options: WorkflowStartOptions(id: "countdown-\(UUID().uuidString)")
        )
        #expect(try await handle.result() == CountdownState(remaining: 0, runs: 4))
        let firstRun = try await environment.client.countdown(
            workflowID: handle.execution.workflowID,
            runID: handle.execution.runID
        ).describe()
        #expect(firstRun.status == .continuedAsNew)
    }

    @Test func applicationErrorArrivesWithTypeMessageDetailsAndRetryability() async throws {
        let environment = try FulfillmentEnvironment.require()
        let request = FailureRequest(
            errorType: "OutOfStock",
            message: "no more widgets",
            nonRetryable: true,
            detail: FailureDetail(code: 42, reason: "sold out")
        )
        let error = await #expect(throws: WorkflowFailedError.self) {
            try await environment.client.executeFailWith(request, options: WorkflowStartOptions(id: "fail-\(UUID().uuidString)"))
        }
        let application = try #require(error?.cause as? ApplicationError)
        #expect(application.type == "OutOfStock")
        #expect(application.message == "no more widgets")
        #expect(application.isNonRetryable)
        #expect(try application.detail(as: FailureDetail.self) == FailureDetail(code: 42, reason: "sold out"))
    }

    @Test(arguments: [true, false])
    func cancellationReachesTheWorkflow(swallow: Bool) async throws {
        let environment = try FulfillmentEnvironment.require()
        let handle = try await environment.client.startAwaitCancellation(
            swallow: swallow,
            options: WorkflowStartOptions(id: "cancel-\(UUID().uuidString)")
        )
        try await waitUntilRunningWorkflowTaskCompleted(handle.describe)
        try await handle.cancel(reason: "test")
        if swallow {
            #expect(try await handle.result() == "cleaned up after cancel")
        } else {
            let error = await #expect(throws: WorkflowFailedError.self) { try await handle.result() }
            #expect(error?.cause is CanceledError)
            #expect(try await handle.describe().status == .canceled)
        }
    }

    @Test func terminationEndsTheWorkflowWithItsReason() async throws {
        let environment = try FulfillmentEnvironment.require()
        let handle = try await environment.client.startSleep(
            seconds: 3600,
            options: WorkflowStartOptions(id: "terminate-\(UUID().uuidString)")
        )
        try await handle.terminate(reason: "stopped by the test")
        let error = await #expect(throws: WorkflowFailedError.self) { try await handle.result() }
        let terminated = try #require(error?.cause as? TerminatedError)
        #expect(terminated.message == "stopped by the test")
        #expect(try await handle.describe().status == .terminated)
    }

    @Test func unknownWorkflowIsNotFound() async throws {
        let environment = try FulfillmentEnvironment.require()
        let handle = environment.client.processOrder(workflowID: "no-such-\(UUID().uuidString)", runID: nil)
        await #expect(throws: WorkflowNotFoundError.self) { try await handle.approve(Approval(approver: "x")) }
        await #expect(throws: WorkflowNotFoundError.self) { try await handle.describe() }
    }

    @Test func listFindsWorkflowsByVisibilityQuery() async throws {
        let environment = try FulfillmentEnvironment.require()
        let id = "listed-\(UUID().uuidString)"
        _ = try await environment.client.executeCombine(text: "a", count: 1, scale: 2, options: WorkflowStartOptions(id: id))
        let backend = TemporalClient(connection: environment.connection)
        // Visibility is eventually consistent: poll, bounded.
        var listed: [WorkflowExecutionDescription] = []
        for _ in 0..<50 where listed.isEmpty {
            listed = try await backend.listWorkflows(query: "WorkflowId = '\(id)'")
            if listed.isEmpty { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(listed.map(\.execution.workflowID) == [id])
        #expect(listed.first?.workflowType == "Combine")
    }
}

/// Waits (bounded) until the worker has run the first workflow task, so a cancellation is
/// delivered to running workflow code rather than before it starts.
func waitUntilRunningWorkflowTaskCompleted(
    _ describe: () async throws -> WorkflowExecutionDescription
) async throws {
    for _ in 0..<100 {
        if try await describe().historyLength >= 4 { return }
        try await Task.sleep(for: .milliseconds(100))
    }
    Issue.record("the workflow's first task did not complete within 10 s")
}

extension Order {
    /// An order with every kind of field filled: fractional-second date, UUID, both enums,
    /// nested arrays and maps, an optional left empty and one set.
    static func sample(id: String) -> Order {
        Order(
            orderID: id,
            customerName: "Zoë Ørsted",
            items: [
                LineItem(sku: "widget", quantity: 2, unitPrice: 9.99),
                LineItem(sku: "gadget", quantity: 1, unitPrice: 120.25),
            ],
            placedAt: RFC3339.date(from: "2026-11-22T10:15:30.123456Z")!,
            trackingID: UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")!,
            status: .pending,
            color: .green,
            note: nil,
            tags: ["channel": "web", "gift": "yes"],
            express: true,
            batches: [["a", "b"], [], ["c"]],
            itemGroups: ["fragile": [LineItem(sku: "vase", quantity: 1, unitPrice: 30)], "none": []],
            discounts: ["SUMMER": 0.1]
        )
    }
}
