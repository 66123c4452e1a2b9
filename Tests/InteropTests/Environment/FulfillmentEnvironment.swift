import Foundation
import InteropWorkflows
import TemporalContracts
import TemporalContractsGRPC
import TemporalDevServer
import Testing

/// A dev server, the Python worker of the Fulfillment contract on it, and a Swift client: what
/// the interop suites run against. Started once per suite by the `.fulfillmentWorker` trait.
final class FulfillmentEnvironment: Sendable {
    let server: DevServer
    let worker: PythonWorker
    let connection: TemporalConnection
    let client: Fulfillment.Client

    @TaskLocal static var current: FulfillmentEnvironment?

    /// The environment of the running suite; fails the test if the suite has none.
    static func require() throws -> FulfillmentEnvironment {
        try #require(current, "the suite needs the .fulfillmentWorker trait")
    }

    private init(server: DevServer, worker: PythonWorker, connection: TemporalConnection) {
        self.server = server
        self.worker = worker
        self.connection = connection
        client = Fulfillment.Client(TemporalClient(connection: connection))
    }

    static func start(databaseFile: URL? = nil) async throws -> FulfillmentEnvironment {
        let server = try await DevServer.start(
            DevServerOptions(searchDirectory: PythonPeer.repositoryRoot, databaseFile: databaseFile)
        )
        do {
            let worker = try await PythonWorker.start(
                script: "fulfillment_worker.py",
                arguments: ["--address", server.address, "--namespace", server.namespace, "--task-queue", "fulfillment"]
            )
            let connection = try await TemporalConnection.connect(
                TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
            )
            return FulfillmentEnvironment(server: server, worker: worker, connection: connection)
        } catch {
            await server.stop()
            throw error
        }
    }

    func stop() async {
        await connection.close()
        await worker.stop()
        await server.stop()
    }

    /// Runs the Python client CLI against this environment's server and decodes its JSON line.
    func python(_ arguments: [String]) async throws -> Any {
        let output = try await PythonCommand.run(
            script: "fulfillment_client.py",
            arguments: [arguments[0], "--address", server.address, "--namespace", server.namespace] + arguments.dropFirst(),
            timeout: .seconds(60)
        )
        let line = try #require(output.split(separator: "\n").last, "the Python client printed nothing")
        return try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
    }
}

/// Starts a `FulfillmentEnvironment` around a suite and stops it after.
struct FulfillmentWorkerTrait: SuiteTrait, TestScoping {
    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        let environment = try await FulfillmentEnvironment.start()
        do {
            try await FulfillmentEnvironment.$current.withValue(environment, operation: function)
        } catch {
            await environment.stop()
            throw error
        }
        await environment.stop()
    }
}

extension Trait where Self == FulfillmentWorkerTrait {
    /// Runs the suite against a dev server with the Python worker of the Fulfillment contract.
    static var fulfillmentWorker: Self { FulfillmentWorkerTrait() }
}
