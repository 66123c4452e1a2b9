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
        let sent = Mutex<[String]>([])
        let throttle = HeartbeatThrottle(interval: .milliseconds(300)) { details in
            sent.withLock { $0.append(String(decoding: details[0].data, as: UTF8.self)) }
        }
        for value in 1...20 {
            await throttle.record(detail(value))
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(sent.withLock { $0 } == ["1"], "one call per interval")
        try await Task.sleep(for: .milliseconds(500))
        #expect(sent.withLock { $0 } == ["1", "20"], "the latest details are always sent")
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
        await slots.close()
        #expect(await waiter.value == false)
        #expect(await slots.acquire() == false)
    }
}
