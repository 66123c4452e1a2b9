import BenchmarkSupport
import Foundation

/// One replay process's report: each replay's time and the process's memory before the first
/// replay (history loaded) and at its peak. Each measurement runs in a fresh process so its peak
/// resident memory belongs to that replay alone.
struct ReplayReport: Codable {
    var events: Int
    var seconds: [Double]
    /// `VmRSS` after the history was read, before the first replay, in bytes.
    var rssBefore: Int
    /// `VmHWM` after the replays, in bytes.
    var peakRSS: Int
    var temporalio: String?

    enum CodingKeys: String, CodingKey {
        case events, seconds, temporalio
        case rssBefore = "rss_before"
        case peakRSS = "peak_rss"
    }

    /// The fastest replay of the process: the others differ by noise and first-use costs.
    var best: Double { seconds.min() ?? .nan }
    /// What the replays added to the process's memory at their peak.
    var growth: Int { peakRSS - rssBefore }
}

/// Runs the replay processes: this executable in `--replay-history` mode, and python/history_replay.py.
enum ReplayProcess {
    static var benchmarksDirectory: URL {
        PythonScript.benchmarksDirectory(containing: "history_replay.py")
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    static func swift(history: URL, repeats: Int) throws -> ReplayReport {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        return try run([executable, "--replay-history", history.path, "--repeats", "\(repeats)"], side: "Swift")
    }

    static func python(history: URL, repeats: Int) throws -> ReplayReport {
        let python = try PythonVenv.prepare(benchmarksDirectory: benchmarksDirectory)
        let script = benchmarksDirectory.appendingPathComponent("python/history_replay.py").path
        return try run([python, script, "--history", history.path, "--repeats", "\(repeats)"], side: "Python")
    }

    private static func run(_ command: [String], side: String) throws -> ReplayReport {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        // The temporalio bridge may abort interpreter shutdown after the result line, so the
        // result line, not the exit status, is the test of success.
        guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
            let report = try? JSONDecoder().decode(ReplayReport.self, from: Data(line.utf8))
        else {
            throw BenchmarkError("the \(side) replay printed no result (exit status \(process.terminationStatus)):\n\(text)")
        }
        return report
    }
}
