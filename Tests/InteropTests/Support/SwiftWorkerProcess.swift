import Foundation
import TemporalDevServer

/// The `interop-worker` executable (Tests/InteropWorker) run as a separate process, so a test
/// can stop it, restart it with other workflow code, or kill it outright.
final class SwiftWorkerProcess: Sendable {
    let process: ChildProcess
    let directory: URL

    private init(process: ChildProcess, directory: URL) {
        self.process = process
        self.directory = directory
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The executable `swift build` put beside this test bundle.
    static func executable() throws -> URL {
        let candidates = [
            URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent(),
            URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent().deletingLastPathComponent(),
            PythonPeer.repositoryRoot.appending(path: ".build/debug"),
        ].map { $0.appending(path: "interop-worker") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw PythonPeerError(
                description: "interop-worker was not built; run `swift build --build-tests` (looked in \(candidates.map(\.path)))"
            )
        }
        return found
    }

    /// Starts a worker serving the Trips workflows in `version` on `taskQueue` (and Fulfillment
    /// on `fulfillmentQueue`) and waits until it polls.
    static func start(
        address: String,
        namespace: String,
        taskQueue: String,
        fulfillmentQueue: String,
        version: String = "current",
        maxCachedWorkflows: Int = 1_000
    ) async throws -> SwiftWorkerProcess {
        let directory = try PythonPeer.temporaryDirectory("swift-worker")
        let process = try ChildProcess(
            executable: try executable(),
            arguments: [
                "--address", address, "--namespace", namespace, "--task-queue", taskQueue,
                "--fulfillment-queue", fulfillmentQueue, "--version", version, "--max-cached-workflows", "\(maxCachedWorkflows)",
            ],
            standardOutput: directory.appending(path: "stdout.log"),
            standardError: directory.appending(path: "stderr.log")
        )
        do {
            try await process.waitForOutputLine("READY", timeout: .seconds(30))
        } catch {
            await process.stop(gracePeriod: .seconds(2))
            throw PythonPeerError(description: "interop-worker did not start: \(error)\n\(process.outputTail())")
        }
        return SwiftWorkerProcess(process: process, directory: directory)
    }

    /// SIGTERM: the worker finishes what it holds and releases its sticky queue.
    func stop() async {
        await process.stop(gracePeriod: .seconds(15))
    }

    /// SIGKILL: the worker vanishes mid-task, as in a crash.
    func kill() async {
        Foundation.kill(process.processIdentifier, SIGKILL)
        _ = await process.waitForExit(timeout: .seconds(10))
    }

    func log() -> String {
        process.standardErrorText()
    }
}
