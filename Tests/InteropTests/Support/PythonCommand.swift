import Foundation
import TemporalDevServer

/// A Python script run to completion, such as a client command whose stdout a test reads.
enum PythonCommand {
    /// Runs `script` (a file in `Tests/InteropTests/python`, or an absolute path) with the
    /// repository's Python and returns its stdout.
    ///
    /// - Throws: `PythonPeerError`, with the script's stderr, if it exits non-zero or does not
    ///   finish within `timeout` (it is then killed).
    static func run(
        script: String,
        arguments: [String] = [],
        environment: [String: String] = [:],
        timeout: Duration = .seconds(60)
    ) async throws -> String {
        _ = try PythonPeer.python()  // fails first with "run Scripts/bootstrap.sh" when missing
        let script = try PythonPeer.script(script)
        let directory = try PythonPeer.temporaryDirectory("python-command")
        defer { try? FileManager.default.removeItem(at: directory) }
        let process: ChildProcess
        do {
            process = try PythonPeer.launch(script, arguments: arguments, environment: environment, in: directory)
        } catch {
            throw PythonPeerError(description: "could not run \(script.lastPathComponent): \(error)")
        }
        let command = ([script.lastPathComponent] + arguments).joined(separator: " ")
        guard let termination = await process.waitForExit(timeout: timeout) else {
            await process.stop(gracePeriod: .seconds(2))
            throw PythonPeerError(
                description: "python \(command) did not finish within \(timeout); its output ends with:\n\(process.outputTail())"
            )
        }
        guard termination == .exited(0) else {
            throw PythonPeerError(
                description: "python \(command) \(termination); stderr:\n\(process.standardErrorText())\n"
                    + "stdout ends with:\n\(ChildProcess.tail(process.standardOutputText(), lines: 20))"
            )
        }
        return process.standardOutputText()
    }
}
