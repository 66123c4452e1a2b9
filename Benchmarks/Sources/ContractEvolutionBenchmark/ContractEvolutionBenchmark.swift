import ArgumentParser
import BenchmarkSupport
import Foundation
import SyntheticContracts
import TemporalContractsGenerator

/// Measures `temporal-contracts breaking` on the synthetic contract (1,000 types, 200 workflows)
/// against a version with 100 planted changes, and checks that every planted change is reported
/// exactly once and nothing else is; then `temporal-contracts docs` on the same contract.
///
///     swift run -c release --package-path Benchmarks ContractEvolutionBenchmark [--runs N] [--changes N]
@main
struct ContractEvolutionBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "`breaking` and `docs` on the synthetic contract, with planted changes checked one by one."
    )
    static let targetMilliseconds = 1_000.0

    @Option(help: "Measured runs of each case, after one warm-up.")
    var runs = 5
    @Option(help: "How many changes to plant into the new version.")
    var changes = 100
    @Option(help: "Where to write the JSON results (default: Benchmarks/Results/ContractEvolutionBenchmark.json).")
    var results: String?

    func run() async throws {
        let runs = max(1, runs)
        let changes = max(1, changes)
        let targetMilliseconds = Self.targetMilliseconds
        var record = BenchmarkResults(benchmark: "ContractEvolutionBenchmark")
        let (yaml, summary) = SyntheticContract().make()
        let file = "Synthetic/synthetic.temporal.yaml"
        print(
            "ContractEvolutionBenchmark: \(runs) measured runs after one warm-up; median wall time by ContinuousClock "
                + "and process CPU time (the verdict's figure)"
        )
        print("synthetic contract: \(summary)")

        let clock = ContinuousClock()
        func load() throws -> [ContractModel] {
            let (syntax, loadDiagnostics) = ContractLoader.load([file]) { _ in yaml }
            let (models, diagnostics) = ContractResolver.resolve(syntax)
            guard !loadDiagnostics.hasErrors, !diagnostics.hasErrors else { throw BenchmarkError.invalidContract }
            return models
        }
        let old = try load()
        var new = old
        var planted = PlantedChanges()
        planted.plant(changes, into: &new[0])
        print("planted changes: \(planted.expected.count)")

        // Correctness first: each planted change once, nothing else.
        let report = CompatibilityChecker.check(old: old, new: new)
        let found = report.findings.map { PlantedChanges.Expectation(rule: $0.rule, element: $0.element) }
        let missing = Set(planted.expected).subtracting(found)
        let unexpected = found.filter { !Set(planted.expected).contains($0) }
        let repeated = Dictionary(grouping: found, by: { $0 }).filter { $0.value.count > 1 }
        print(
            "findings: \(report.findings.count) (\(report.count(.error)) errors, \(report.count(.warning)) warnings, "
                + "\(report.count(.info)) info); missing \(missing.count), unexpected \(unexpected.count), repeated \(repeated.count)"
        )
        for item in missing.sorted(by: { $0.element < $1.element }) { print("  missing \(item.rule.rawValue) \(item.element)") }
        for item in unexpected { print("  unexpected \(item.rule.rawValue) \(item.element)") }

        var checkTimes: [Double] = []
        var wholeTimes: [Double] = []
        var wholeCPUTimes: [Double] = []
        for run in 0...runs {
            let check = clock.measure { _ = CompatibilityChecker.check(old: old, new: new) }
            // The whole command's work: both versions read and resolved from YAML (the new version's
            // text has the same size), then compared.
            let wholeCPUStart = Self.cpuMilliseconds()
            let whole = try clock.measure {
                let previous = try load()
                var current = try load()
                var again = PlantedChanges()
                again.plant(changes, into: &current[0])
                _ = CompatibilityChecker.check(old: previous, new: current)
            }
            if run > 0 {
                checkTimes.append(check.milliseconds)
                wholeTimes.append(whole.milliseconds)
                wholeCPUTimes.append(Self.cpuMilliseconds() - wholeCPUStart)
            }
        }
        let checkMedian = median(checkTimes)
        let wholeMedian = median(wholeTimes)
        let wholeCPUMedian = median(wholeCPUTimes)
        record.record(.init(name: "breaking-comparison-ms", unit: "ms", swift: checkMedian))
        record.record(.init(name: "breaking-whole-ms", unit: "ms", swift: wholeMedian))
        record.record(.init(name: "breaking-whole-cpu-ms", unit: "ms", swift: wholeCPUMedian, target: "< 1000 ms"))
        record.record(.init(name: "planted-changes-missing", unit: "count", swift: Double(missing.count), target: "0"))
        record.record(.init(name: "planted-changes-unexpected", unit: "count", swift: Double(unexpected.count), target: "0"))
        print("breaking, comparison only:            \(format(checkMedian)) ms")
        print(
            "breaking, load both versions + check: \(format(wholeMedian)) ms, \(format(wholeCPUMedian)) ms of CPU "
                + "(target < \(format(targetMilliseconds)) ms)"
        )

        // `temporal-contracts docs`: load, resolve and render every page.
        let documentation = try DocumentationGenerator()
        var docsCPUMedians: [DocumentationFormat: Double] = [:]
        for documentationFormat in DocumentationFormat.allCases {
            var times: [Double] = []
            var cpuTimes: [Double] = []
            var pages = 0
            var bytes = 0
            for run in 0...runs {
                let cpuStart = Self.cpuMilliseconds()
                let elapsed = try clock.measure {
                    let files = try documentation.render(try load(), format: documentationFormat)
                    pages = files.count
                    bytes = files.reduce(0) { $0 + $1.contents.utf8.count }
                }
                if run > 0 {
                    times.append(elapsed.milliseconds)
                    cpuTimes.append(Self.cpuMilliseconds() - cpuStart)
                }
            }
            docsCPUMedians[documentationFormat] = median(cpuTimes)
            record.record(.init(name: "docs-ms/\(documentationFormat.rawValue)", unit: "ms", swift: median(times)))
            record.record(
                .init(
                    name: "docs-cpu-ms/\(documentationFormat.rawValue)",
                    unit: "ms",
                    swift: median(cpuTimes),
                    target: "< 1000 ms"
                )
            )
            print(
                "docs --format \(documentationFormat.rawValue), load + render: \(format(median(times))) ms, "
                    + "\(format(median(cpuTimes))) ms of CPU "
                    + "(\(pages) pages, \(bytes / 1024) KiB; target < \(format(targetMilliseconds)) ms)"
            )
        }
        // Verdicts on CPU time: the work runs on one thread, so it is the wall time of an idle machine.
        let docsFast = docsCPUMedians.values.allSatisfy { $0 < targetMilliseconds }
        let passed =
            missing.isEmpty && unexpected.isEmpty && repeated.isEmpty && wholeCPUMedian < targetMilliseconds && docsFast
        print(passed ? "PASS" : "FAIL")
        try record.write(to: results)
        if !passed { throw ExitCode.failure }
    }

    enum BenchmarkError: Error {
        case invalidContract
    }

    func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// CPU time the process has used, in milliseconds (`CLOCK_PROCESS_CPUTIME_ID`).
    static func cpuMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1_000 + Double(time.tv_nsec) / 1e6
    }
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }
}
