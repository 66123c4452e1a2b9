import Foundation
import Synchronization
@_spi(Generated) import TemporalContracts
import TemporalContractsEngine
import Testing

@testable import TemporalContractsWorker

struct WorkflowCacheTests {
    private final class Idle: WorkflowImplementation {
        static let definition = WorkflowDefinition<Void, Void>(name: "Idle", input: .void, output: .void)
        static var registration: WorkflowRegistration {
            WorkflowRegistration(definition, implementation: Idle.self) { (_: Idle, _: Void, _: any WorkflowContext) in }
        }
    }

    private func entry(_ runID: String) -> WorkflowCache.Entry {
        WorkflowCache.Entry(engine: WorkflowEngine(registration: Idle.registration, namespace: "default", workflowID: runID, runID: runID))
    }

    @Test func leastRecentlyUsedRunIsEvictedWhenFull() async {
        let cache = WorkflowCache(capacity: 2)
        for runID in ["a", "b"] {
            _ = await cache.checkOut(runID)
            #expect(await cache.checkIn(runID, entry(runID)).isEmpty)
        }
        // Touch "a", so "b" is the least recently used.
        let a = await cache.checkOut("a")
        #expect(a != nil)
        _ = await cache.checkIn("a", a)
        _ = await cache.checkOut("c")
        let evicted = await cache.checkIn("c", entry("c"))
        #expect(evicted.map(\.engine.info.runID) == ["b"])
        #expect(await cache.count == 2)
        #expect(await cache.checkOut("b") == nil)
    }

    @Test func runHeldByATaskIsNotEvicted() async {
        let cache = WorkflowCache(capacity: 1)
        _ = await cache.checkOut("held")
        _ = await cache.checkOut("other")
        #expect(await cache.checkIn("other", entry("other")).isEmpty)
        // "held" comes back while "other" is idle: "other" goes.
        let evicted = await cache.checkIn("held", entry("held"))
        #expect(evicted.map(\.engine.info.runID) == ["other"])
    }

    @Test func secondTaskOfARunWaitsForTheFirst() async throws {
        let cache = WorkflowCache(capacity: 10)
        _ = await cache.checkOut("run")
        let order = Mutex<[String]>([])
        let second = Task {
            let found = await cache.checkOut("run")
            order.withLock { $0.append("second got \(found?.lastEventID ?? -1)") }
            _ = await cache.checkIn("run", found)
        }
        try await Task.sleep(for: .milliseconds(100))
        let first = entry("run")
        first.lastEventID = 7
        order.withLock { $0.append("first done") }
        _ = await cache.checkIn("run", first)
        await second.value
        #expect(order.withLock { $0 } == ["first done", "second got 7"])
    }

    @Test func zeroCapacityCachesNothing() async {
        let cache = WorkflowCache(capacity: 0)
        _ = await cache.checkOut("a")
        _ = await cache.checkIn("a", entry("a"))
        #expect(await cache.count == 0)
    }
}
