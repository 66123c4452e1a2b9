import Foundation
import Logging
import Synchronization
import TemporalAPI
import TemporalContracts

/// Runs one activity's attempts in-process: retried as its retry policy says (at once: the test
/// environment does not wait out backoffs), up to the environment's cap when the policy sets
/// no limit, so a deterministic failure cannot retry forever.
struct ActivityRunner: Sendable {
    let registration: ActivityRegistration?
    let registeredTypes: [String]
    let dataConverter: DataConverter
    let logger: Logger
    let retryPolicy: Temporal_Api_Common_V1_RetryPolicy?
    let maximumAttempts: Int
    /// The environment's worker interceptors; each attempt runs through their `executeActivity`.
    let interceptors: [any WorkerInterceptor]

    /// - Parameter headers: the headers of the schedule command, which the interceptors see.
    func run(
        input: [Payload],
        headers: [String: Payload] = [:],
        info: ActivityInfo,
        cancellation: CancellationFlag
    ) async -> TestServer.ActivityOutcome {
        guard let registration else {
            let error = ApplicationError(
                "activity type '\(info.activityType)' is not registered in the test environment; registered: \(registeredTypes.joined(separator: ", "))",
                type: "ActivityNotRegistered",
                isNonRetryable: true
            )
            return .failed(dataConverter.failureConverter.failure(from: error), .nonRetryableFailure)
        }
        let limit = retryPolicy.map { $0.maximumAttempts > 0 ? Int($0.maximumAttempts) : maximumAttempts } ?? maximumAttempts
        var info = info
        while true {
            let context = TestActivityContext(info: info, dataConverter: dataConverter, logger: logger, cancellation: cancellation)
            do {
                let attempt = ExecuteActivityInput(activityType: info.activityType, arguments: input, headers: headers)
                return .completed(try await registration.execute(attempt, context: context, interceptors: interceptors))
            } catch is CompleteAsynchronously {
                return .asynchronous
            } catch {
                if cancellation.isSet, error is CancellationError || error is CanceledError {
                    return .canceled([])
                }
                let failure = dataConverter.failureConverter.failure(from: error)
                if case .application(let type, let nonRetryable, _, _) = failure.info,
                    nonRetryable || retryPolicy?.nonRetryableErrorTypes.contains(type) == true
                {
                    return .failed(failure, .nonRetryableFailure)
                }
                if info.attempt >= limit { return .failed(failure, .maximumAttemptsReached) }
                info.attempt += 1
                info.heartbeatDetails = context.latestHeartbeat
            }
        }
    }
}

/// The context an activity gets in the test environment: heartbeats are kept for the next
/// attempt; cancellation comes from the workflow's cancel request.
final class TestActivityContext: ActivityContext {
    let info: ActivityInfo
    let dataConverter: DataConverter
    let logger: Logger
    private let cancellation: CancellationFlag
    private let heartbeats = Mutex<[Payload]>([])

    init(info: ActivityInfo, dataConverter: DataConverter, logger: Logger, cancellation: CancellationFlag) {
        self.info = info
        self.dataConverter = dataConverter
        self.logger = info.attemptLogger(logger)
        self.cancellation = cancellation
    }

    var latestHeartbeat: [Payload] { heartbeats.withLock { $0 } }

    func heartbeat(details: [Payload]) async {
        heartbeats.withLock { $0 = details }
    }

    var isCancellationRequested: Bool { cancellation.isSet }
}
