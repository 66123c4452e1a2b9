import Foundation
import Synchronization
import Metrics
import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsWorker
import TemporalDevServer
import Testing

/// A dev server, the Python worker of the Warehouse contract's workflows, and a Swift
/// `ActivityWorker` serving its activities. Started once per suite by `.warehouseWorkers`.
final class WarehouseEnvironment: Sendable {
    static let workflowTaskQueue = "warehouse-workflows"
    static let activityTaskQueue = "warehouse-activities"

    let server: DevServer
    let pythonWorker: PythonWorker
    let connection: TemporalConnection
    let activityWorker: ActivityWorker
    let activityWorkerRun: Task<Void, any Error>
    let client: Warehouse.Client
    /// Workers a test added, and work it started, stopped with the environment.
    private let extras = Mutex<[@Sendable () async -> Void]>([])

    @TaskLocal static var current: WarehouseEnvironment?

    static func require() throws -> WarehouseEnvironment {
        try #require(current, "the suite needs the .warehouseWorkers trait")
    }

    private init(server: DevServer, pythonWorker: PythonWorker, connection: TemporalConnection, activityWorker: ActivityWorker) {
        self.server = server
        self.pythonWorker = pythonWorker
        self.connection = connection
        self.activityWorker = activityWorker
        activityWorkerRun = Task { try await activityWorker.run() }
        client = Warehouse.Client(TemporalClient(connection: connection))
    }

    static func start(
        activities: WarehouseActivities = WarehouseActivities(),
        maxConcurrentActivities: Int = 100,
        gracefulShutdownTimeout: Duration = .seconds(10),
        metricsFactory: (any MetricsFactory)? = nil
    ) async throws -> WarehouseEnvironment {
        let server = try await DevServer.start(DevServerOptions(searchDirectory: PythonPeer.repositoryRoot))
        do {
            let pythonWorker = try await PythonWorker.start(
                script: "warehouse_worker.py",
                arguments: ["--address", server.address, "--namespace", server.namespace, "--workflow-task-queue", workflowTaskQueue]
            )
            let connection = try await TemporalConnection.connect(
                TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
            )
            let activityWorker = ActivityWorker(
                connection: connection,
                activities: activities.registrations,
                options: ActivityWorkerOptions(
                    taskQueue: activityTaskQueue,
                    maxConcurrentActivities: maxConcurrentActivities,
                    gracefulShutdownTimeout: gracefulShutdownTimeout,
                    metricsFactory: metricsFactory
                )
            )
            return WarehouseEnvironment(server: server, pythonWorker: pythonWorker, connection: connection, activityWorker: activityWorker)
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Starts another activity worker on the environment's connection; stopped with it.
    func startWorker(_ activities: WarehouseActivities, options: ActivityWorkerOptions) -> (ActivityWorker, Task<Void, any Error>) {
        let worker = ActivityWorker(connection: connection, activities: activities.registrations, options: options)
        let run = Task { try await worker.run() }
        onStop {
            worker.shutdown()
            _ = await run.result
        }
        return (worker, run)
    }

    /// Registers cleanup that runs when the environment stops, before the server goes.
    func onStop(_ cleanup: @escaping @Sendable () async -> Void) {
        extras.withLock { $0.append(cleanup) }
    }

    func stop() async {
        for cleanup in extras.withLock({ $0 }) { await cleanup() }
        activityWorker.shutdown()
        _ = await activityWorkerRun.result
        await connection.close()
        await pythonWorker.stop()
        await server.stop()
    }

    /// Start options for a Python workflow of the contract: its own task queue and a fresh ID.
    static func workflowOptions(_ prefix: String) -> WorkflowStartOptions {
        WorkflowStartOptions(id: "\(prefix)-\(UUID().uuidString)", taskQueue: workflowTaskQueue)
    }
}

struct WarehouseWorkersTrait: SuiteTrait, TestScoping {
    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        let environment = try await WarehouseEnvironment.start()
        do {
            try await WarehouseEnvironment.$current.withValue(environment, operation: function)
        } catch {
            await environment.stop()
            throw error
        }
        await environment.stop()
    }
}

extension Trait where Self == WarehouseWorkersTrait {
    /// Runs the suite against a dev server with Python workflows and the Swift activity worker.
    static var warehouseWorkers: Self { WarehouseWorkersTrait() }
}
