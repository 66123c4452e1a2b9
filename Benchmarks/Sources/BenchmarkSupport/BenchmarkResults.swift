import Foundation

/// The machine-readable record of one benchmark run, written to `Benchmarks/Results/<name>.json` so
/// the next person can compare runs without scraping the printed tables.
///
/// Each figure is a named number with its unit, and, where the benchmark measures both SDKs, the
/// Python figure and the ratio in the same record.
public struct BenchmarkResults: Codable, Sendable {
    /// One measured figure.
    public struct Figure: Codable, Sendable {
        /// What was measured, for example `cpu-ms-per-workflow/one-activity`.
        public var name: String
        /// The unit of `swift` and `python`, for example `ms`, `MB/s`, `bytes`.
        public var unit: String
        /// The Swift side's figure.
        public var swift: Double
        /// The Python SDK's figure from the same run, when the benchmark measures one.
        public var python: Double?
        /// How many times better Swift is (oriented so that above 1 means Swift leads), when both ran.
        public var ratio: Double?
        /// The target for `ratio` or `swift`, in words, when it names one.
        public var target: String?

        /// Creates a figure; `ratio` is computed from `swift` and `python` by `lowerIsBetter`.
        public init(
            name: String,
            unit: String,
            swift: Double,
            python: Double? = nil,
            lowerIsBetter: Bool = true,
            target: String? = nil
        ) {
            self.name = name
            self.unit = unit
            self.swift = swift
            self.python = python
            if let python, swift > 0, python > 0 {
                self.ratio = lowerIsBetter ? python / swift : swift / python
            }
            self.target = target
        }
    }

    /// The benchmark's executable name.
    public var benchmark: String
    /// When the run finished, in RFC 3339.
    public var date: String
    /// The command line that produced the figures.
    public var command: String
    /// The machine: core count and physical memory.
    public var machine: String
    /// Every figure of the run, in the order printed.
    public var figures: [Figure]
    /// Free-form notes (the options used, what bounded a figure).
    public var notes: [String]

    /// Starts a record for `benchmark`, capturing the command line and the machine.
    public init(benchmark: String, notes: [String] = []) {
        self.benchmark = benchmark
        self.date = ISO8601DateFormatter().string(from: Date())
        self.command = CommandLine.arguments.joined(separator: " ")
        let info = ProcessInfo.processInfo
        self.machine = "\(info.activeProcessorCount) cores, \(info.physicalMemory / (1 << 20)) MiB"
        self.figures = []
        self.notes = notes
    }

    /// Adds a figure.
    public mutating func record(_ figure: Figure) {
        figures.append(figure)
    }

    /// Writes the record to `Benchmarks/Results/<benchmark>.json` (or `path`), pretty-printed with
    /// sorted keys so successive runs diff cleanly, and prints where it went.
    public func write(to path: String? = nil) throws {
        let url =
            path.map { URL(fileURLWithPath: $0) }
            ?? BenchmarkResults.resultsDirectory.appendingPathComponent("\(benchmark).json")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: url)
        print("results written to \(url.path)")
    }

    /// `Benchmarks/Results`, found from this source file's location so it works from any directory.
    public static var resultsDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // BenchmarkSupport
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // Benchmarks
            .appendingPathComponent("Results")
    }
}
