import Foundation
import TemporalDevServer

/// The Python processes of the tracing tests: scripts in `Tests/TracingTests/python` run with the
/// repository's `.venv/bin/python` (Scripts/bootstrap.sh installs Tests/requirements.txt there).
enum PythonTracingPeer {
    static let scriptsDirectory = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "python")
    static let repositoryRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Starts `script` with its output in `directory` (`stdout.log`, `stderr.log`).
    static func launch(_ script: String, arguments: [String], in directory: URL) throws -> ChildProcess {
        let python = repositoryRoot.appending(path: ".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw TracingTestError(description: "\(python.path) is missing: run Scripts/bootstrap.sh")
        }
        return try ChildProcess(
            executable: python,
            arguments: [scriptsDirectory.appending(path: script).path] + arguments,
            environment: ["PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1"],
            standardOutput: directory.appending(path: "stdout.log"),
            standardError: directory.appending(path: "stderr.log")
        )
    }

    /// Starts the Python worker (`tracing_peer.py worker`) on `taskQueue` and waits until it serves.
    static func startWorker(server: DevServer, collector: SpanCollector, taskQueue: String) async throws -> ChildProcess {
        let directory = try temporaryDirectory("python-tracing-worker")
        let process = try launch(
            "tracing_peer.py",
            arguments: ["worker", "--task-queue", taskQueue] + common(server, collector),
            in: directory
        )
        do {
            try await process.waitForOutputLine("READY", timeout: .seconds(90))
        } catch {
            await process.stop(gracePeriod: .seconds(2))
            throw TracingTestError(description: "the Python worker did not start: \(error)\n\(process.outputTail())")
        }
        return process
    }

    /// Runs the Python client (`tracing_peer.py start`): starts the workflow, waits for its result
    /// and returns it.
    static func executeWorkflow(
        server: DevServer,
        collector: SpanCollector,
        type: String,
        id: String,
        taskQueue: String,
        input: String
    ) async throws -> String {
        let directory = try temporaryDirectory("python-tracing-client")
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try launch(
            "tracing_peer.py",
            arguments: ["start", "--workflow-type", type, "--workflow-id", id, "--task-queue", taskQueue, "--input", input]
                + common(server, collector),
            in: directory
        )
        guard let termination = await process.waitForExit(timeout: .seconds(180)) else {
            await process.stop(gracePeriod: .seconds(2))
            throw TracingTestError(description: "the Python client did not finish:\n\(process.outputTail())")
        }
        guard termination == .exited(0) else {
            throw TracingTestError(description: "the Python client \(termination):\n\(process.outputTail())")
        }
        return process.standardOutputText().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func common(_ server: DevServer, _ collector: SpanCollector) -> [String] {
        ["--address", server.address, "--namespace", server.namespace, "--collector", collector.tracesEndpoint]
    }

    static func temporaryDirectory(_ prefix: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appending(path: "\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
