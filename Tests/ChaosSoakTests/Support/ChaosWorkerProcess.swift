#if canImport(Glibc)
import Foundation
import TemporalDevServer

/// One `chaos-worker` process (Tests/ChaosWorker), which the soak starts, stops, kills and samples.
final class ChaosWorkerProcess: Sendable {
    let process: ChildProcess
    let name: String

    private init(process: ChildProcess, name: String) {
        self.process = process
        self.name = name
    }

    /// The executable `swift build` put beside this test bundle.
    static func executable() throws -> URL {
        let candidates = [
            URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent(),
            URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent().deletingLastPathComponent(),
            SoakSettings.repositoryRoot.appending(path: ".build/debug"),
        ].map { $0.appending(path: "chaos-worker") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw SoakError("chaos-worker was not built; run `swift build --build-tests` (looked in \(candidates.map(\.path)))")
        }
        return found
    }

    /// Starts a worker on `taskQueue` through `address`, its output in `directory`/`name`.log,
    /// and waits until it polls.
    static func start(name: String, address: String, taskQueue: String, logDirectory: URL) async throws -> ChaosWorkerProcess {
        let process = try ChildProcess(
            executable: try executable(),
            arguments: ["--address", address, "--task-queue", taskQueue, "--log-directory", logDirectory.path],
            standardOutput: logDirectory.appending(path: "\(name).out"),
            standardError: logDirectory.appending(path: "\(name).log")
        )
        do {
            try await process.waitForOutputLine("READY", timeout: .seconds(60))
        } catch {
            await process.stop(gracePeriod: .seconds(2))
            throw SoakError("chaos-worker \(name) did not start: \(error)\n\(process.outputTail())")
        }
        return ChaosWorkerProcess(process: process, name: name)
    }

    /// SIGTERM: the worker finishes what it holds, then exits.
    func terminate() async {
        await process.stop(gracePeriod: .seconds(20))
    }

    /// SIGKILL: the worker vanishes mid-task, as in a crash.
    func kill() async {
        Foundation.kill(process.processIdentifier, SIGKILL)
        _ = await process.waitForExit(timeout: .seconds(10))
    }

    /// The resident set size in kilobytes (VmRSS in /proc/<pid>/status), nil once it has exited.
    func residentKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8) else {
            return nil
        }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
    }

    func log() -> String { process.standardErrorText() }
}
#endif
