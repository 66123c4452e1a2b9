import Foundation
import InteropWorkflows
import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsWorker
import TemporalDevServer
import Testing

/// A dev server and, in this process, a Swift workflow worker of the Fulfillment workflows and a
/// Swift activity worker of the Warehouse activities, both logging into a capture: what the
/// hostile Python peer (`python/hostile_client.py`) sends its inputs to.
final class HostileInputEnvironment: Sendable {
    static let workflowTaskQueue = "hostile-workflows"
    static let activityTaskQueue = "hostile-activities"

    let server: DevServer
    let connection: TemporalConnection
    let logs: LogCapture
    private let workflowWorker: WorkflowWorker
    private let activityWorker: ActivityWorker
    private let runs: [Task<Void, any Error>]

    @TaskLocal static var current: HostileInputEnvironment?

    static func require() throws -> HostileInputEnvironment {
        try #require(current, "the suite needs the .hostileInputWorkers trait")
    }

    private init(server: DevServer, connection: TemporalConnection, logs: LogCapture) {
        self.server = server
        self.connection = connection
        self.logs = logs
        let logger = logs.logger(label: "hostile-worker", logLevel: .debug)
        workflowWorker = WorkflowWorker(
            connection: connection,
            workflows: FulfillmentWorkflows.registrations,
            options: WorkflowWorkerOptions(taskQueue: Self.workflowTaskQueue, logger: logger)
        )
        activityWorker = ActivityWorker(
            connection: connection,
            activities: WarehouseActivities().registrations,
            options: ActivityWorkerOptions(taskQueue: Self.activityTaskQueue, logger: logger)
        )
        runs = [Task { [workflowWorker] in try await workflowWorker.run() }, Task { [activityWorker] in try await activityWorker.run() }]
    }

    static func start() async throws -> HostileInputEnvironment {
        let server = try await DevServer.start(DevServerOptions(searchDirectory: PythonPeer.repositoryRoot))
        do {
            let connection = try await TemporalConnection.connect(
                TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
            )
            let environment = HostileInputEnvironment(server: server, connection: connection, logs: LogCapture())
            await environment.workflowWorker.waitUntilPolling()
            return environment
        } catch {
            await server.stop()
            throw error
        }
    }

    func stop() async {
        workflowWorker.shutdown()
        activityWorker.shutdown()
        for run in runs { _ = await run.result }
        await connection.close()
        await server.stop()
    }

    /// Runs one case of the hostile peer and decodes the JSON line it prints.
    func peer(_ hostileCase: String, timeout: Duration = .seconds(60)) async throws -> [String: Any] {
        let output = try await PythonCommand.run(
            script: "hostile_client.py",
            arguments: [
                hostileCase, "--address", server.address, "--namespace", server.namespace, "--task-queue", Self.workflowTaskQueue,
                "--activity-task-queue", Self.activityTaskQueue,
            ],
            timeout: timeout
        )
        let line = try #require(output.split(separator: "\n").last, "the hostile peer printed nothing")
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not an object: \(line)")
    }
}

extension HostileInputEnvironment: TestEnvironment {}

struct HostileInputWorkersTrait: SuiteTrait, TestScoping {
    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        let environment = try await HostileInputEnvironment.start()
        try await environment.use { environment in
            try await HostileInputEnvironment.$current.withValue(environment, operation: function)
        }
    }
}

extension Trait where Self == HostileInputWorkersTrait {
    /// Runs the suite against a dev server with in-process Swift workers that log into a capture.
    static var hostileInputWorkers: Self { HostileInputWorkersTrait() }
}
