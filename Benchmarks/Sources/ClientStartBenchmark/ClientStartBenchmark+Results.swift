import BenchmarkSupport

extension ClientStartBenchmark {
    /// Writes the medians of the runs to the benchmark's JSON results file.
    static func record(swift: [RunResult], python: [RunResult], options: Options, to path: String?) throws {
        var results = BenchmarkResults(
            benchmark: "ClientStartBenchmark",
            notes: [
                "\(options.count) timed starts per run, \(options.concurrency) in flight, \(options.warmup) warm-up, \(options.rounds) rounds"
                    + (options.raw ? ", --raw" : "") + (options.restartServer ? ", server restarted empty before each run" : "")
            ]
        )
        func pythonMedian(_ value: (RunResult) -> Double) -> Double? { python.isEmpty ? nil : median(python.map(value)) }
        results.record(
            .init(
                name: "starts-per-second",
                unit: "starts/s",
                swift: median(swift.map(\.rate)),
                python: pythonMedian(\.rate),
                lowerIsBetter: false,
                target: "Swift ≥ \(targetRatio)× Python"
            )
        )
        results.record(
            .init(
                name: "start-latency-p50",
                unit: "ms",
                swift: median(swift.map(\.latencyP50)) * 1000,
                python: pythonMedian(\.latencyP50).map { $0 * 1000 }
            )
        )
        results.record(
            .init(
                name: "start-latency-p99",
                unit: "ms",
                swift: median(swift.map(\.latencyP99)) * 1000,
                python: pythonMedian(\.latencyP99).map { $0 * 1000 }
            )
        )
        func cpuPerStart(_ run: RunResult) -> Double { run.clientCPUSeconds / Double(run.count) * 1e6 }
        results.record(
            .init(name: "client-cpu-per-start", unit: "µs", swift: median(swift.map(cpuPerStart)), python: pythonMedian(cpuPerStart))
        )
        try results.write(to: path)
    }
}
