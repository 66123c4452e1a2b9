import Foundation
import Synchronization
import TemporalContracts
import TemporalContractsWorker
import Testing

/// Python workflows call the Swift activity worker on a real dev server.
@Suite(.warehouseWorkers, .timeLimit(.minutes(5)))
struct ActivityWorkerInteropTests {
    @Test func typedArgumentsAndResultsCrossToPython() async throws {
        let environment = try WarehouseEnvironment.require()
        let requestedAt = try #require(RFC3339.date(from: "2026-11-22T09:10:11.250000Z"))
        let options = WarehouseEnvironment.workflowOptions("reserve")
        let result = try await environment.client.executeReserveViaSwift(
            Warehouse.Reservation(sku: "sku-7", quantity: 3, requestedAt: requestedAt, note: nil),
            options: options
        )
        #expect(result.sku == "sku-7")
        #expect(result.quantity == 3)
        #expect(result.requestedAt == requestedAt)
        #expect(result.attempt == 1)
        #expect(result.workflowID == options.id)
    }

    @Test(arguments: [true, false])
    func applicationErrorArrivesInPythonIntact(nonRetryable: Bool) async throws {
        let environment = try WarehouseEnvironment.require()
        let outcome = try await environment.client.executeFailViaSwift(
            Warehouse.FailureRequest(
                errorType: "OutOfStock",
                message: "no stock for sku-7",
                nonRetryable: nonRetryable,
                detail: Warehouse.FailureDetail(code: 42, reason: "empty shelf")
            ),
            options: WarehouseEnvironment.workflowOptions("fail")
        )
        #expect(outcome.status == "failed")
        #expect(outcome.causeType == "ApplicationError")
        #expect(outcome.errorType == "OutOfStock")
        #expect(outcome.message == "no stock for sku-7")
        #expect(outcome.nonRetryable == nonRetryable)
        #expect(outcome.details == [Warehouse.FailureDetail(code: 42, reason: "empty shelf")])
    }

    @Test func retriedActivityReadsItsPreviousHeartbeat() async throws {
        let environment = try WarehouseEnvironment.require()
        let report = try await environment.client.executeRetryViaSwift(options: WarehouseEnvironment.workflowOptions("retry"))
        #expect(report == Warehouse.RetryReport(attempt: 3, previousProgress: [20]))
    }

    @Test func cancellationRequestedByPythonReachesTheSwiftActivity() async throws {
        let environment = try WarehouseEnvironment.require()
        let token = "cancel-\(UUID().uuidString)"
        let handle = try await environment.client.startCancelViaSwift(
            token: token,
            afterMs: 200,
            options: WarehouseEnvironment.workflowOptions("cancel")
        )
        // The workflow cancels only once told the activity runs: a cancel that reached the server
        // before the activity task was polled would never reach Swift code.
        var started = false
        for _ in 0..<300 where !started {
            started = WarehouseActivities.events.withLock { $0[token]?.contains("started") ?? false }
            if !started { try await Task.sleep(for: .milliseconds(100)) }
        }
        try #require(started, "the Swift activity started within 30 s")
        try await handle.activityStarted()
        let outcome = try await handle.result()
        #expect(outcome.status == "canceled", "reported canceled, not failed: \(outcome)")
        #expect(outcome.causeType == "CancelledError")
        let events = WarehouseActivities.events.withLock { $0[token] ?? [] }
        #expect(events == ["started", "cleanup task-canceled=true context-canceled=true"])
    }

    @Test func heartbeatTimeoutCancelsTheLocalTask() async throws {
        let environment = try WarehouseEnvironment.require()
        let token = "heartbeat-\(UUID().uuidString)"
        let outcome = try await environment.client.executeHeartbeatTimeoutViaSwift(
            token: token,
            options: WarehouseEnvironment.workflowOptions("heartbeat-timeout")
        )
        #expect(outcome.status == "timed_out")
        #expect(outcome.message == "HEARTBEAT")
        // The worker's own watchdog stopped the activity instead of letting it sleep on.
        var events: [String] = []
        for _ in 0..<50 where events.isEmpty {
            events = WarehouseActivities.events.withLock { $0[token] ?? [] }
            if events.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
        }
        // The watchdog and the server time the heartbeat out at the same moment: either the local
        // watchdog fires first, or the next heartbeat learns from the server that the attempt is
        // gone. Both stop the task; which one wins depends on the machine's load.
        #expect(
            events == ["canceled reason=timedOut(TemporalContracts.TimeoutType.heartbeat)"] || events == ["canceled reason=notFound"],
            "the task was stopped, not left sleeping: \(events)"
        )
    }
}
