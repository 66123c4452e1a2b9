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

    private func runner(_ registrations: [ActivityRegistration]) -> LocalActivityRunner {
        LocalActivityRunner(
            registrations: Dictionary(uniqueKeysWithValues: registrations.map { ($0.name, $0) }),
            dataConverter: .default,
            logger: Logger(label: "test")
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
}
