import Foundation
import TemporalDevServer
import Testing

@Suite("Child process")
struct ChildProcessTests {
    @Test("waits for a line of output")
    func waitsForLine() async throws {
        let directory = try TemporalCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try Self.shell("echo starting; sleep 0.2; echo READY; exec sleep 60", in: directory)
        try await process.waitForOutputLine("READY", timeout: .seconds(10))
        #expect(process.isRunning)
        #expect(await process.stop() == .signaled(SIGTERM))
    }

    @Test("an exit before the line is an error with the output")
    func exitBeforeLine() async throws {
        let directory = try TemporalCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try Self.shell("echo 'import failed' >&2; exit 2", in: directory)
        let error = await #expect(throws: ChildProcessError.self) {
            try await process.waitForOutputLine("READY", timeout: .seconds(10))
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("import failed"))
        #expect(process.termination == .exited(2))
    }

    @Test("a wait for a line that never comes is bounded")
    func lineTimeout() async throws {
        let directory = try TemporalCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try Self.shell("echo READY-ish; exec sleep 60", in: directory)
        await #expect(throws: ChildProcessError.self) {
            try await process.waitForOutputLine("READY", timeout: .milliseconds(300))
        }
        await process.stop()
    }

    // Swift concurrency threads block most signals and a child inherits the spawning thread's
    // mask; SIGTERM must still reach the child, or every stop would wait out its grace period.
    @Test("SIGTERM reaches a child spawned from a concurrency thread")
    func sigtermIsNotBlocked() async throws {
        let directory = try TemporalCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for _ in 0..<5 {
            let process = try Self.shell("echo READY; exec sleep 60", in: directory)
            try await process.waitForOutputLine("READY", timeout: .seconds(10))
            #if os(Linux)
            let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
            let blocked = status.split(separator: "\n").first { $0.hasPrefix("SigBlk:") }
            #expect(blocked.map { $0.hasSuffix("0000000000000000") } == true, "\(String(describing: blocked))")
            #endif
            #expect(await process.stop(gracePeriod: .seconds(5)) == .signaled(SIGTERM))
        }
    }

    @Test("stop falls back to SIGKILL when SIGTERM is ignored")
    func stopEscalates() async throws {
        let directory = try TemporalCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try Self.shell("trap '' TERM; echo READY; while true; do sleep 0.1; done", in: directory)
        try await process.waitForOutputLine("READY", timeout: .seconds(10))
        #expect(await process.stop(gracePeriod: .milliseconds(300)) == .signaled(SIGKILL))
    }

    @Test("separate standard error")
    func separateStandardError() async throws {
        let directory = try TemporalCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try ChildProcess(
            executable: URL(filePath: "/bin/sh"),
            arguments: ["-c", "echo out; echo err >&2"],
            standardOutput: directory.appending(path: "out"),
            standardError: directory.appending(path: "err")
        )
        #expect(await process.waitForExit(timeout: .seconds(10)) == .exited(0))
        #expect(process.standardOutputText() == "out\n")
        #expect(process.standardErrorText() == "err\n")
    }

    private static func shell(_ script: String, in directory: URL) throws -> ChildProcess {
        try ChildProcess(
            executable: URL(filePath: "/bin/sh"),
            arguments: ["-c", script],
            standardOutput: directory.appending(path: "output.log")
        )
    }
}
