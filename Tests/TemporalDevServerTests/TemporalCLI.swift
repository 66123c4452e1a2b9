import Foundation
import TemporalDevServer

/// Runs the same Temporal CLI the dev server runs, as a client, for checks against a server.
enum TemporalCLI {
    /// How a CLI run ended (`nil`: killed after the timeout) and its combined output.
    typealias Outcome = (termination: ChildProcess.Termination?, output: String)

    /// Where the search for the repository's `.venv/bin/temporal` starts.
    static let searchDirectory = URL(filePath: #filePath).deletingLastPathComponent()

    static func options(
        port: Int? = nil,
        databaseFile: URL? = nil,
        startupTimeout: Duration = .seconds(60)
    ) -> DevServerOptions {
        DevServerOptions(searchDirectory: searchDirectory, port: port, databaseFile: databaseFile, startupTimeout: startupTimeout)
    }

    /// Runs `temporal` with `arguments` and returns how it ended and its combined output.
    static func run(_ arguments: [String], timeout: Duration = .seconds(30)) async throws -> Outcome {
        let executable = try DevServerOptions.locateTemporalCLI(searchingUpwardFrom: searchDirectory)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try ChildProcess(
            executable: executable,
            arguments: arguments,
            standardOutput: directory.appending(path: "output.log")
        )
        let termination = await process.waitForExit(timeout: timeout)
        if termination == nil { await process.stop(gracePeriod: .seconds(1)) }
        return (termination, process.standardOutputText())
    }

    /// `temporal operator namespace describe` of `namespace` on `server`.
    static func describeNamespace(_ namespace: String, at address: String) async throws -> Outcome {
        try await run([
            "operator", "namespace", "describe", "--namespace", namespace, "--address", address, "--command-timeout", "20s",
        ])
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appending(path: "dev-server-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
