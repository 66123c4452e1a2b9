import Foundation
import OrderService
// Re-exports what a worker's main needs: the runtime, the gRPC connection and swift-log.
import TemporalContractsWorker
import TemporalDevServer

/// The example contract end to end, on a real server: starts a Temporal dev server, serves the
/// `ProcessOrder` workflow and the order activities of `OrderService` on a Swift worker, and
/// drives two orders with the generated typed client: one that gets an item added (the `AddItem`
/// update) and ships, one that is canceled (the `CancelOrder` signal) and fails. Prints each step
/// and the worker's log lines; exits 0 when every result is the expected one, 1 otherwise.
///
/// `swift run --package-path Examples/Demo order-demo` (Scripts/generate-examples.sh runs it).
@main
struct OrderDemo {
    /// How long the client's part may take; it takes a few seconds, so more means it is stuck.
    static let clientTimeout: Duration = .seconds(90)

    static func main() async {
        LoggingSystem.bootstrap { label in WorkerLogHandler(label: label) }
        do {
            try await run()
            Console.step("done: one order shipped, one canceled")
        } catch {
            Console.error("order-demo failed: \(error)")
            exit(1)
        }
    }

    /// Each resource is released on success and failure alike, in reverse order: the worker, the
    /// connection, then the dev server (a server left running would outlive the demo).
    static func run() async throws {
        Console.step("starting a Temporal dev server (temporal server start-dev)")
        // The nearest `.venv/bin/temporal` above this file is the one Scripts/bootstrap.sh installs.
        let server = try await DevServer.start(DevServerOptions(searchDirectory: URL(filePath: #filePath)))
        do {
            Console.detail("listening on \(server.address), namespace '\(server.namespace)'")
            let connection = try await TemporalConnection.connect(
                TemporalConnectionOptions(address: server.address, namespace: server.namespace)
            )
            do {
                try await serveAndDrive(connection)
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
        } catch {
            await server.stop()
            throw error
        }
        Console.step("stopping the dev server")
        await server.stop()
    }

    /// Runs the worker and the client side by side: if the worker fails, the client's steps are
    /// canceled, and when the client is done (or fails), the worker shuts down.
    static func serveAndDrive(_ connection: TemporalConnection) async throws {
        Console.step("starting a Swift worker for the ProcessOrder workflow and the order activities")
        // No task queue in options: the worker serves the one the contract names.
        let worker = try TemporalWorker(
            connection: connection,
            workflows: [ProcessOrder.registration],
            activities: OrderActivities().registrations
        )
        let orders = Orders.Client(TemporalClient(connection: connection))
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await worker.run() }
            await worker.waitUntilPolling()
            Console.detail("polling task queue '\(worker.taskQueue)'")
            group.addTask {
                defer {
                    Console.step("shutting the worker down")
                    worker.shutdown()
                }
                try await withTimeout(clientTimeout, "the client's steps") {
                    try await placeAnOrderThatShips(orders)
                    try await placeAnOrderThatIsCanceled(orders)
                }
            }
        }
    }

    /// Starts order 1001, queries it, adds an item within the grace period (and has an invalid
    /// one rejected), then waits for it to ship with the added item in its total.
    static func placeAnOrderThatShips(_ orders: Orders.Client) async throws {
        let order = Orders.Order(
            orderID: "1001",
            customerName: "Ada",
            items: [Orders.LineItem(sku: "book", quantity: 2, unitPrice: 12.5)],
            placedAt: Date(),
            status: .open
        )
        Console.step("client: start ProcessOrder for order 1001 (2 × book at 12.50 EUR)")
        let handle = try await orders.startProcessOrder(order)
        Console.detail("started workflow '\(handle.workflowID)'; it stays open for \(ProcessOrder.gracePeriod)")

        Console.step("client: query GetStatus")
        let status = try await handle.getStatus()
        Console.detail("status: \(status.rawValue)")
        try expect(status == .open, "order 1001 should be open during the grace period, is \(status.rawValue)")

        Console.step("client: update AddItem (1 × gift-wrap at 3.50 EUR)")
        let updated = try await handle.addItem(Orders.LineItem(sku: "gift-wrap", quantity: 1, unitPrice: 3.5))
        Console.detail("accepted; the order has \(updated.items.map { "\($0.quantity) × \($0.sku)" }.joined(separator: ", "))")

        Console.step("client: update AddItem with quantity 0 (the validator should reject it)")
        do {
            let accepted = try await handle.addItem(Orders.LineItem(sku: "pen", quantity: 0, unitPrice: 1))
            throw DemoError("AddItem with quantity 0 was accepted (\(accepted.items.count) items); the validator should reject it")
        } catch let error as WorkflowUpdateFailedError {
            Console.detail("rejected: \(error)")
        }

        Console.step("client: wait for the result (the card is charged when the grace period ends)")
        let result = try await handle.result()
        Console.detail("order \(result.orderID) \(result.status.rawValue), total \(result.total.formatted)")
        try expect(result.status == .shipped, "order 1001 should have shipped, is \(result.status.rawValue)")
        try expect(
            result.total.amountMinor == 2850,
            "order 1001's total should be 28.50 EUR with the gift wrap, is \(result.total.formatted)"
        )

        Console.step("client: query GetStatus of the completed workflow")
        let final = try await handle.getStatus()
        Console.detail("status: \(final.rawValue)")
        try expect(final == .shipped, "order 1001 should report shipped, reports \(final.rawValue)")
    }

    /// Starts order 1002 and cancels it with the `CancelOrder` signal within the grace period: the
    /// workflow fails with the typed `OrderCanceled` error and charges nothing.
    static func placeAnOrderThatIsCanceled(_ orders: Orders.Client) async throws {
        let order = Orders.Order(
            orderID: "1002",
            customerName: "Grace",
            items: [Orders.LineItem(sku: "lamp", quantity: 1, unitPrice: 40)],
            placedAt: Date(),
            status: .open
        )
        Console.step("client: start ProcessOrder for order 1002 (1 × lamp at 40.00 EUR)")
        let handle = try await orders.startProcessOrder(order)
        Console.detail("started workflow '\(handle.workflowID)'")

        Console.step("client: signal CancelOrder (\"changed my mind\")")
        try await handle.cancelOrder(Orders.CancelRequest(reason: "changed my mind"))

        Console.step("client: wait for the result")
        do {
            let result = try await handle.result()
            throw DemoError("order 1002 should have failed with OrderCanceled, but it \(result.status.rawValue)")
        } catch let error as WorkflowFailedError {
            let cause = error.cause as? ApplicationError
            Console.detail("failed as expected: \(cause?.type ?? "\(type(of: error.cause))"): \(error.cause.message)")
            try expect(cause?.type == "OrderCanceled", "order 1002 should fail with OrderCanceled: \(error)")
        }

        Console.step("client: query GetStatus of the failed workflow")
        let status = try await handle.getStatus()
        Console.detail("status: \(status.rawValue)")
        try expect(status == .closed, "order 1002 should report closed, reports \(status.rawValue)")
    }
}

/// A result other than the expected one.
struct DemoError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw DemoError(message()) }
}

/// Runs `body`, failing if it takes longer than `limit`: a step stuck on a server that never
/// answers must end the demo, not hang it.
func withTimeout(_ limit: Duration, _ what: String, _ body: @escaping @Sendable () async throws -> Void) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw DemoError("\(what) took longer than \(limit)")
        }
        try await group.next()
        group.cancelAll()
    }
}

/// The demo's output: steps with the time since the first one, details indented under them.
/// Written unbuffered, so the lines appear as they happen even through a pipe.
enum Console {
    private static let start = ContinuousClock.now

    static func step(_ text: String) {
        write("[\(elapsed)] \(text)\n", to: .standardOutput)
    }

    static func detail(_ text: String) {
        write("          \(text)\n", to: .standardOutput)
    }

    static func error(_ text: String) {
        write("[\(elapsed)] \(text)\n", to: .standardError)
    }

    private static var elapsed: String {
        // `start` first: the first read initializes it, and it must not be later than `now`.
        let origin = start
        let milliseconds = (ContinuousClock.now - origin) / .milliseconds(1)
        return String(format: "%6.2fs", milliseconds / 1000)
    }

    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}

/// Prints the worker's log lines (its own, the workflow's and the activities') indented under the
/// demo's steps with the workflow they belong to, so both sides of the loop read as one story.
struct WorkerLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    let label: String

    init(label: String) {
        self.label = label
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let metadata = self.metadata.merging(event.metadata ?? [:]) { _, new in new }
        let origin = metadata["activity_type"].map { "activity \($0)" } ?? metadata["workflow_type"].map { "workflow \($0)" } ?? "worker"
        let workflow = metadata["workflow_id"].map { " [\($0)]" } ?? ""
        Console.detail("· \(origin)\(workflow): \(event.message)")
    }
}
