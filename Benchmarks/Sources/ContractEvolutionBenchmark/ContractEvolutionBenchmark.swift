import Foundation
import SyntheticContracts
import TemporalContractsGenerator

/// Measures `temporal-contracts breaking` on the synthetic contract (1,000 types, 200 workflows)
/// against a version with 100 planted changes, and checks that every planted change is reported
/// exactly once and nothing else is; then `temporal-contracts docs` on the same contract.
///
///     swift run -c release --package-path Benchmarks ContractEvolutionBenchmark [--runs N] [--changes N]
@main
struct ContractEvolutionBenchmark {
    static let targetMilliseconds = 1_000.0

    static func main() throws {
        var runs = 5
        var changes = 100
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch argument {
            case "--runs": runs = max(1, Int(arguments.popFirst() ?? "") ?? runs)
            case "--changes": changes = max(1, Int(arguments.popFirst() ?? "") ?? changes)
            default:
                print("usage: ContractEvolutionBenchmark [--runs N] [--changes N]")
                exit(2)
            }
        }
        let (yaml, summary) = SyntheticContract().make()
        let file = "Synthetic/synthetic.temporal.yaml"
        print("ContractEvolutionBenchmark: \(runs) measured runs after one warm-up; median wall time by ContinuousClock")
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
        for run in 0...runs {
            let check = clock.measure { _ = CompatibilityChecker.check(old: old, new: new) }
            // The whole command's work: both versions read and resolved from YAML (the new version's
            // text has the same size), then compared.
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
            }
        }
        let checkMedian = median(checkTimes)
        let wholeMedian = median(wholeTimes)
        print("breaking, comparison only:            \(format(checkMedian)) ms")
        print("breaking, load both versions + check: \(format(wholeMedian)) ms (target < \(format(targetMilliseconds)) ms)")

        // `temporal-contracts docs`: load, resolve and render every page.
        let documentation = try DocumentationGenerator()
        var docsMedians: [DocumentationFormat: Double] = [:]
        for documentationFormat in DocumentationFormat.allCases {
            var times: [Double] = []
            var pages = 0
            var bytes = 0
            for run in 0...runs {
                let elapsed = try clock.measure {
                    let files = try documentation.render(try load(), format: documentationFormat)
                    pages = files.count
                    bytes = files.reduce(0) { $0 + $1.contents.utf8.count }
                }
                if run > 0 { times.append(elapsed.milliseconds) }
            }
            docsMedians[documentationFormat] = median(times)
            print(
                "docs --format \(documentationFormat.rawValue), load + render: \(format(median(times))) ms "
                    + "(\(pages) pages, \(bytes / 1024) KiB; target < \(format(targetMilliseconds)) ms)"
            )
        }
        let docsFast = docsMedians.values.allSatisfy { $0 < targetMilliseconds }
        let passed = missing.isEmpty && unexpected.isEmpty && repeated.isEmpty && wholeMedian < targetMilliseconds && docsFast
        print(passed ? "PASS" : "FAIL")
        if !passed { exit(1) }
    }

    enum BenchmarkError: Error {
        case invalidContract
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }
}
