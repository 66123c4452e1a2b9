import Foundation
import SyntheticContracts
import TemporalContractsGenerator

/// Measures the generator end to end (YAML text → load → resolve → translate → render) on a large
/// synthetic contract and on the example contract, in memory and writing to a temporary folder.
///
///     swift run -c release --package-path Benchmarks GeneratorBenchmark [options]
///
/// Options: `--runs N` (default 5), `--example PATH` (default ../Examples/Contracts/orders.temporal.yaml),
/// `--dump PATH` (also write the synthetic contract there), `--emit DIR` (also write the Swift generated
/// from it there), `--no-stages` (skip the per-stage profile).
@main
struct GeneratorBenchmark {
    static let timeTargetMilliseconds = 1_000.0
    static let memoryTargetMiB = 200.0

    static func main() throws {
        var runs = 5
        var examplePath: String?
        var dumpPath: String?
        var emitDirectory: String?
        var profileStages = true
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch argument {
            case "--runs": runs = max(1, Int(arguments.popFirst() ?? "") ?? runs)
            case "--example": examplePath = arguments.popFirst()
            case "--dump": dumpPath = arguments.popFirst()
            case "--emit": emitDirectory = arguments.popFirst()
            case "--no-stages": profileStages = false
            case "-h", "--help":
                print("usage: GeneratorBenchmark [--runs N] [--example PATH] [--dump PATH] [--emit DIR] [--no-stages]")
                return
            default:
                if examplePath == nil, !argument.hasPrefix("-") {
                    examplePath = argument
                } else {
                    fail("unknown argument '\(argument)'")
                }
            }
        }

        let baselineMiB = Memory.value("VmRSS")
        let pipeline = try GeneratorPipeline()
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("generator-benchmark-\(ProcessInfo.processInfo.processIdentifier)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        print("GeneratorBenchmark: \(runs) measured runs after one warm-up; wall time by ContinuousClock")
        print(
            "peak memory: VmHWM of /proc/self/status" + (Memory.canResetPeak ? ", reset before each scenario" : "")
                + (baselineMiB.map { "; the process starts at \(format($0)) MiB resident" } ?? "")
        )
        print("")

        // The small, real contract (and what it imports), read once into memory.
        let example = try loadExample(examplePath ?? defaultExamplePath())
        // The large synthetic contract.
        let clock = ContinuousClock()
        var synthetic: (yaml: String, summary: SyntheticContract.Summary)!
        let synthesisTime = clock.measure { synthetic = SyntheticContract().make() }
        let syntheticFile = "Synthetic/synthetic.temporal.yaml"
        let syntheticInput = Input(name: "synthetic", entry: syntheticFile, files: [syntheticFile: synthetic.yaml])
        if let dumpPath {
            try synthetic.yaml.write(toFile: dumpPath, atomically: true, encoding: .utf8)
        }
        print("synthetic contract: \(synthetic.summary)")
        print(
            "  \(synthetic.yaml.utf8.count) bytes, \(lineCount(synthetic.yaml)) lines of YAML, "
                + "synthesized in \(format(synthesisTime.milliseconds)) ms"
        )
        print("example contract: \(example.entry) (+ \(example.files.count - 1) imported)")
        print("")

        // Both must generate without errors before anything is measured.
        for input in [example, syntheticInput] {
            try validate(input, pipeline: pipeline)
        }
        if let emitDirectory {
            let (contracts, diagnostics) = ContractLoader.load([syntheticFile], readFile: syntheticInput.readFile)
            try OutputWriter.write(try pipeline.generate(contracts, diagnostics: diagnostics).files, to: emitDirectory)
        }

        var rows: [Row] = []
        for input in [example, syntheticInput] {
            rows.append(try measure(input, runs: runs, pipeline: pipeline, writeTo: nil))
            rows.append(try measure(input, runs: runs, pipeline: pipeline, writeTo: scratch))
        }
        printTable(rows)

        if profileStages {
            print("")
            print("stages, synthetic contract (median of \(runs) runs, ms):")
            let stages = try profile(syntheticInput, runs: runs, pipeline: pipeline)
            for (name, milliseconds) in stages {
                print("  " + name.padding(toLength: 46, withPad: " ", startingAt: 0) + pad(format(milliseconds), 9))
            }
        }

        print("")
        let syntheticRows = rows.filter { $0.input == syntheticInput.name }
        let worstTime = syntheticRows.map(\.median).max() ?? .infinity
        let worstPeak = syntheticRows.compactMap(\.peakMiB).max() ?? Memory.peakMiB() ?? .infinity
        let passed = worstTime < timeTargetMilliseconds && worstPeak < memoryTargetMiB
        print(
            (passed ? "PASS" : "FAIL")
                + ": synthetic contract generated in \(format(worstTime)) ms median (target < \(Int(timeTargetMilliseconds)) ms), "
                + "peak \(format(worstPeak)) MiB (target < \(Int(memoryTargetMiB)) MiB)"
        )
        if !passed { exit(1) }
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
            exit(2)
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
        var files: Int
        var bytes: Int
        var lines: Int
        var peakMiB: Double?
    }

    /// One warm-up, then `runs` timed runs of load + generate (+ write into a fresh folder).
    static func measure(_ input: Input, runs: Int, pipeline: GeneratorPipeline, writeTo scratch: String?) throws -> Row {
        let clock = ContinuousClock()
        var times: [Double] = []
        var files: [GeneratedFile] = []
        Memory.resetPeak()
        for run in 0...runs {
            let directory = scratch.map { "\($0)/\(input.name.replacingOccurrences(of: " ", with: "-"))-\(run)" }
            var result: GeneratorPipeline.Result?
            let elapsed = try clock.measure {
                let (contracts, diagnostics) = ContractLoader.load([input.entry], readFile: input.readFile)
                result = try pipeline.generate(contracts, diagnostics: diagnostics)
                if let directory {
                    try OutputWriter.write(result!.files, to: directory)
                }
            }
            if result!.hasErrors { fail("\(input.name): errors in a measured run") }
            if run > 0 { times.append(elapsed.milliseconds) }
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
        let header = ["contract", "mode", "runs", "min ms", "median ms", "files", "bytes", "lines", "peak MiB"]
        let widths = [16, 12, 5, 9, 10, 6, 10, 8, 9]
        let table = rows.map { row in
            [
                row.input, row.mode, "\(row.runs)", format(row.min), format(row.median), "\(row.files)",
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
        exit(2)
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
