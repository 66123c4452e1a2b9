import Foundation
import TemporalContracts

/// Continues as new until nothing remains.
final class CountdownWorkflow: Engine.CountdownWorkflow {
    func run(remaining: Int, runs: Int, context: any WorkflowContext) async throws -> Int {
        guard remaining > 0 else { return runs + 1 }
        try await context.sleep(for: .seconds(1))
        try context.continueAsNew(Engine.Workflows.countdown, input: Engine.CountdownArguments(remaining: remaining - 1, runs: runs + 1))
    }
}

/// Sleeps for days on the workflow clock.
final class SleeperWorkflow: Engine.SleeperWorkflow {
    func run(days: Int, context: any WorkflowContext) async throws -> Int {
        let start = context.now
        try await context.sleep(for: .seconds(days * 86_400))
        return Int(context.now.timeIntervalSince(start))
    }
}
