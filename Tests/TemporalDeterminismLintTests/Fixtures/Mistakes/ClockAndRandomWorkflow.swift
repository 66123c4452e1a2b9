import Foundation
import TemporalContracts

/// Reads the machine's clock and random sources.
final class ClockAndRandomWorkflow: Orders.ProcessOrderWorkflow {
    func run(_ input: Orders.Order, context: any WorkflowContext) async throws -> Orders.OrderResult {
        let placed = Date()
        let checked = Date.now
        let deadline = Date(timeIntervalSinceNow: 60)
        let elapsed = ContinuousClock.now
        let id = UUID()
        let dice = Int.random(in: 1...6)
        let pick = input.items.randomElement()
        var generator = SystemRandomNumberGenerator()
        let seeded = Int.random(in: 1...6, using: &generator)
        let legacy = arc4random_uniform(6) + UInt32(drand48())
        let fine = context.now
        let fineID = context.uuid()
        let fineRandom = context.randomUInt64()
        _ = (placed, checked, deadline, elapsed, id, dice, pick, seeded, legacy, fine, fineID, fineRandom)
        throw CancellationError()
    }
}
