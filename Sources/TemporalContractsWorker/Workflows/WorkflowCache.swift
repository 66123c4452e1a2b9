import Foundation
import TemporalContractsEngine

/// The runs a worker keeps in memory between workflow tasks (its sticky cache), least recently
/// used first out. A run is checked out while one of its tasks is processed, so two tasks of
/// the same run (a workflow task and a legacy query) never touch its engine at once.
actor WorkflowCache {
    /// One cached run: its engine, and the last history event the engine has applied.
    final class Entry: @unchecked Sendable {
        let engine: WorkflowEngine
        var lastEventID: Int64 = 0
        /// From the start event: the time a task has before the server times it out.
        var workflowTaskTimeout: Duration = .seconds(10)
        /// From the start event: when the run started, for its end-to-end latency.
        var startTime: Date?
        /// The cache's clock when the run was last checked in: the least recent goes first.
        /// Kept here rather than in a second dictionary keyed by run ID, which cost every cached
        /// run another hash slot.
        fileprivate var lastUse: UInt64 = 0

        init(engine: WorkflowEngine) {
            self.engine = engine
        }
    }

    private let capacity: Int
    private var entries: [String: Entry] = [:]
    private var clock: UInt64 = 0
    private var checkedOut: Set<String> = []
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(capacity: Int) {
        self.capacity = capacity
    }

    var count: Int { entries.count }

    /// Waits until no other task holds the run, then takes it: its cached entry, if any.
    func checkOut(_ runID: String) async -> Entry? {
        while checkedOut.contains(runID) {
            await withCheckedContinuation { waiters[runID, default: []].append($0) }
        }
        checkedOut.insert(runID)
        return entries[runID]
    }

    /// Gives the run back: `entry` is cached (nil drops it). Returns the entries evicted to make
    /// room, for the caller to tear down outside the actor.
    func checkIn(_ runID: String, _ entry: Entry?) -> [Entry] {
        checkedOut.remove(runID)
        if let next = waiters[runID]?.first {
            waiters[runID]?.removeFirst()
            if waiters[runID]?.isEmpty == true { waiters[runID] = nil }
            next.resume()
        }
        guard let entry, capacity > 0 else {
            entries[runID] = nil
            return []
        }
        clock += 1
        entry.lastUse = clock
        entries[runID] = entry
        var evicted: [Entry] = []
        while entries.count > capacity {
            // The least recently used run that no task holds; a lazy scan, so no copy of the cache.
            guard
                let victim = entries.lazy.filter({ !self.checkedOut.contains($0.key) })
                    .min(by: { $0.value.lastUse < $1.value.lastUse })?.key
            else { break }
            if let removed = entries.removeValue(forKey: victim) { evicted.append(removed) }
        }
        return evicted
    }

    /// Empties the cache (worker shutdown); returns what was cached.
    func removeAll() -> [Entry] {
        let all = Array(entries.values)
        entries.removeAll()
        return all
    }
}
