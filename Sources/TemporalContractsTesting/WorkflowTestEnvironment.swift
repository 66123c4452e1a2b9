import Foundation
import SwiftProtobuf
import Logging
import TemporalAPI
import TemporalContracts
import TemporalContractsEngine

/// Runs Swift workflow implementations in-process, on the same deterministic engine a worker
/// uses, with mock or real Swift activities: tests drive them through `client` (wrap it in a
/// generated client), as they would a real server.
///
/// Time is virtual and skips ahead whenever callers wait for a result or an update and every
/// workflow waits on a timer: a workflow that sleeps 30 days finishes in milliseconds. Each
/// run's history is kept with the event types the real server writes, and can be exported
/// (`history(of:)`, `historyJSON(of:)`) for replay tests.
///
/// Call `shutdown()` at the end of a test so workflows still waiting are torn down, or use
/// `withWorkflowTestEnvironment(workflows:activities:_:)`, which does it.
public final class WorkflowTestEnvironment: Sendable {
    let server: TestServer
    /// A client of the environment; `Contract.Client(client)` gives the typed one.
    public let client: TemporalClient

    /// - Parameters:
    ///   - workflows: the implementations to run, e.g. `[MyWorkflow.registration]`.
    ///   - activities: the activities they call, e.g. `MyActivities().registrations` or
    ///     `Contract.MockActivities().registrations`.
    ///   - namespace: the namespace the workflows run in (`context.info.namespace`).
    ///   - startTime: the virtual clock's start.
    ///   - maximumActivityAttempts: the attempts of an activity whose retry policy sets no
    ///     limit (a real server retries forever); retries happen without waiting.
    ///   - dataConverter: its payload and failure converters are used; payload codecs are not
    ///     run in-process.
    ///   - logger: the base of each workflow's and activity's `context.logger`, and where the
    ///     environment reports failed workflow tasks.
    ///   - clientInterceptors: the chain every call of `client` runs through, first one outermost.
    ///   - workerInterceptors: the chain the workflows' and activities' calls run through, first
    ///     one outermost; activities see the headers of their schedule command.
    public init(
        workflows: [WorkflowRegistration],
        activities: [ActivityRegistration] = [],
        namespace: String = "default",
        startTime: Date = Date(),
        maximumActivityAttempts: Int = 10,
        dataConverter: DataConverter = .default,
        logger: Logger = Logger(label: "temporal.test-environment"),
        clientInterceptors: [any ClientInterceptor] = [],
        workerInterceptors: [any WorkerInterceptor] = []
    ) {
        let converter = DataConverter(payloadConverter: dataConverter.payloadConverter, failureConverter: dataConverter.failureConverter)
        server = TestServer(
            namespace: namespace,
            workflows: workflows,
            activities: activities,
            dataConverter: converter,
            startTime: startTime,
            maximumActivityAttempts: maximumActivityAttempts,
            logger: logger,
            workerInterceptors: workerInterceptors
        )
        client = TemporalClient(transport: server, dataConverter: converter, interceptors: clientInterceptors)
    }

    /// The environment's transport, for clients built by hand.
    public var transport: any TemporalTransport { server }

    /// The virtual clock.
    public func now() async -> Date {
        await server.now
    }

    /// Moves the clock forward, firing the timers due on the way, and lets the workflows run.
    public func skipTime(by duration: Duration) async {
        await server.skip(by: duration)
    }

    /// The history of a run (the latest run of the workflow ID when no run ID is given), with
    /// the event types and fields a Temporal server writes.
    public func history(of execution: WorkflowExecution) async throws -> Temporal_Api_History_V1_History {
        try await server.history(of: execution)
    }

    /// The history as JSON in the shape `temporal workflow show --output json` writes.
    public func historyJSON(of execution: WorkflowExecution) async throws -> String {
        try await history(of: execution).jsonString()
    }

    /// What the engine reported about a run: handlers still running when it completed, signals
    /// without a handler or with an undecodable input.
    public func warnings(of execution: WorkflowExecution) async throws -> [String] {
        try await server.warnings(of: execution)
    }

    /// Tears down every workflow still running and stops their activities.
    public func shutdown() async {
        await server.shutdown()
    }
}

extension TestServer {
    func skip(by duration: Duration) async {
        let target = now.addingTimeInterval(duration.timeInterval)
        // Scheduled actions are due on the same clock as timers, so both fire in time order.
        while let next = [timers.map(\.fireAt).min(), nextScheduledActionTime()].compactMap({ $0 }).min(), next <= target {
            advanceClock(to: next)
            await takeDueScheduledActions()
            await pump()
        }
        now = max(now, target)
        await pump()
    }

    func history(of execution: WorkflowExecution) throws -> Temporal_Api_History_V1_History {
        var history = Temporal_Api_History_V1_History()
        history.events = try self.execution(execution).events
        return history
    }

    func warnings(of execution: WorkflowExecution) throws -> [String] {
        try self.execution(execution).engine?.warnings ?? []
    }

    func shutdown() {
        for execution in executions {
            for attempt in execution.activities.values {
                attempt.cancellation.set()
                attempt.task.cancel()
            }
            execution.engine?.tearDown()
        }
        timers.removeAll()
    }
}
