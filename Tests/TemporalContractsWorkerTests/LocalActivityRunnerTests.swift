import Foundation
import Logging
import Synchronization
import TemporalContracts
import TemporalContractsEngine
import Testing

@testable import TemporalContractsWorker

struct LocalActivityRunnerTests {
    private static let flaky = ActivityDefinition<Int, Int>(name: "Flaky", input: .single(), output: .single())
    private let workflow = WorkflowInfo(namespace: "default", workflowID: "wf", runID: "run", workflowType: "Test", taskQueue: "q")

    private func runner(_ registrations: [ActivityRegistration], slots: ConcurrencySlots = ConcurrencySlots(100)) -> LocalActivityRunner {
        LocalActivityRunner(
            registrations: Dictionary(uniqueKeysWithValues: registrations.map { ($0.name, $0) }),
            dataConverter: .default,
            logger: Logger(label: "test"),
            slots: slots
        )
    }

    private func request(_ options: ActivityOptions) throws -> LocalActivityRequest {
        LocalActivityRequest(
            sequence: 1,
            activityType: "Flaky",
            activityID: "1",
            input: [try DefaultPayloadConverter().toPayload(3)],
            options: options
        )
    }

    @Test func retriesWithBackoffUntilAnAttemptSucceeds() async throws {
        let attempts = Mutex<[Int]>([])
        let registration = ActivityRegistration(Self.flaky) { succeedOn, context in
            attempts.withLock { $0.append(context.info.attempt) }
            guard context.info.attempt >= succeedOn else { throw ApplicationError("not yet", type: "NotYet") }
            #expect(context.info.isLocal)
            return context.info.attempt
        }
        let started = ContinuousClock.now
        let outcome = await runner([registration]).run(
            try request(
                ActivityOptions(
                    startToCloseTimeout: .seconds(5),
                    retryPolicy: RetryPolicy(initialInterval: .milliseconds(50), backoffCoefficient: 2)
                )
            ),
            workflow: workflow
        )
        guard case .completed(let payloads) = outcome else { Issue.record("\(outcome)"); return }
        #expect(try DefaultPayloadConverter().fromPayload(payloads[0], as: Int.self) == 3)
        #expect(attempts.withLock { $0 } == [1, 2, 3])
        // Backoffs of 50 ms and 100 ms were waited out.
        #expect(ContinuousClock.now - started >= .milliseconds(150))
    }

    @Test func nonRetryableErrorsAndTheAttemptLimitStopRetries() async throws {
        let attempts = Mutex(0)
        let registration = ActivityRegistration(Self.flaky) { _, _ in
            attempts.withLock { $0 += 1 }
            throw ApplicationError("broken", type: "Broken")
        }
        let limited = await runner([registration]).run(
            try request(
                ActivityOptions(
                    startToCloseTimeout: .seconds(5),
                    retryPolicy: RetryPolicy(initialInterval: .milliseconds(1), maximumAttempts: 2)
                )
            ),
            workflow: workflow
        )
        guard case .failed(let failure) = limited else { Issue.record("\(limited)"); return }
        #expect(failure.message == "broken")
        #expect(attempts.withLock { $0 } == 2)

        attempts.withLock { $0 = 0 }
        let policy = RetryPolicy(initialInterval: .milliseconds(1), nonRetryableErrorTypes: ["Broken"])
        _ = await runner([registration]).run(
            try request(ActivityOptions(startToCloseTimeout: .seconds(5), retryPolicy: policy)),
            workflow: workflow
        )
        #expect(attempts.withLock { $0 } == 1)
    }

    @Test func attemptPastItsStartToCloseTimeoutIsCanceledAndReportedAsATimeout() async throws {
        let registration = ActivityRegistration(Self.flaky) { _, _ in
            try await Task.sleep(for: .seconds(30))
            return 0
        }
        let outcome = await runner([registration]).run(
            try request(ActivityOptions(startToCloseTimeout: .milliseconds(100), retryPolicy: RetryPolicy(maximumAttempts: 1))),
            workflow: workflow
        )
        guard case .failed(let failure) = outcome, case .timeout(let type, _) = failure.info else { Issue.record("\(outcome)"); return }
        #expect(type == .startToClose)
    }

    @Test func unregisteredTypeFailsWithoutRetrying() async throws {
        let outcome = await runner([]).run(try request(ActivityOptions(startToCloseTimeout: .seconds(1))), workflow: workflow)
        guard case .failed(let failure) = outcome, case .application(let type, let nonRetryable, _, _) = failure.info else {
            Issue.record("\(outcome)")
            return
        }
        #expect(type == "NotFoundError")
        #expect(nonRetryable)
        #expect(failure.message.contains("'Flaky' is not registered"))
    }

    @Test func attemptsBeyondTheSlotsWaitForAFreeOne() async throws {
        let running = Mutex((now: 0, most: 0))
        let registration = ActivityRegistration(Self.flaky) { value, _ in
            running.withLock {
                $0.now += 1
                $0.most = max($0.most, $0.now)
            }
            defer { running.withLock { $0.now -= 1 } }
            try await Task.sleep(for: .milliseconds(200))
            return value
        }
        let gauge = Mutex<[Int]>([])
        let limited = runner([registration], slots: ConcurrencySlots(2) { available, _ in gauge.withLock { $0.append(available) } })
        let options = ActivityOptions(startToCloseTimeout: .seconds(30), retryPolicy: RetryPolicy(maximumAttempts: 1))
        let outcomes = try await withThrowingTaskGroup(of: LocalActivityOutcome.self) { group in
            for _ in 0..<6 {
                let request = try request(options)
                group.addTask { [workflow] in await limited.run(request, workflow: workflow) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.count == 6)
        for outcome in outcomes {
            guard case .completed = outcome else { Issue.record("\(outcome)"); continue }
        }
        #expect(running.withLock { $0.most } == 2, "two slots, six local activities at once")
        // The gauge went down to no free slot and, once all were done, back to two.
        #expect(gauge.withLock { $0.min() } == 0)
        #expect(gauge.withLock { $0.last } == 2)
    }

    @Test func aSlotWaitPastTheScheduleToCloseTimeoutFailsAsATimeout() async throws {
        let started = Mutex(false)
        let registration = ActivityRegistration(Self.flaky) { value, _ in
            started.withLock { $0 = true }
            try await Task.sleep(for: .milliseconds(600))
            return value
        }
        let limited = runner([registration], slots: ConcurrencySlots(1))
        let holding = try request(ActivityOptions(startToCloseTimeout: .seconds(30), retryPolicy: RetryPolicy(maximumAttempts: 1)))
        let waiting = try request(ActivityOptions(scheduleToCloseTimeout: .milliseconds(200), retryPolicy: RetryPolicy(maximumAttempts: 1)))
        async let first = limited.run(holding, workflow: workflow)
        for _ in 0..<1_000 where !started.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
        let second = await limited.run(waiting, workflow: workflow)
        guard case .completed = await first else { Issue.record("the first local activity failed"); return }
        guard case .failed(let failure) = second, case .timeout(let type, _) = failure.info else { Issue.record("\(second)"); return }
        #expect(type == .scheduleToClose)
    }
}
