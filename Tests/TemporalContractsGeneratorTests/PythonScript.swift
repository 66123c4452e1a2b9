import Foundation

/// Runs the repository's Python scripts with the virtual environment's interpreter
/// (`.venv`, from Scripts/bootstrap.sh), which has the pinned packages of Tests/requirements.txt.
enum PythonScript {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    struct MissingVirtualEnvironment: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path) is missing: run Scripts/bootstrap.sh to create .venv with the pinned Python packages" }
    }

    static let interpreter = TestSupport.packageRoot.appendingPathComponent(".venv/bin/python")

    /// Runs `script` (relative to the repository) with `arguments`, `input` on its standard input.
    ///
    /// The scripts read all of their input before they write anything, so the input is written
    /// first and the output read after; errors go to a file, which cannot fill up.
    static func run(_ script: String, arguments: [String] = [], input: Data = Data()) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: interpreter.path) else {
            throw MissingVirtualEnvironment(path: interpreter.path)
        }
        let process = Process()
        process.executableURL = interpreter
        process.arguments = [TestSupport.packageRoot.appendingPathComponent(script).path] + arguments
        // No __pycache__ in the source tree.
        process.environment = ProcessInfo.processInfo.environment.merging(["PYTHONDONTWRITEBYTECODE": "1"]) { $1 }
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("python-\(UUID().uuidString).log")
        try Data().write(to: errors)
        defer { try? FileManager.default.removeItem(at: errors) }
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            output: String(decoding: output, as: UTF8.self),
            errors: (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        )
    }
}
