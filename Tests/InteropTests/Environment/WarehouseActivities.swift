import Foundation
import Synchronization
import TemporalContracts
import TemporalContractsWorker

/// The Swift implementation of the Warehouse contract's activities, which Python workflows call.
struct WarehouseActivities: Warehouse.ActivityImplementations {
    /// How `Noop` behaves, so tests can keep activities in flight or complete them from outside.
    enum NoopBehavior: Sendable {
        case echo
        /// Sleeps, then echoes; records `noop-started`/`noop-completed`/`noop-interrupted` under `label`.
        case sleep(Duration, label: String)
        /// Hands its task token to `tokens` and completes asynchronously.
        case completeAsynchronously(tokens: AsyncStream<Data>.Continuation)
    }

    var noopBehavior = NoopBehavior.echo

    /// What the activities did, by the token a test passed them; read by the tests.
    static let events = Mutex<[String: [String]]>([:])

    /// Sleeping `Noop`s running now and at most, by label.
    static let concurrency = Mutex<[String: (current: Int, peak: Int)]>([:])

    static func record(_ event: String, token: String) {
        events.withLock { $0[token, default: []].append(event) }
    }

    func reserveStock(_ input: Warehouse.Reservation, context: any ActivityContext) async throws -> Warehouse.ReservationResult {
        context.logger.info("reserving", metadata: ["sku": "\(input.sku)"])
        return Warehouse.ReservationResult(
            reservationID: UUID(),
            sku: input.sku,
            quantity: input.quantity,
            requestedAt: input.requestedAt,
            attempt: context.info.attempt,
            workflowID: context.info.workflowID
        )
    }

    func failWith(_ input: Warehouse.FailureRequest, context: any ActivityContext) async throws {
        throw ApplicationError(
            input.message,
            type: input.errorType,
            isNonRetryable: input.nonRetryable,
            details: [try context.dataConverter.payloadConverter.toPayload(input.detail)]
        )
    }

    func succeedOnThirdAttempt(context: any ActivityContext) async throws -> Warehouse.RetryReport {
        let previous = try context.lastHeartbeatDetail(as: Int.self)
        try await context.heartbeat(context.info.attempt * 10)
        guard context.info.attempt >= 3 else {
            throw ApplicationError("attempt \(context.info.attempt) fails on purpose", type: "Flaky")
        }
        return Warehouse.RetryReport(attempt: context.info.attempt, previousProgress: previous.map { [$0] } ?? [])
    }

    func waitForCancel(token: String, context: any ActivityContext) async throws -> String {
        Self.record("started", token: token)
        do {
            while true {
                try await context.heartbeat(token)
                try await Task.sleep(for: .milliseconds(100))
            }
        } catch {
            // Both views of cancellation agree: the Swift task and the context.
            Self.record(
                "cleanup task-canceled=\(Task.isCancelled) context-canceled=\(context.isCancellationRequested)",
                token: token
            )
            throw error
        }
    }

    func stopHeartbeating(token: String, context: any ActivityContext) async throws -> String {
        try await context.heartbeat(token)
        do {
            try await Task.sleep(for: .seconds(30))
            return "slept"
        } catch {
            let reason = (context as? WorkerActivityContext)?.cancellationReason.map { "\($0)" } ?? "none"
            Self.record("canceled reason=\(reason)", token: token)
            throw error
        }
    }

    func noop(_ input: String, context: any ActivityContext) async throws -> String {
        switch noopBehavior {
        case .echo:
            return input
        case .sleep(let duration, let label):
            Self.record("noop-started", token: label)
            Self.concurrency.withLock { counts in
                counts[label, default: (0, 0)].current += 1
                counts[label]!.peak = max(counts[label]!.peak, counts[label]!.current)
            }
            defer { Self.concurrency.withLock { $0[label]!.current -= 1 } }
            do {
                try await Task.sleep(for: duration)
            } catch {
                Self.record("noop-interrupted", token: label)
                throw error
            }
            Self.record("noop-completed", token: label)
            return input
        case .completeAsynchronously(let tokens):
            tokens.yield(context.info.taskToken)
            throw CompleteAsynchronously()
        }
    }
}
