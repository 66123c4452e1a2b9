import Foundation

/// Finding a benchmark's Python script and reading the result it prints.
public enum PythonScript {
    /// The `Benchmarks/` folder holding `python/<name>`: found from the benchmark's source path
    /// at build time (`sourceFile` three levels down), else from the working directory (`swift
    /// run` from the repository or from `Benchmarks/`); nil when none has it.
    public static func benchmarksDirectory(containing name: String, sourceFile: String = #filePath) -> URL? {
        let fromSource = URL(fileURLWithPath: sourceFile)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return [fromSource, current, current.appendingPathComponent("Benchmarks")].first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("python/\(name)").path)
        }
    }

    /// The last line of `output` that is a JSON object: the scripts print their result last, and
    /// the temporalio bridge may abort interpreter shutdown after it, so the exit status is not
    /// the test of success.
    public static func result(in output: String) -> [String: Any]? {
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("{") }) else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    }
}
