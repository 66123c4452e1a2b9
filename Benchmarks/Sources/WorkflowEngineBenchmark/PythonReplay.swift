import BenchmarkSupport
import Foundation

/// Runs python/replay_pipeline.py in the benchmarks' venv and reads its result line.
enum PythonReplay {
    struct Result {
        var rates: [Double]
        var temporalio: String
    }

    static var benchmarksDirectory: URL {
        PythonScript.benchmarksDirectory(containing: "replay_pipeline.py") ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    static func run(history: URL, count: Int, rounds: Int) throws -> Result {
        let python = try PythonVenv.prepare(benchmarksDirectory: benchmarksDirectory)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "replay-pipeline-\(ProcessInfo.processInfo.processIdentifier).out"
        )
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            benchmarksDirectory.appendingPathComponent("python/replay_pipeline.py").path,
            "--history", history.path, "--count", "\(count)", "--rounds", "\(rounds)",
        ]
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = String(decoding: try Data(contentsOf: output), as: UTF8.self)
        guard let object = PythonScript.result(in: text),
            let rates = object["rates"] as? [Double], !rates.isEmpty
        else {
            throw BenchmarkError("the Python replayer printed no result (exit status \(process.terminationStatus)):\n\(text)")
        }
        return Result(rates: rates, temporalio: object["temporalio"] as? String ?? "?")
    }
}
