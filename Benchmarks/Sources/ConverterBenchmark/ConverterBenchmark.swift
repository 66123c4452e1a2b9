import ArgumentParser
import BenchmarkSupport
import Foundation
import TemporalContracts

/// Compares payload-converter round trips of the Swift runtime with the Python Temporal SDK, in the
/// same run, on the `dataclass_order` value of the interop vectors.
///
///     swift run -c release --package-path Benchmarks ConverterBenchmark [options]
///
/// Swift round trip: `DefaultPayloadConverter().toPayload(order)` then `fromPayload(_:as: Order.self)`.
/// Python round trip (`python/converter_roundtrip.py`, run in `Benchmarks/.venv`, created and
/// filled from `python/requirements.txt` when missing or stale):
/// `temporalio.converter.default().payload_converter.to_payloads([order])` then
/// `from_payloads(payloads, [Order])`. Both warm up, then run `--runs` times for at least
/// `--seconds` each and report round trips per second; the ratio of the medians is checked against
/// 5×. Before that, each side decodes the other's payload to check they exchange the same JSON.
///
/// Then the payload-size run (`PayloadSizes`): round trips of about 1 KB, 100 KB and 2 MB as
/// `json/plain` and `binary/protobuf`, Swift and Python alternating, in MB/s.
@main
struct ConverterBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Payload-converter round trips, Swift against the Python SDK: the interop order, then payload sizes."
    )
    static let targetRatio = 5.0

    struct Options {
        var runs = 3
        var seconds = 1.0
        var warmup = 0.5
        var python: String?
        var swiftOnly = false
        var stages = true
    }

    @Option(help: "Measured runs of each side (for the payload sizes: alternating rounds).")
    var runs = 3
    @Option(help: "Seconds each run lasts at least.")
    var seconds = 1.0
    @Option(help: "Seconds of warm-up before each side's runs.")
    var warmup = 0.5
    @Option(help: "A Python interpreter with temporalio, instead of Benchmarks/.venv.")
    var python: String?
    @Flag(help: "Measure the Swift side only.")
    var swiftOnly = false
    @Flag(help: "Skip the breakdown of the Swift round trip.")
    var noStages = false
    @Flag(help: "Skip the payload-size run.")
    var noSizes = false
    @Flag(help: "Only the payload-size run.")
    var sizesOnly = false
    @Option(help: "Where to write the JSON results (default: Benchmarks/Results/ConverterBenchmark.json).")
    var results: String?

    func validate() throws {
        guard runs > 0, seconds > 0, warmup > 0 else { throw ValidationError("--runs, --seconds and --warmup must be positive") }
    }

    func run() async throws {
        let options = Options(
            runs: runs,
            seconds: seconds,
            warmup: warmup,
            python: python,
            swiftOnly: swiftOnly,
            stages: !noStages
        )
        var record = BenchmarkResults(benchmark: "ConverterBenchmark")
        var passed = true
        if !sizesOnly {
            passed = try Self.runOrder(options, record: &record) && passed
        }
        if !noSizes {
            if !sizesOnly { print("") }
            let interpreter = swiftOnly ? nil : try python ?? PythonSide.prepareVenv()
            let sizes = PayloadSizes(rounds: runs, seconds: seconds, warmup: warmup, interpreter: interpreter)
            passed = try sizes.run(record: &record) && passed
        }
        try record.write(to: results)
        if !passed { throw ExitCode.failure }
    }

    /// The interop order's round trip, Swift then Python; true when Swift leads by the target.
    static func runOrder(_ options: Options, record: inout BenchmarkResults) throws -> Bool {
        let converter = DefaultPayloadConverter()
        let order = Order.sample

        // The Swift side works before anything is measured.
        let swiftPayload = try converter.toPayload(order)
        guard swiftPayload.encoding == PayloadEncoding.json else {
            fail("the Swift payload has encoding \(swiftPayload.encoding ?? "none"), not json/plain")
        }
        guard try converter.fromPayload(swiftPayload, as: Order.self) == order else {
            fail("the Swift round trip does not give the order back")
        }

        print(
            "ConverterBenchmark: one round trip = toPayload + fromPayload of the interop `dataclass_order` value "
                + "(\(swiftPayload.data.count) bytes of JSON)"
        )
        print(
            "each side warms up for \(format(options.warmup, digits: 1)) s, then \(options.runs) runs of "
                + "≥ \(format(options.seconds, digits: 1)) s; rates are round trips per second"
        )
        print("")

        // Swift first, then Python: never both at once, so each has the cores to itself.
        let swift = try measure(options, runs: options.runs, seconds: options.seconds) {
            let payload = try converter.toPayload(order)
            return try converter.fromPayload(payload, as: Order.self).items.count
        }

        var python: PythonResult?
        var equivalence: Equivalence?
        if !options.swiftOnly {
            let interpreter = try options.python ?? PythonSide.prepareVenv()
            let result = try PythonSide.run(
                interpreter: interpreter,
                runs: options.runs,
                seconds: options.seconds,
                warmup: options.warmup,
                checkPayload: swiftPayload.data
            )
            python = result
            equivalence = try Equivalence.check(
                swiftPayload: swiftPayload,
                python: result,
                order: order,
                converter: converter
            )
        }

        if let equivalence {
            print("same JSON on both sides (checked once, before timing):")
            for line in equivalence.lines { print("  " + line) }
            print("")
        }

        printTable(swift: swift, python: python)

        if options.stages {
            print("")
            try Stages.run(options: options, converter: converter, order: order, payload: swiftPayload, swiftRoundTrip: swift)
        }

        guard let python, let equivalence else {
            record.record(.init(name: "round-trips-per-s/order", unit: "rt/s", swift: swift.median, lowerIsBetter: false))
            return true
        }
        print("")
        let ratio = swift.median / python.rates.median
        record.record(
            .init(
                name: "round-trips-per-s/order",
                unit: "rt/s",
                swift: swift.median,
                python: python.rates.median,
                lowerIsBetter: false,
                target: "≥ 5×"
            )
        )
        guard equivalence.passed else {
            print("FAIL: the two sides do not exchange the same JSON, so the rates are not comparable")
            return false
        }
        let passed = ratio >= targetRatio
        print(
            (passed ? "PASS" : "FAIL")
                + ": Swift does \(format(ratio, digits: 1))× the round trips per second of Python (medians: "
                + "\(formatRate(swift.median)) vs \(formatRate(python.rates.median)); target ≥ \(format(targetRatio, digits: 0))×)"
        )
        return passed
    }

    // MARK: - Output

    static func printTable(swift: Rates, python: PythonResult?) {
        let header =
            pad("side", 8) + pad("converter", 46) + lpad("runs", 5) + lpad("best rt/s", 13) + lpad("median rt/s", 13)
            + lpad("µs/rt", 9)
        print(header)
        print(String(repeating: "-", count: header.count))
        func row(_ side: String, _ name: String, _ rates: Rates) {
            print(
                pad(side, 8) + pad(name, 46) + lpad("\(rates.rates.count)", 5) + lpad(formatRate(rates.best), 13)
                    + lpad(formatRate(rates.median), 13) + lpad(format(1_000_000 / rates.median, digits: 2), 9)
            )
        }
        row("Swift", "TemporalContracts DefaultPayloadConverter", swift)
        if let python {
            row("Python", "temporalio \(python.temporalio) default (CPython \(python.pythonVersion))", python.rates)
            print(String(repeating: "-", count: header.count))
            print(
                pad("ratio", 8) + pad("Swift / Python", 46) + lpad("", 5)
                    + lpad(format(swift.best / python.rates.best, digits: 1) + "×", 13)
                    + lpad(format(swift.median / python.rates.median, digits: 1) + "×", 13)
            )
            print("  all runs, Swift:  " + swift.rates.map(formatRate).joined(separator: ", "))
            print("  all runs, Python: " + python.rates.rates.map(formatRate).joined(separator: ", "))
        } else {
            print("  all runs, Swift:  " + swift.rates.map(formatRate).joined(separator: ", "))
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        Foundation.exit(2)
    }
}

// MARK: - Timing

struct Rates {
    var rates: [Double]
    var best: Double { rates.max() ?? 0 }
    var median: Double {
        let sorted = rates.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// Keeps results alive so the optimizer cannot drop the measured work.
nonisolated(unsafe) var blackHole = 0

/// Warms up, sizing batches to about 10 ms, then runs `runs` times for at least `seconds` each.
/// `body` does one operation and returns something derived from its result.
func measure(_ options: ConverterBenchmark.Options, runs: Int, seconds: Double, _ body: () throws -> Int) throws -> Rates {
    let clock = ContinuousClock()
    func timed(_ seconds: Double, batch: Int) throws -> (count: Int, elapsed: Double) {
        var done = 0
        var sink = 0
        let start = clock.now
        while true {
            for _ in 0..<batch { sink &+= try body() }
            done += batch
            let elapsed = (clock.now - start).seconds
            if elapsed >= seconds {
                blackHole &+= sink
                return (done, elapsed)
            }
        }
    }
    let warmup = try timed(options.warmup, batch: 1)
    let batch = max(1, Int(Double(warmup.count) / warmup.elapsed / 100))
    var rates: [Double] = []
    for _ in 0..<runs {
        let run = try timed(seconds, batch: batch)
        rates.append(Double(run.count) / run.elapsed)
    }
    return Rates(rates: rates)
}
