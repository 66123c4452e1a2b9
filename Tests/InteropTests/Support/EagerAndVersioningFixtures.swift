import Foundation
import Synchronization
import GRPCCore
@_spi(Generated) import TemporalContracts
import TemporalAPI
import TemporalContractsGRPC
import TemporalContractsWorker
import TemporalDevServer
import Testing

/// Hand-written definitions for the eager-start and worker-versioning tests: a workflow that
/// echoes its input, and one that waits for a `Release` signal of "go" and returns the build of
/// the worker that ran its last workflow task.
enum EagerAndVersioningFixtures {
    static let echo = WorkflowDefinition<String, String>(
        name: "EagerEcho",
        input: .single(),
        output: .single(),
        defaults: WorkflowDefaults(taskQueue: "eager-echo", enableEagerStart: true)
    )
    static let pinned = WorkflowDefinition<String, String>(
        name: "PinnedWaiter",
        input: .single(),
        output: .single(),
        defaults: WorkflowDefaults(taskQueue: "versioned", versioningBehavior: .pinned)
    )
    static let autoUpgrade = WorkflowDefinition<String, String>(
        name: "AutoUpgradeWaiter",
        input: .single(),
        output: .single(),
        defaults: WorkflowDefaults(taskQueue: "versioned", versioningBehavior: .autoUpgrade)
    )
    static let release = SignalDefinition<String>(name: "Release", input: .single())

    final class Echo: WorkflowImplementation {
        init() {}
        static let registration = WorkflowRegistration(echo, implementation: Echo.self) { _, input, _ in "echo: \(input)" }
    }

    /// The build a waiter names in its result; one type per build, as two builds of the code.
    protocol Build: SendableMetatype { static var id: String { get } }
    enum Build1: Build { static let id = "1.0" }
    enum Build2: Build { static let id = "2.0" }

    final class Waiter<B: Build>: WorkflowImplementation {
        var released = false
        init() {}

        static func registration(_ definition: WorkflowDefinition<String, String>) -> WorkflowRegistration {
            WorkflowRegistration(definition, implementation: Waiter<B>.self) { workflow, _, context in
                try await context.condition { workflow.released }
                return B.id
            } handlers: { table in
                // "go" releases the waiter; anything else only makes a workflow task.
                table.signal(release) { workflow, input, _ in if input == "go" { workflow.released = true } }
            }
        }
    }
}

/// Starts a dev server for one test and stops it, with the connections the test opened.
func withEagerAndVersioningServer(
    _ body: (DevServer, @escaping @Sendable (String) async throws -> TemporalConnection) async throws -> Void
) async throws {
    let server = try await DevServer.start(DevServerOptions(searchDirectory: PythonPeer.repositoryRoot))
    let opened = OpenedConnections()
    do {
        try await body(server) { identity in
            let connection = try await TemporalConnection.connect(
                TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace, identity: identity)
            )
            opened.add(connection)
            return connection
        }
    } catch {
        for connection in opened.all { await connection.close() }
        await server.stop()
        throw error
    }
    for connection in opened.all { await connection.close() }
    await server.stop()
}

final class OpenedConnections: Sendable {
    private let connections = Mutex<[TemporalConnection]>([])
    func add(_ connection: TemporalConnection) { connections.withLock { $0.append(connection) } }
    var all: [TemporalConnection] { connections.withLock { $0 } }
}

/// Runs `worker` for the duration of `body`, then stops it and waits for it to end.
func running<T>(_ worker: TemporalWorker, _ body: () async throws -> T) async throws -> T {
    let run = Task { try await worker.run() }
    await worker.waitUntilPolling()
    do {
        let value = try await body()
        worker.shutdown()
        _ = await run.result
        return value
    } catch {
        worker.shutdown()
        _ = await run.result
        throw error
    }
}

/// The events of a workflow's history, read from the server.
func historyEvents(_ execution: WorkflowExecution, on connection: TemporalConnection) async throws -> [Temporal_Api_History_V1_HistoryEvent]
{
    var request = Temporal_Api_Workflowservice_V1_GetWorkflowExecutionHistoryRequest()
    request.namespace = connection.options.namespace
    request.execution.workflowID = execution.workflowID
    request.execution.runID = execution.runID ?? ""
    return try await connection.workflowService.getWorkflowExecutionHistory(request).history.events
}

/// Bounds a wait: `probe` every 200 ms until it returns a value, for up to `timeout`.
func eventually<Value>(
    _ what: String,
    timeout: Duration = .seconds(30),
    _ probe: () async throws -> Value?
) async throws -> Value {
    let deadline = ContinuousClock.now + timeout
    var lastError: (any Error)?
    while ContinuousClock.now < deadline {
        do {
            if let value = try await probe() { return value }
        } catch {
            lastError = error
        }
        try await Task.sleep(for: .milliseconds(200))
    }
    Issue.record("timed out waiting until \(what); last error: \(lastError.map { "\($0)" } ?? "none")")
    throw CancellationError()
}
