import Foundation
import Logging
import TemporalContracts
import TemporalContractsEngine

/// Runs a workflow's local activities in the worker's process: each attempt under its
/// start-to-close timeout, retried with the policy's backoff until it succeeds, fails for good,
/// runs out of attempts or passes its schedule-to-close timeout.
struct LocalActivityRunner: Sendable {
    let registrations: [String: ActivityRegistration]
    let dataConverter: DataConverter
    let logger: Logger
    /// The workflow worker's interceptors: each attempt runs through their `executeActivity`.
    var interceptors: [any WorkerInterceptor] = []
    /// The worker's local-activity slots (`maxConcurrentLocalActivities`), shared by every run it
    /// has: each attempt holds one while it runs, none is held during a retry's backoff.
    var slots = ConcurrencySlots(WorkflowWorkerOptions.defaultMaxConcurrentLocalActivities)

    /// Retries wait at most this long in-process; the SDKs hand longer backoffs to a timer, which
    /// this worker does not do yet, so it waits (the task is kept alive by heartbeats).
    static let defaultRetryPolicy = RetryPolicy(initialInterval: .seconds(1), backoffCoefficient: 2, maximumInterval: .seconds(100))

    func run(_ request: LocalActivityRequest, workflow: WorkflowInfo) async -> LocalActivityOutcome {
        guard let registration = registrations.registration(forType: request.activityType) else {
            return failed(
                ApplicationError(
                    "local activity type '\(request.activityType)' is not registered on this worker; registered: \(registrations.keys.sorted().joined(separator: ", "))",
                    type: "NotFoundError",
                    isNonRetryable: true
                )
            )
        }
        let scheduled = Date()
        let overallDeadline = request.options.scheduleToCloseTimeout.map { scheduled.addingTimeInterval($0.timeInterval) }
        let policy = request.options.retryPolicy ?? Self.defaultRetryPolicy
        var attempt = 1
        while true {
            let error: any Error
            do {
                return .completed(
                    try await runAttemptInSlot(
                        request,
                        registration,
                        attempt: attempt,
                        scheduled: scheduled,
                        overallDeadline: overallDeadline,
                        workflow: workflow
                    )
                )
            } catch let caught {
                error = caught
            }
            let failure = dataConverter.failureConverter.failure(from: error)
            if case .application(let type, let nonRetryable, _, _) = failure.info,
                nonRetryable || policy.nonRetryableErrorTypes.contains(type)
            {
                return .failed(failure)
            }
            if let maximum = policy.maximumAttempts, maximum > 0, attempt >= maximum { return .failed(failure) }
            let backoff = Self.backoff(policy, attempt: attempt)
            if let overallDeadline, Date().addingTimeInterval(backoff.timeInterval) >= overallDeadline { return .failed(failure) }
            logger.info(
                "local activity attempt failed; retrying",
                metadata: ["activity_type": "\(request.activityType)", "attempt": "\(attempt)", "error": "\(error)"]
            )
            try? await Task.sleep(for: backoff)
            if Task.isCancelled { return .failed(dataConverter.failureConverter.failure(from: CanceledError("local activity canceled"))) }
            attempt += 1
        }
    }

    /// One attempt once a local-activity slot is free; its start-to-close time starts when it
    /// has the slot, its schedule-to-close deadline does not move.
    private func runAttemptInSlot(
        _ request: LocalActivityRequest,
        _ registration: ActivityRegistration,
        attempt: Int,
        scheduled: Date,
        overallDeadline: Date?,
        workflow: WorkflowInfo
    ) async throws -> [Payload] {
        guard await slots.acquire() else { throw CanceledError("the worker is shutting down") }
        defer { slots.release() }
        try Task.checkCancellation()
        if let overallDeadline, Date() >= overallDeadline {
            throw TimeoutError(
                "local activity '\(request.activityType)' waited for a free slot past its schedule-to-close timeout",
                timeoutType: .scheduleToClose
            )
        }
        let attemptTimeout = request.options.startToCloseTimeout ?? request.options.scheduleToCloseTimeout ?? .seconds(3_600)
        var attemptDeadline = Date().addingTimeInterval(attemptTimeout.timeInterval)
        if let overallDeadline { attemptDeadline = min(attemptDeadline, overallDeadline) }
        let info = ActivityInfo(
            activityID: request.activityID,
            activityType: request.activityType,
            taskQueue: workflow.taskQueue,
            attempt: attempt,
            workflowNamespace: workflow.namespace,
            workflowID: workflow.workflowID,
            workflowRunID: workflow.runID,
            workflowType: workflow.workflowType,
            scheduledTime: scheduled,
            startedTime: Date(),
            deadline: attemptDeadline,
            isLocal: true
        )
        let context = LocalActivityContext(info: info, dataConverter: dataConverter, logger: logger)
        let input = ExecuteActivityInput(activityType: request.activityType, arguments: request.input, headers: request.headers)
        return try await runAttempt(registration, input, context: context, until: attemptDeadline)
    }

    /// One attempt, canceled (and reported as a start-to-close timeout) at its deadline.
    private func runAttempt(
        _ registration: ActivityRegistration,
        _ input: ExecuteActivityInput,
        context: LocalActivityContext,
        until deadline: Date
    ) async throws -> [Payload] {
        try await withThrowingTaskGroup(of: [Payload]?.self) { group in
            group.addTask { [interceptors] in try await registration.execute(input, context: context, interceptors: interceptors) }
            group.addTask {
                try? await Task.sleep(for: .seconds(max(0, deadline.timeIntervalSinceNow)))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let result = first else {
                context.cancel()
                throw TimeoutError("local activity '\(context.info.activityType)' timed out", timeoutType: .startToClose)
            }
            return result
        }
    }

    static func backoff(_ policy: RetryPolicy, attempt: Int) -> Duration {
        let initial = policy.initialInterval ?? .seconds(1)
        let coefficient = policy.backoffCoefficient ?? 2
        let maximum = policy.maximumInterval ?? initial * 100
        let seconds = initial.timeInterval * pow(coefficient, Double(attempt - 1))
        return min(Duration.seconds(seconds), maximum)
    }

    private func failed(_ error: any Error) -> LocalActivityOutcome {
        .failed(dataConverter.failureConverter.failure(from: error))
    }
}
