import Foundation
import TemporalContracts

/// Uses only the context: no findings.
final class CleanWorkflow: Orders.ProcessOrderWorkflow {
    static let gracePeriod: Duration = .seconds(2)
    private var items: [Orders.LineItem] = []

    func run(_ input: Orders.Order, context: any WorkflowContext) async throws -> Orders.OrderResult {
        items = input.items
        let started = context.now
        try await context.sleep(for: Self.gracePeriod)
        let id = context.uuid()
        let index = Int(context.randomUInt64() % UInt64(max(items.count, 1)))
        let region = try context.sideEffect { ProcessInfo.processInfo.environment["REGION"] ?? "eu" }
        var generator = SeededGenerator(seed: context.randomUInt64())
        let shuffled = items.shuffled(using: &generator)
        async let first = context.uuid()
        context.logger.info("order \(id) at \(started) in \(region), item \(index) of \(shuffled.count), \(await first)")
        throw CancellationError()
    }
}

/// A deterministic generator seeded from the context.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return state
    }
}
