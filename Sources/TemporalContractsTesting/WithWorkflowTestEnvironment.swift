import Foundation
import Logging
import TemporalContracts

/// Runs `body` with a new `WorkflowTestEnvironment` and shuts the environment down when `body`
/// returns or throws, so no test leaves workflows waiting.
///
/// ```swift
/// let receipt = try await withWorkflowTestEnvironment(
///     workflows: [ProcessOrderWorkflow.registration],
///     activities: Orders.MockActivities().registrations
/// ) { environment in
///     try await Orders.Client(environment.client).executeProcessOrder(order)
/// }
/// ```
///
/// The parameters are those of `WorkflowTestEnvironment.init`.
public func withWorkflowTestEnvironment<Result: Sendable>(
    workflows: [WorkflowRegistration],
    activities: [ActivityRegistration] = [],
    namespace: String = "default",
    startTime: Date = Date(),
    maximumActivityAttempts: Int = 10,
    dataConverter: DataConverter = .default,
    logger: Logger = Logger(label: "temporal.test-environment"),
    _ body: (WorkflowTestEnvironment) async throws -> Result
) async throws -> Result {
    let environment = WorkflowTestEnvironment(
        workflows: workflows,
        activities: activities,
        namespace: namespace,
        startTime: startTime,
        maximumActivityAttempts: maximumActivityAttempts,
        dataConverter: dataConverter,
        logger: logger
    )
    do {
        let result = try await body(environment)
        await environment.shutdown()
        return result
    } catch {
        await environment.shutdown()
        throw error
    }
}
