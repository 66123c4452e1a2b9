import ArgumentParser
import BenchmarkSupport
import Foundation
import SyntheticContracts
import TemporalContractsGenerator

/// Measures the generator end to end (YAML text → load → resolve → translate → render) on a large
/// synthetic contract and on the example contract, in memory and writing to a temporary folder; then
/// the scale run: synthetic contracts of 1/8, 1/4, 1/2 and all of `--types` types and `--workflows`
/// workflows, to show the time grows linearly and stays under 3 s at full size.
///
///     swift run -c release --package-path Benchmarks GeneratorBenchmark [options]
@main
struct GeneratorBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The code generator end to end on the synthetic and example contracts, and at scale."
    )
    static let timeTargetMilliseconds = 1_000.0
    static let memoryTargetMiB = 200.0
    static let scaleTargetMilliseconds = 3_000.0

    @Option(help: "Measured runs of each case, after one warm-up.")
    var runs = 5
    @Option(help: "The example contract (default: ../Examples/Contracts/orders.temporal.yaml).")
    var example: String?
    @Option(help: "Also write the synthetic contract's YAML to this path.")
    var dump: String?
    @Option(help: "Also write the Swift generated from the synthetic contract into this folder.")
    var emit: String?
    @Flag(help: "Skip the per-stage profile of the synthetic contract.")
    var noStages = false
    @Option(help: "Types of the scale run's full-size contract.")
    var types = 5_000
    @Option(help: "Workflows of the scale run's full-size contract (signals, queries and updates: as many each; activities: half).")
    var workflows = 1_000
    @Option(help: "Measured runs of each scale-run size, after one warm-up.")
    var scaleRuns = 3
    @Flag(help: "Skip the scale run.")
    var noScale = false
    @Flag(help: "Only the scale run.")
    var scaleOnly = false
    @Option(help: "Where to write the JSON results (default: Benchmarks/Results/GeneratorBenchmark.json).")
    var results: String?

    func run() async throws {
        var record = BenchmarkResults(benchmark: "GeneratorBenchmark")
        let pipeline = try GeneratorPipeline()
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("generator-benchmark-\(ProcessInfo.processInfo.processIdentifier)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var passed = true
        if !scaleOnly {
            passed = try runFixedCases(pipeline: pipeline, scratch: scratch, record: &record) && passed
        }
        if !noScale {
            let scale = ScaleRun(types: types, workflows: workflows, runs: scaleRuns)
            passed = try scale.run(pipeline: pipeline, scratch: scratch, record: &record) && passed
        }
        try record.write(to: results)
        if !passed { throw ExitCode.failure }
    }

    /// The synthetic contract of 1,000 types and the example, each in memory and writing files.
    func runFixedCases(pipeline: GeneratorPipeline, scratch: String, record: inout BenchmarkResults) throws -> Bool {
        let baselineMiB = Memory.value("VmRSS")

        print(
            "GeneratorBenchmark: \(runs) measured runs after one warm-up; wall time by ContinuousClock, and process "
                + "CPU time (the verdict's figure: the generator works on one thread, so on an idle machine the two "
                + "agree); load: \(ScaleRun.loadAverage())"
        )
        print(
            "peak memory: VmHWM of /proc/self/status" + (Memory.canResetPeak ? ", reset before each scenario" : "")
                + (baselineMiB.map { "; the process starts at \(Self.format($0)) MiB resident" } ?? "")
        )
        print("")

        // The small, real contract (and what it imports), read once into memory.
        let example = try Self.loadExample(self.example ?? Self.defaultExamplePath())
        // The large synthetic contract.
        let clock = ContinuousClock()
        var synthetic: (yaml: String, summary: SyntheticContract.Summary)!
        let synthesisTime = clock.measure { synthetic = SyntheticContract().make() }
        let syntheticFile = "Synthetic/synthetic.temporal.yaml"
        let syntheticInput = Input(name: "synthetic", entry: syntheticFile, files: [syntheticFile: synthetic.yaml])
        if let dump {
            try synthetic.yaml.write(toFile: dump, atomically: true, encoding: .utf8)
        }
        print("synthetic contract: \(synthetic.summary)")
        print(
            "  \(synthetic.yaml.utf8.count) bytes, \(Self.lineCount(synthetic.yaml)) lines of YAML, "
                + "synthesized in \(Self.format(synthesisTime.milliseconds)) ms"
        )
        print("example contract: \(example.entry) (+ \(example.files.count - 1) imported)")
        print("")

        // Both must generate without errors before anything is measured.
        for input in [example, syntheticInput] {
            try Self.validate(input, pipeline: pipeline)
        }
        if let emit {
            let (contracts, diagnostics) = ContractLoader.load([syntheticFile], readFile: syntheticInput.readFile)
            try OutputWriter.write(try pipeline.generate(contracts, diagnostics: diagnostics).files, to: emit)
        }

        var rows: [Row] = []
        for input in [example, syntheticInput] {
            rows.append(try Self.measure(input, runs: runs, pipeline: pipeline, writeTo: nil))
            rows.append(try Self.measure(input, runs: runs, pipeline: pipeline, writeTo: scratch))
        }
        Self.printTable(rows)
        for row in rows {
            let name = "\(row.input.replacingOccurrences(of: " ", with: "-"))/\(row.mode.replacingOccurrences(of: " ", with: "-"))"
            record.record(.init(name: "median-ms/\(name)", unit: "ms", swift: row.median))
            record.record(.init(name: "median-cpu-ms/\(name)", unit: "ms", swift: row.cpuMedian, target: "< 1000 ms"))
            if let peak = row.peakMiB { record.record(.init(name: "peak-MiB/\(name)", unit: "MiB", swift: peak)) }
        }

        if !noStages {
            print("")
            print("stages, synthetic contract (median of \(runs) runs, ms):")
            let stages = try Self.profile(syntheticInput, runs: runs, pipeline: pipeline)
            for (name, milliseconds) in stages {
                print("  " + name.padding(toLength: 46, withPad: " ", startingAt: 0) + Self.pad(Self.format(milliseconds), 9))
            }
        }

        print("")
        let syntheticRows = rows.filter { $0.input == syntheticInput.name }
        // CPU time: the generator works on one thread, so it is the wall time of an idle machine.
        let worstTime = syntheticRows.map(\.cpuMedian).max() ?? .infinity
        let worstPeak = syntheticRows.compactMap(\.peakMiB).max() ?? Memory.peakMiB() ?? .infinity
        let passed = worstTime < Self.timeTargetMilliseconds && worstPeak < Self.memoryTargetMiB
        print(
            (passed ? "PASS" : "FAIL")
                + ": synthetic contract generated in \(Self.format(worstTime)) ms of CPU, median (target < \(Int(Self.timeTargetMilliseconds)) ms), "
                + "peak \(Self.format(worstPeak)) MiB (target < \(Int(Self.memoryTargetMiB)) MiB)"
        )
        print("")
        return passed
    }

    // MARK: Inputs

    /// Contract files held in memory, by path, and the file to generate from.
    struct Input: Equatable {
        var name: String
        var entry: String
        var files: [String: String]

        var readFile: ContractLoader.ReadFile {
            let files = files
            return { path in
                guard let text = files[path] else {
                    throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
                }
                return text
            }
        }
    }

    /// `../Examples/Contracts/orders.temporal.yaml` from this package, or from the working directory.
    static func defaultExamplePath() -> String {
        let relative = "Examples/Contracts/orders.temporal.yaml"
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            packageRoot.deletingLastPathComponent().appendingPathComponent(relative).path,
            FileManager.default.currentDirectoryPath + "/../" + relative,
            FileManager.default.currentDirectoryPath + "/" + relative,
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[0]
    }

    /// Reads the example and every file it imports from disk once, recording their text.
    static func loadExample(_ path: String) throws -> Input {
        guard FileManager.default.fileExists(atPath: path) else {
            fail("the example contract \(path) does not exist; pass its path with --example")
        }
        let recorder = Recorder()
        let (contracts, diagnostics) = ContractLoader.load([path]) { file in
            let text = try String(contentsOfFile: file, encoding: .utf8)
            recorder.files[file] = text
            return text
        }
        if contracts.isEmpty || diagnostics.hasErrors {
            fail("cannot load \(path):\n" + diagnostics.all.map(\.formatted).joined(separator: "\n"))
        }
        let entry = contracts.last!.syntax.file
        return Input(name: "orders example", entry: entry, files: recorder.files)
    }

    final class Recorder {
        var files: [String: String] = [:]
    }

    /// Runs the pipeline once and stops the benchmark with every diagnostic if there is an error.
    static func validate(_ input: Input, pipeline: GeneratorPipeline) throws {
        let (contracts, loadDiagnostics) = ContractLoader.load([input.entry], readFile: input.readFile)
        let result = try pipeline.generate(contracts, diagnostics: loadDiagnostics)
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        if result.hasErrors || result.files.isEmpty {
            print("error: the \(input.name) contract does not generate:")
            for diagnostic in result.diagnostics { print("  " + diagnostic.formatted) }
            Foundation.exit(2)
        }
        if !warnings.isEmpty {
            print("note: the \(input.name) contract has \(warnings.count) warning(s), first: \(warnings[0].formatted)")
        }
    }

    // MARK: Measuring

    struct Row {
        var input: String
        var mode: String
        var runs: Int
        var min: Double
        var median: Double
        /// The median process CPU time: the figure that does not depend on what else runs.
        var cpuMedian: Double
        var files: Int
        var bytes: Int
        var lines: Int
        var peakMiB: Double?
    }

    /// One warm-up, then `runs` timed runs of load + generate (+ write into a fresh folder).
    static func measure(_ input: Input, runs: Int, pipeline: GeneratorPipeline, writeTo scratch: String?) throws -> Row {
        let clock = ContinuousClock()
        var times: [Double] = []
        var cpuTimes: [Double] = []
        var files: [GeneratedFile] = []
        Memory.resetPeak()
        for run in 0...runs {
            let directory = scratch.map { "\($0)/\(input.name.replacingOccurrences(of: " ", with: "-"))-\(run)" }
            var result: GeneratorPipeline.Result?
            let cpuStart = ScaleRun.cpuMilliseconds()
            let elapsed = try clock.measure {
                let (contracts, diagnostics) = ContractLoader.load([input.entry], readFile: input.readFile)
                result = try pipeline.generate(contracts, diagnostics: diagnostics)
                if let directory {
                    try OutputWriter.write(result!.files, to: directory)
                }
            }
            if result!.hasErrors { fail("\(input.name): errors in a measured run") }
            if run > 0 {
                times.append(elapsed.milliseconds)
                cpuTimes.append(ScaleRun.cpuMilliseconds() - cpuStart)
            }
            files = result!.files
            if let directory { try? FileManager.default.removeItem(atPath: directory) }
        }
        let peak = Memory.peakMiB()
        times.sort()
        return Row(
            input: input.name,
            mode: scratch == nil ? "in memory" : "write files",
            runs: runs,
            min: times[0],
            median: times[times.count / 2],
            cpuMedian: BenchmarkSupport.median(cpuTimes),
            files: files.count,
            bytes: files.reduce(0) { $0 + $1.contents.utf8.count },
            lines: files.reduce(0) { $0 + lineCount($1.contents) },
            peakMiB: peak
        )
    }

    /// A coarse split of the in-memory run: loading (YAML parsing into syntax), resolving alone,
    /// and generating (resolve + translate + render); translate + render is their difference.
    static func profile(_ input: Input, runs: Int, pipeline: GeneratorPipeline) throws -> [(String, Double)] {
        let clock = ContinuousClock()
        var load: [Double] = []
        var resolve: [Double] = []
        var generate: [Double] = []
        var typesOnly: [Double] = []
        var definitionsOnly: [Double] = []
        var typesPipeline = pipeline
        typesPipeline.options.outputs = [.types]
        var definitionsPipeline = pipeline
        definitionsPipeline.options.outputs = [.definitions]
        for run in 0...runs {
            var contracts: [ContractResolver.Input] = []
            var diagnostics = Diagnostics()
            let loadTime = clock.measure {
                (contracts, diagnostics) = ContractLoader.load([input.entry], readFile: input.readFile)
            }
            let resolveTime = clock.measure { _ = ContractResolver.resolve(contracts) }
            var result: GeneratorPipeline.Result?
            let generateTime = try clock.measure { result = try pipeline.generate(contracts, diagnostics: diagnostics) }
            precondition(result?.hasErrors == false)
            let typesTime = try clock.measure { _ = try typesPipeline.generate(contracts, diagnostics: diagnostics) }
            let definitionsTime = try clock.measure {
                _ = try definitionsPipeline.generate(contracts, diagnostics: diagnostics)
            }
            if run > 0 {
                typesOnly.append(typesTime.milliseconds)
                definitionsOnly.append(definitionsTime.milliseconds)
                load.append(loadTime.milliseconds)
                resolve.append(resolveTime.milliseconds)
                generate.append(generateTime.milliseconds)
            }
        }
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        return [
            ("load (YAML text → syntax)", median(load)),
            ("resolve + validate", median(resolve)),
            ("translate + render (generate − resolve)", max(0, median(generate) - median(resolve))),
            ("generate (resolve + translate + render)", median(generate)),
            ("  of which the Types file (− resolve)", max(0, median(typesOnly) - median(resolve))),
            ("  of which the Definitions file (− resolve)", max(0, median(definitionsOnly) - median(resolve))),
        ]
    }

    // MARK: Output

    static func printTable(_ rows: [Row]) {
        let header = ["contract", "mode", "runs", "min ms", "median ms", "CPU ms", "files", "bytes", "lines", "peak MiB"]
        let widths = [16, 12, 5, 9, 10, 8, 6, 10, 8, 9]
        let table = rows.map { row in
            [
                row.input, row.mode, "\(row.runs)", format(row.min), format(row.median), format(row.cpuMedian), "\(row.files)",
                "\(row.bytes)", "\(row.lines)", row.peakMiB.map { format($0) } ?? "n/a",
            ]
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).enumerated().map { index, pair in
                index < 2 ? pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0) : pad(pair.0, pair.1)
            }.joined(separator: " ")
        }
        print(line(header))
        print(String(repeating: "-", count: widths.reduce(widths.count - 1, +)))
        for cells in table { print(line(cells)) }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    static func format(_ value: Double) -> String {
        value.isFinite ? String(format: "%.1f", value) : "n/a"
    }

    static func lineCount(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte == UInt8(ascii: "\n") { count += 1 }
        if let last = text.utf8.last, last != UInt8(ascii: "\n") { count += 1 }
        return count
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        Foundation.exit(2)
    }
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }
}

/// The process's resident-memory high-water mark, which Linux can reset (`clear_refs` value 5).
enum Memory {
    static let canResetPeak = FileManager.default.isWritableFile(atPath: "/proc/self/clear_refs")

    static func resetPeak() {
        guard canResetPeak else { return }
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// `VmHWM` in MiB, or nil where /proc is not available.
    static func peakMiB() -> Double? { value("VmHWM") }

    /// A `kB` field of /proc/self/status in MiB.
    static func value(_ field: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            let kilobytes = line.dropFirst(field.count + 1).split(whereSeparator: \.isWhitespace).first.flatMap { Double($0) }
            return kilobytes.map { $0 / 1024 }
        }
        return nil
    }
}
