import Foundation

/// Prints one line at most every `interval` while a long phase runs, so a run of many minutes shows
/// it is alive and how far it has got.
public struct Progress: Sendable {
    private let label: String
    private let total: Int
    private let interval: Duration
    private var lastPrinted: ContinuousClock.Instant

    /// Starts reporting `label` out of `total` items.
    public init(_ label: String, total: Int, every interval: Duration = .seconds(5)) {
        self.label = label
        self.total = total
        self.interval = interval
        self.lastPrinted = .now
    }

    /// Reports that `done` items are finished; prints if `interval` has passed since the last line.
    public mutating func update(_ done: Int) {
        let now = ContinuousClock.now
        guard now - lastPrinted >= interval || done == total else { return }
        lastPrinted = now
        print("  \(label): \(done)/\(total)")
        fflush(nil)  // all streams: `stdout` is a global var Swift 6 rejects
    }
}
