import Foundation
import TemporalContracts

/// Opts out with and without reasons, and reads the machine inside side effects.
final class AllowancesWorkflow: Orders.ProcessOrderWorkflow {
    func run(_ input: Orders.Order, context: any WorkflowContext) async throws -> Orders.OrderResult {
        let logged = Date()  // temporal:allow-nondeterminism only written to a debug log, never to state
        let belowTrailingComment = UUID()
        // temporal:allow-nondeterminism the fallback ID is replaced by the activity's result
        let fallback = UUID()
        let unexplained = Date()  // temporal:allow-nondeterminism
        let recorded = try context.sideEffect { ProcessInfo.processInfo.environment["REGION"] ?? Date().description }
        let stillBad = try context.sideEffect { Thread.current.description }
        let notCovered = Date()
        _ = (logged, belowTrailingComment, fallback, unexplained, recorded, stillBad, notCovered)
        throw CancellationError()
    }
}
