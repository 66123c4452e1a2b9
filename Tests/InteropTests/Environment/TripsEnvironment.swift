import Foundation
import InteropWorkflows
import TemporalContracts
import TemporalContractsGRPC
import TemporalDevServer
import Testing

/// A dev server with both halves of the Trips contract — the Swift worker process (BookTrip and
/// the other Swift workflows, and the Fulfillment workflows on `swiftFulfillmentQueue`) and the
/// Python worker (its activities and workflows, and Python's Fulfillment workflows on
/// `pythonFulfillmentQueue`) — and a Swift client. Started once per suite by `.tripsWorkers`.
final class TripsEnvironment: Sendable {
    static let swiftQueue = "trips-swift"
    /// The Python half's queue (`trips.py`'s TASK_QUEUE).
    static let pythonQueue = "trips-python"
    static let swiftFulfillmentQueue = "fulfillment-swift"
    static let pythonFulfillmentQueue = "fulfillment-python"

    let server: DevServer
    let pythonWorker: PythonWorker
    let pythonFulfillmentWorker: PythonWorker
    let swiftWorker: SwiftWorkerProcess
    let connection: TemporalConnection
    let client: Trips.Client
    /// Where Python's RecordCleanup writes the tokens it cleaned up.
    let cleanupLog: URL

    @TaskLocal static var current: TripsEnvironment?

    static func require() throws -> TripsEnvironment {
        try #require(current, "the suite needs the .tripsWorkers trait")
    }

    private init(
        server: DevServer,
        pythonWorker: PythonWorker,
        pythonFulfillmentWorker: PythonWorker,
        swiftWorker: SwiftWorkerProcess,
        connection: TemporalConnection,
        cleanupLog: URL
    ) {
        self.server = server
        self.pythonWorker = pythonWorker
        self.pythonFulfillmentWorker = pythonFulfillmentWorker
        self.swiftWorker = swiftWorker
        self.connection = connection
        self.cleanupLog = cleanupLog
        client = Trips.Client(TemporalClient(connection: connection))
    }

    static func start() async throws -> TripsEnvironment {
        let server = try await DevServer.start(DevServerOptions(searchDirectory: PythonPeer.repositoryRoot))
        var started: [PythonWorker] = []
        do {
            let cleanupLog = FileManager.default.temporaryDirectory.appending(path: "trips-cleanup-\(UUID().uuidString).log")
            let pythonWorker = try await PythonWorker.start(
                script: "trips_worker.py",
                arguments: ["--address", server.address, "--namespace", server.namespace],
                environment: ["TRIPS_CLEANUP_LOG": cleanupLog.path, "TRIPS_SWIFT_QUEUE": swiftQueue]
            )
            started.append(pythonWorker)
            let pythonFulfillmentWorker = try await PythonWorker.start(
                script: "fulfillment_worker.py",
                arguments: ["--address", server.address, "--namespace", server.namespace, "--task-queue", pythonFulfillmentQueue]
            )
            started.append(pythonFulfillmentWorker)
            let swiftWorker = try await SwiftWorkerProcess.start(
                address: server.address,
                namespace: server.namespace,
                taskQueue: swiftQueue,
                fulfillmentQueue: swiftFulfillmentQueue
            )
            let connection = try await TemporalConnection.connect(
                TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
            )
            return TripsEnvironment(
                server: server,
                pythonWorker: pythonWorker,
                pythonFulfillmentWorker: pythonFulfillmentWorker,
                swiftWorker: swiftWorker,
                connection: connection,
                cleanupLog: cleanupLog
            )
        } catch {
            for worker in started { await worker.stop() }
            await server.stop()
            throw error
        }
    }

    func stop() async {
        await connection.close()
        await swiftWorker.stop()
        await pythonWorker.stop()
        await pythonFulfillmentWorker.stop()
        await server.stop()
        try? FileManager.default.removeItem(at: cleanupLog)
    }

    /// A Swift worker process of its own, on its own task queue, for tests that stop, restart
    /// or kill it.
    func startSwiftWorker(
        taskQueue: String,
        version: String = "current",
        maxCachedWorkflows: Int = 1_000
    ) async throws -> SwiftWorkerProcess {
        try await SwiftWorkerProcess.start(
            address: server.address,
            namespace: server.namespace,
            taskQueue: taskQueue,
            fulfillmentQueue: taskQueue + "-fulfillment",
            version: version,
            maxCachedWorkflows: maxCachedWorkflows
        )
    }

    /// Runs `trips_client.py` (or `script`) against this server and decodes its JSON line.
    func python(_ arguments: [String], script: String = "trips_client.py") async throws -> [String: Any] {
        let output = try await PythonCommand.run(
            script: script,
            arguments: [arguments[0], "--address", server.address, "--namespace", server.namespace] + arguments.dropFirst(),
            timeout: .seconds(60)
        )
        let line = try #require(output.split(separator: "\n").last, "the Python client printed nothing")
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
    }

    /// The event types of a run's history, as the Python client reads them.
    func eventTypes(_ workflowID: String, runID: String? = nil) async throws -> [String] {
        var arguments = ["history-event-types", "--workflow-id", workflowID]
        if let runID { arguments += ["--run-id", runID] }
        return try #require(try await python(arguments)["types"] as? [String])
    }

    /// Polls `condition` every 200 ms for up to `timeout`.
    func eventually(_ what: String, timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("timed out after \(timeout) waiting until \(what)")
        throw CancellationError()
    }

    /// Writes the run's history as `temporal workflow show --output json` exports it.
    func exportHistory(_ workflowID: String, to file: URL) async throws {
        try await temporalCLI(["workflow", "show", "--workflow-id", workflowID, "--output", "json"], output: file)
    }

    /// What `temporal workflow <command>` prints for a run: `stack` (the `__stack_trace`
    /// query), `metadata` (`__temporal_workflow_metadata`).
    func workflowCommand(_ command: String, _ workflowID: String) async throws -> String {
        let file = FileManager.default.temporaryDirectory.appending(path: "\(command)-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try await temporalCLI(["workflow", command, "--workflow-id", workflowID], output: file)
        return try String(contentsOf: file, encoding: .utf8)
    }

    /// Runs the Temporal CLI against this server, its stdout into `output`.
    private func temporalCLI(_ arguments: [String], output: URL) async throws {
        let stderr = output.appendingPathExtension("stderr")
        defer { try? FileManager.default.removeItem(at: stderr) }
        let process = try ChildProcess(
            executable: try DevServerOptions(searchDirectory: PythonPeer.repositoryRoot).resolvedExecutable(),
            arguments: arguments + ["--address", server.address, "--namespace", server.namespace],
            standardOutput: output,
            standardError: stderr
        )
        let termination = await process.waitForExit(timeout: .seconds(30))
        try #require(
            termination == .exited(0),
            "temporal \(arguments.prefix(2).joined(separator: " ")) failed: \(process.standardErrorText())"
        )
    }
}

struct TripsWorkersTrait: SuiteTrait, TestScoping {
    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        let environment = try await TripsEnvironment.start()
        do {
            try await TripsEnvironment.$current.withValue(environment, operation: function)
        } catch {
            await environment.stop()
            throw error
        }
        await environment.stop()
    }
}

extension Trait where Self == TripsWorkersTrait {
    /// Runs the suite against a dev server with the Swift worker process and the Python workers.
    static var tripsWorkers: Self { TripsWorkersTrait() }
}

extension TripsEnvironment: TestEnvironment {}
