import Foundation

/// `Benchmarks/.venv`, the Python environment every benchmark's Python side runs in.
public enum PythonVenv {
    /// Creates the venv with `python3 -m venv` if it is missing, and installs
    /// `python/requirements.txt` into it whenever that file differs from what was last installed.
    /// Returns the venv's interpreter.
    public static func prepare(benchmarksDirectory directory: URL) throws -> String {
        let venv = directory.appendingPathComponent(".venv")
        let python = venv.appendingPathComponent("bin/python").path
        let requirements = directory.appendingPathComponent("python/requirements.txt")
        let marker = venv.appendingPathComponent("converter-benchmark-requirements.txt")

        if !FileManager.default.isExecutableFile(atPath: python) {
            print("creating \(venv.path) (python3 -m venv)")
            try runChecked(["/usr/bin/env", "python3", "-m", "venv", venv.path])
        }
        let wanted = try Data(contentsOf: requirements)
        if (try? Data(contentsOf: marker)) != wanted {
            print("installing \(requirements.path) into the venv")
            try runChecked([python, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", requirements.path])
            try wanted.write(to: marker)
        }
        return python
    }

    /// Runs a command with the terminal's output, and throws unless it succeeds.
    public static func runChecked(_ command: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommandFailed(command: command, status: process.terminationStatus) }
    }

    public struct CommandFailed: Error, CustomStringConvertible {
        public var command: [String]
        public var status: Int32
        public var description: String { "'\(command.joined(separator: " "))' exited with status \(status)" }
    }
}
