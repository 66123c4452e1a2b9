import Foundation
import TemporalDevServer

/// Where the Python side of the interop tests lives: the repository's virtual environment and the
/// scripts in `Tests/InteropTests/python`.
enum PythonPeer {
    /// `Tests/InteropTests/python`.
    static let scriptsDirectory = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "python")

    /// The repository root, three levels above this file.
    static let repositoryRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The repository's `.venv/bin/python`, which has the pinned `temporalio`.
    static func python() throws -> URL {
        let python = repositoryRoot.appending(path: ".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw PythonPeerError(
                description: "\(python.path) is missing: run Scripts/bootstrap.sh to create .venv with the pinned Python packages"
            )
        }
        return python
    }

    /// A script in `scriptsDirectory`, or `name` itself when it is an absolute path.
    static func script(_ name: String) throws -> URL {
        let script = name.hasPrefix("/") ? URL(filePath: name) : scriptsDirectory.appending(path: name)
        guard FileManager.default.fileExists(atPath: script.path) else {
            throw PythonPeerError(description: "the Python script \(script.path) does not exist")
        }
        return script
    }

    /// `environment` plus what every peer needs: unbuffered output, so `READY` and results reach
    /// the log file as soon as they are printed, and no `__pycache__` in the source tree.
    static func environment(_ environment: [String: String]) -> [String: String] {
        ["PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1"].merging(environment) { $1 }
    }

    /// A new temporary directory for a peer's output files.
    /// Runs `script` with the venv's Python, its output in `directory` (`stdout.log`, `stderr.log`).
    static func launch(
        _ script: URL,
        arguments: [String],
        environment: [String: String],
        in directory: URL
    ) throws -> ChildProcess {
        try ChildProcess(
            executable: try python(),
            arguments: [script.path] + arguments,
            environment: Self.environment(environment),
            standardOutput: directory.appending(path: "stdout.log"),
            standardError: directory.appending(path: "stderr.log")
        )
    }

    static func temporaryDirectory(_ prefix: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appending(path: "\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}

/// A Python peer that could not be run, or failed.
struct PythonPeerError: Error, CustomStringConvertible {
    let description: String
}
