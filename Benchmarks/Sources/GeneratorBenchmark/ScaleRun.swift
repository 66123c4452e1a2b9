import BenchmarkSupport
import Foundation
import SyntheticContracts
import TemporalContractsGenerator

/// The scale run: synthetic contracts of 1/8, 1/4, 1/2 and all of the full size, each generated end
/// to end (load, resolve and validate, translate and render, write the files), to show that the time
/// grows linearly with the contract and stays under the target at full size.
///
/// Each stage is timed in process CPU time as well as wall time: the generator works on one thread,
/// so on an idle machine the two agree, and on this shared 2-core machine the CPU time is the figure
/// that does not depend on what else runs. The verdict uses the CPU time; the wall time is printed.
struct ScaleRun {
    var types: Int
    var workflows: Int
    var runs: Int

    /// How much slower per YAML line the full size may be than the smallest and still count as linear.
    static let linearityTolerance = 1.5

    struct Row {
        var fraction: String
        var summary: String
        var yamlLines: Int
        var outputLines: Int
        var load: Double
        var generate: Double
        var write: Double
        var total: Double
        var wall: Double
        var microsecondsPerLine: Double { total * 1_000 / Double(yamlLines) }
    }

    func run(pipeline: GeneratorPipeline, scratch: String, record: inout BenchmarkResults) throws -> Bool {
        print("scale run: \(types) types and \(workflows) workflows at full size; median of \(runs) runs after one warm-up")
        print("stages in ms of process CPU time (the verdict's figure); wall time last. Load: \(Self.loadAverage())")
        let fractions: [(String, Int)] = [("1/8", 8), ("1/4", 4), ("1/2", 2), ("1", 1)]
        var rows: [Row] = []
        var progress = Progress("scale run sizes", total: fractions.count, every: .seconds(1))
        for (label, divisor) in fractions {
            var contract = SyntheticContract()
            contract.typeCount = types / divisor
            contract.workflowCount = workflows / divisor
            contract.handlerCountPerKind = workflows / divisor
            contract.activityCount = workflows / divisor / 2
            rows.append(try measure(contract, label: label, pipeline: pipeline, scratch: scratch))
            progress.update(rows.count)
        }
        print("")
        let header =
            pad("size", 5) + pad("contract", 70) + lpad("YAML lines", 11) + lpad("Swift lines", 12) + lpad("load", 8)
            + lpad("generate", 9) + lpad("write", 8) + lpad("CPU ms", 8) + lpad("µs/line", 9) + lpad("wall ms", 9)
        print(header)
        print(String(repeating: "-", count: header.count))
        for row in rows {
            print(
                pad(row.fraction, 5) + pad(row.summary, 70) + lpad("\(row.yamlLines)", 11) + lpad("\(row.outputLines)", 12)
                    + lpad(format(row.load, digits: 0), 8) + lpad(format(row.generate, digits: 0), 9)
                    + lpad(format(row.write, digits: 0), 8) + lpad(format(row.total, digits: 0), 8)
                    + lpad(format(row.microsecondsPerLine, digits: 1), 9) + lpad(format(row.wall, digits: 0), 9)
            )
            record.record(.init(name: "scale-cpu-ms/\(row.fraction)", unit: "ms", swift: row.total))
            record.record(.init(name: "scale-wall-ms/\(row.fraction)", unit: "ms", swift: row.wall))
            record.record(.init(name: "scale-us-per-yaml-line/\(row.fraction)", unit: "µs", swift: row.microsecondsPerLine))
        }
        guard let smallest = rows.first, let full = rows.last else { return false }
        let growth = full.microsecondsPerLine / smallest.microsecondsPerLine
        let linear = growth <= Self.linearityTolerance
        let fast = full.total < GeneratorBenchmark.scaleTargetMilliseconds
        record.record(
            .init(name: "scale-cpu-ms/full", unit: "ms", swift: full.total, target: "< 3000 ms, linear in size")
        )
        record.notes.append("scale run: time per YAML line at full size is \(format(growth, digits: 2))× that at 1/8")
        print("")
        print(
            (linear && fast ? "PASS" : "FAIL")
                + ": full size generated in \(format(full.total, digits: 0)) ms of CPU, median (target < "
                + "\(Int(GeneratorBenchmark.scaleTargetMilliseconds)) ms); time per YAML line at full size is "
                + "\(format(growth, digits: 2))× that at 1/8 (linear: ≤ \(format(Self.linearityTolerance, digits: 1))×)"
        )
        return linear && fast
    }

    /// One warm-up and `runs` timed runs of the whole command's work, split by stage.
    func measure(_ contract: SyntheticContract, label: String, pipeline: GeneratorPipeline, scratch: String) throws -> Row {
        let (yaml, summary) = contract.make()
        let file = "Synthetic/synthetic.temporal.yaml"
        let clock = ContinuousClock()
        var loads: [Double] = []
        var generates: [Double] = []
        var writes: [Double] = []
        var totals: [Double] = []
        var walls: [Double] = []
        var outputLines = 0
        for run in 0...runs {
            let directory = "\(scratch)/scale-\(label.replacingOccurrences(of: "/", with: "-"))-\(run)"
            let wallStart = clock.now
            let cpuStart = Self.cpuMilliseconds()
            let (contracts, diagnostics) = ContractLoader.load([file]) { _ in yaml }
            let cpuLoaded = Self.cpuMilliseconds()
            let result = try pipeline.generate(contracts, diagnostics: diagnostics)
            let cpuGenerated = Self.cpuMilliseconds()
            try OutputWriter.write(result.files, to: directory)
            let cpuWritten = Self.cpuMilliseconds()
            let wall = clock.now - wallStart
            try? FileManager.default.removeItem(atPath: directory)
            if result.hasErrors {
                let first = result.diagnostics.first { $0.severity == .error }
                GeneratorBenchmark.fail("the \(label) synthetic contract does not generate: \(first?.formatted ?? "?")")
            }
            outputLines = result.files.reduce(0) { $0 + GeneratorBenchmark.lineCount($1.contents) }
            guard run > 0 else { continue }
            loads.append(cpuLoaded - cpuStart)
            generates.append(cpuGenerated - cpuLoaded)
            writes.append(cpuWritten - cpuGenerated)
            totals.append(cpuWritten - cpuStart)
            walls.append(wall.milliseconds)
        }
        return Row(
            fraction: label,
            summary: "\(summary.typeCount) types, \(summary.workflowCount) workflows, \(summary.handlerCount) handlers",
            yamlLines: GeneratorBenchmark.lineCount(yaml),
            outputLines: outputLines,
            load: median(loads),
            generate: median(generates),
            write: median(writes),
            total: median(totals),
            wall: median(walls)
        )
    }

    /// CPU time the process has used, in milliseconds (`CLOCK_PROCESS_CPUTIME_ID`).
    static func cpuMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1_000 + Double(time.tv_nsec) / 1e6
    }

    /// The 1, 5 and 15 minute load averages.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "n/a" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
