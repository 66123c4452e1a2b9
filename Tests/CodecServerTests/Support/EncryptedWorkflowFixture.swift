import Foundation
import TemporalContracts
import TemporalContractsGRPC
import TemporalDevServer

/// Workflows whose history holds encrypted payloads: a Swift client with the AES codec starts one
/// on a task queue no worker polls, so its start event keeps the encrypted input for the CLI and
/// the web UI to show.
enum EncryptedWorkflowFixture {
    /// The repository root, where `.venv/bin/temporal` and `.build` are.
    static let repositoryRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private static let greeting = WorkflowDefinition<String, String>(name: "CodecServerGreeting", input: .single(), output: .single())

    /// Starts a workflow with `input` encoded by `codecs` and returns its execution.
    static func start(on server: DevServer, input: String, codecs: [any PayloadCodec]) async throws -> WorkflowExecution {
        let connection = try await TemporalConnection.connect(
            TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
        )
        do {
            let client = TemporalClient(connection: connection, dataConverter: DataConverter(codecs: codecs))
            let execution = try await client.start(
                greeting,
                input: input,
                options: WorkflowStartOptions(id: "codec-server-\(UUID().uuidString.lowercased())", taskQueue: "codec-server-no-worker")
            )
            await connection.close()
            return execution
        } catch {
            await connection.close()
            throw error
        }
    }

    /// A fresh directory for a test's files, removed by the caller.
    static func temporaryDirectory(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appending(path: "\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Runs `executable` to completion within `timeout` and returns how it ended (`nil` if it
    /// timed out) and its output.
    static func run(
        _ executable: URL,
        _ arguments: [String],
        in directory: URL,
        timeout: Duration = .seconds(120)
    ) async throws -> (termination: ChildProcess.Termination?, output: String, error: String) {
        let name = UUID().uuidString
        let process = try ChildProcess(
            executable: executable,
            arguments: arguments,
            standardOutput: directory.appending(path: "\(name).out"),
            standardError: directory.appending(path: "\(name).err")
        )
        let termination = await process.waitForExit(timeout: timeout)
        // Timed out: `nil` tells the caller, and the process is not left running.
        if termination == nil { await process.stop(gracePeriod: .seconds(5)) }
        return (termination, process.standardOutputText(), process.standardErrorText())
    }
}
