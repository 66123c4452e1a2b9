import Foundation
import Synchronization
import TemporalContracts
import Testing

@testable import TemporalContractsWorker

struct HeartbeatThrottleTests {
    private func detail(_ value: Int) -> [Payload] {
        [Payload(data: Data("\(value)".utf8))]
    }

    @Test func firstHeartbeatGoesAtOnceAndOnlyTheLatestFollowsAfterTheInterval() async throws {
        let clock = ContinuousClock()
        let sent = Mutex<[(detail: String, at: ContinuousClock.Instant)]>([])
        let throttle = HeartbeatThrottle(interval: .milliseconds(300)) { details in
            sent.withLock { $0.append((String(decoding: details[0].data, as: UTF8.self), clock.now)) }
        }
        let started = clock.now
        for value in 1...20 {
            await throttle.record(detail(value))
        }
        // Wait for the second send, then a little longer for any extra one. The bound is generous:
        // with every suite running on two cores, timers were seen to fire more than 10 s late.
        while sent.withLock({ $0.count }) < 2, clock.now - started < .seconds(60) {
            try await Task.sleep(for: .milliseconds(20))
        }
        try await Task.sleep(for: .milliseconds(400))
        // The delayed send holds the throttle weakly, as a finished activity's throttle should go.
        withExtendedLifetime(throttle) {}
        let calls = sent.withLock { $0 }
        #expect(calls.map(\.detail) == ["1", "20"], "the first at once, then only the latest details")
        if calls.count == 2 {
            #expect(calls[1].at - calls[0].at >= .milliseconds(290), "one call per interval")
        }
    }

    @Test func stopDropsWhatIsPending() async throws {
        let sent = Mutex(0)
        let throttle = HeartbeatThrottle(interval: .milliseconds(200)) { _ in sent.withLock { $0 += 1 } }
        await throttle.record(detail(1))
        await throttle.record(detail(2))
        await throttle.stop()
        try await Task.sleep(for: .milliseconds(400))
        #expect(sent.withLock { $0 } == 1)
    }

    @Test func intervalIsEightyPercentOfTheTimeoutWithinBounds() {
        let options = ActivityWorkerOptions(taskQueue: "q")
        #expect(ActivityTaskExecution.throttleInterval(.seconds(10), options: options) == .seconds(8))
        #expect(ActivityTaskExecution.throttleInterval(.seconds(600), options: options) == .seconds(60))
        #expect(ActivityTaskExecution.throttleInterval(nil, options: options) == .seconds(30))
    }

    @Test func slotsBoundConcurrencyAndCloseWakesWaiters() async {
        let slots = ConcurrencySlots(1)
        #expect(await slots.acquire())
        let waiter = Task { await slots.acquire() }
        try? await Task.sleep(for: .milliseconds(50))
        slots.close()
        #expect(await waiter.value == false)
        #expect(await slots.acquire() == false)
    }
}
