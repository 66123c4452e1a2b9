import Foundation
import TemporalContracts

/// The Swift twins of the Python Fulfillment workflows other than ProcessOrder, written to
/// behave as `fulfillment.py` does so the same client tests pass against either worker.
public enum FulfillmentWorkflows {
    /// Every Fulfillment workflow, for a worker.
    public static var registrations: [WorkflowRegistration] {
        [
            ProcessOrderWorkflow.registration, CombineWorkflow.registration, CountdownWorkflow.registration,
            FailWithWorkflow.registration, AwaitCancellationWorkflow.registration, SleepWorkflow.registration,
        ]
    }
}

/// Joins its arguments as Python's `f"{text}:{count}:{float(scale)}"` does.
public final class CombineWorkflow: Fulfillment.CombineWorkflow {
    public init() {}

    public func run(text: String, count: Int, scale: Double, context: any WorkflowContext) async throws -> String {
        "\(text):\(count):\(scale)"
    }
}

/// Continues as new once per step until nothing remains.
public final class CountdownWorkflow: Fulfillment.CountdownWorkflow {
    public init() {}

    public func run(_ input: Fulfillment.CountdownState, context: any WorkflowContext) async throws -> Fulfillment.CountdownState {
        guard input.remaining > 0 else { return Fulfillment.CountdownState(remaining: 0, runs: input.runs + 1) }
        try context.continueAsNew(
            Fulfillment.Workflows.countdown,
            input: Fulfillment.CountdownState(remaining: input.remaining - 1, runs: input.runs + 1)
        )
    }
}

/// Fails with the application error the request describes.
public final class FailWithWorkflow: Fulfillment.FailWithWorkflow {
    public init() {}

    public func run(_ input: Fulfillment.FailureRequest, context: any WorkflowContext) async throws {
        throw ApplicationError(
            input.message,
            type: input.errorType,
            isNonRetryable: input.nonRetryable,
            details: [try context.payloadConverter.toPayload(input.detail)]
        )
    }
}

/// Waits until canceled; with `swallow` it returns instead of ending canceled.
public final class AwaitCancellationWorkflow: Fulfillment.AwaitCancellationWorkflow {
    public init() {}

    public func run(swallow: Bool, context: any WorkflowContext) async throws -> String {
        do {
            try await context.condition { false }
        } catch {
            if swallow { return "cleaned up after cancel" }
            throw error
        }
        return "unreachable"
    }
}

/// Sleeps on a durable timer, then returns how long it slept.
public final class SleepWorkflow: Fulfillment.SleepWorkflow {
    public init() {}

    public func run(seconds: Double, context: any WorkflowContext) async throws -> Double {
        try await context.sleep(for: .seconds(seconds))
        return seconds
    }
}
