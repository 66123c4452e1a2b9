import Foundation
import Logging
import TemporalContracts

/// Activities (normal, local, retried, failing), `async let`, randomness, a side effect, a patch,
/// info and the replay-aware logger.
final class GreeterWorkflow: Engine.GreeterWorkflow {
    func run(_ input: String, context: any WorkflowContext) async throws -> Engine.Report {
        try await greet(input, context: context) { context.patched("greeting-v2") }
    }
}

/// The Greeter before the `greeting-v2` patch: its histories must replay on the patched code.
final class UnpatchedGreeterWorkflow: Engine.GreeterWorkflow {
    func run(_ input: String, context: any WorkflowContext) async throws -> Engine.Report {
        try await greet(input, context: context) { false }
    }
}

/// Both Greeter versions; `patched` is the only difference between them.
private func greet(_ input: String, context: any WorkflowContext, patched: () -> Bool) async throws -> Engine.Report {
    let activities = Engine.ActivityStubs(context)
    context.logger.info("greeting \(input)")
    // Structured concurrency stays deterministic: both start in this order, every time.
    async let greeted = activities.greet(input, options: ActivityOptions(startToCloseTimeout: .seconds(30)))
    async let pause: Void = context.sleep(for: .seconds(5))
    let (greeting, _) = try await (greeted, pause)
    let local = try await activities.greetLocally(input + " (local)")
    let attempts = try await activities.flaky()
    var failure: String?
    do {
        try await activities.fail("on purpose")
    } catch let error as ActivityError {
        failure = (error.cause as? ApplicationError)?.message
    }
    let sideEffect = try context.sideEffect { "computed once" }
    let isPatched = patched()
    return Engine.Report(
        greeting: isPatched ? greeting.uppercased() : greeting,
        localGreeting: local,
        random: Int64(truncatingIfNeeded: context.randomUInt64()),
        uuid: context.uuid(),
        workflowID: context.info.workflowID,
        attempt: context.info.attempt,
        sideEffect: sideEffect,
        patched: isPatched,
        flakyAttempts: attempts,
        failure: failure
    )
}
