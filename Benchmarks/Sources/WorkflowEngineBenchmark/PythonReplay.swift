import BenchmarkSupport
import Foundation

/// Runs python/replay_pipeline.py in the benchmarks' venv and reads its result line.
enum PythonReplay {
    struct Result {
        var rates: [Double]
        var temporalio: String
    }

    static var benchmarksDirectory: URL {
        let fromSource = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return [fromSource, current, current.appendingPathComponent("Benchmarks")].first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("python/replay_pipeline.py").path)
        } ?? fromSource
    }

    static func run(history: URL, count: Int, rounds: Int) throws -> Result {
        let python = try PythonVenv.prepare(benchmarksDirectory: benchmarksDirectory)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("replay-pipeline-\(ProcessInfo.processInfo.processIdentifier).out")
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
        // The temporalio bridge can abort interpreter shutdown after the result line; the line counts.
        guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let rates = object["rates"] as? [Double], !rates.isEmpty
        else {
            throw BenchmarkError("the Python replayer printed no result (exit status \(process.terminationStatus)):\n\(text)")
        }
        return Result(rates: rates, temporalio: object["temporalio"] as? String ?? "?")
    }
}
