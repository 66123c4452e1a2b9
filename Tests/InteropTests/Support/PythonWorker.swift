import Foundation
import TemporalDevServer

/// A long-running Python script, such as a Temporal worker, that prints a line `READY` once it
/// serves and runs until SIGTERM.
final class PythonWorker: Sendable {
    let process: ChildProcess
    /// The temporary directory with the script's stdout and stderr, removed with the worker.
    let directory: URL

    private init(process: ChildProcess, directory: URL) {
        self.process = process
        self.directory = directory
    }

    deinit {
        // Releasing the process kills it if it still runs.
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `script` (a file in `Tests/InteropTests/python`, or an absolute path) with the
    /// repository's Python and waits until it prints `READY`.
    ///
    /// - Throws: `PythonPeerError` if Python or the script is missing, or the script exits or
    ///   stays silent for `readyTimeout`; the message carries the end of its stdout and stderr.
    static func start(
        script: String,
        arguments: [String] = [],
        environment: [String: String] = [:],
        readyTimeout: Duration = .seconds(60)
    ) async throws -> PythonWorker {
        _ = try PythonPeer.python()  // fails first with "run Scripts/bootstrap.sh" when missing
        let script = try PythonPeer.script(script)
        let directory = try PythonPeer.temporaryDirectory("python-worker")
        let process: ChildProcess
        do {
            process = try PythonPeer.launch(script, arguments: arguments, environment: environment, in: directory)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw PythonPeerError(description: "could not start the Python worker \(script.lastPathComponent): \(error)")
        }
        do {
            try await process.waitForOutputLine("READY", timeout: readyTimeout)
        } catch {
            await process.stop(gracePeriod: .seconds(5))
            try? FileManager.default.removeItem(at: directory)
            throw PythonPeerError(description: "the Python worker \(script.lastPathComponent) did not become ready: \(error)")
        }
        return PythonWorker(process: process, directory: directory)
    }

    var isRunning: Bool { process.isRunning }

    /// The end of the worker's stdout and stderr, for failure messages.
    func outputTail(lines: Int = 40) -> String {
        process.outputTail(lines: lines)
    }

    /// Stops the worker: SIGTERM, then SIGKILL if it has not exited within `gracePeriod`.
    /// Safe to call more than once.
    @discardableResult
    func stop(gracePeriod: Duration = .seconds(10)) async -> ChildProcess.Termination? {
        await process.stop(gracePeriod: gracePeriod)
    }
}
