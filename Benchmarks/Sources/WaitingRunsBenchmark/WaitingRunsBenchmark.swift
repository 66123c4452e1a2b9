import ArgumentParser
import BenchmarkSupport
import Foundation

/// Benchmarks 3 and 4 of the performance issue, Swift worker against the Python SDK's worker on one
/// dev server in one run: the memory each cached idle run costs a worker (`cache-memory`), and the
/// signal → update round trip under thousands of waiting runs (`latency`); the default subcommand
/// (`all`) measures both on the same runs.
@main
struct WaitingRunsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sticky-cache memory per idle run and signal→update latency under many waiting runs, Swift vs Python.",
        subcommands: [AllCommand.self, CacheMemoryCommand.self, LatencyCommand.self, WorkerCommand.self],
        defaultSubcommand: AllCommand.self
    )
}

/// Both measurements: the cache memory at each count, then the latency with the last count of
/// runs waiting on each worker.
struct AllCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Cache memory at each count, then latency under the last count of waiting runs (the default)."
    )

    @OptionGroup var options: WaitingRunsOptions

    func run() async throws {
        try await WaitingRunsSession.run(options, memory: true, latency: true)
    }
}

/// RSS growth per cached idle run.
struct CacheMemoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache-memory",
        abstract: "Worker RSS growth per cached idle run, Swift vs Python, at each count."
    )

    @OptionGroup var options: WaitingRunsOptions

    func run() async throws {
        try await WaitingRunsSession.run(options, memory: true, latency: false)
    }
}

/// Signal → update round trips under the waiting runs.
struct LatencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "latency",
        abstract: "Signal → update-result round trips under the largest count of waiting runs, Swift vs Python workers and clients."
    )

    @OptionGroup var options: WaitingRunsOptions

    func run() async throws {
        try await WaitingRunsSession.run(options, memory: false, latency: true)
    }
}

/// The options the measuring subcommands share.
struct WaitingRunsOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Cached idle runs per worker at which memory is measured, comma-separated, increasing; the last is the latency load.",
            valueName: "n,n,..."
        )
    )
    var counts = CountList([1000, 10000])

    @Option(help: "Runs started per worker before the baseline RSS is read (not counted).")
    var warmup: Int = 100

    @Option(help: "Workflow starts in flight at once.")
    var inFlight: Int = 64

    @Option(help: "Round trips per worker × client pair per round.")
    var roundTrips: Int = 100

    @Option(help: "Latency rounds; each rotates the order of the four worker × client pairs.")
    var rounds: Int = 3

    @Option(
        help: ArgumentHelp(
            "Seconds to wait once a worker is idle before its RSS is read again: gRPC deadline timers of finished calls (70 s for long polls) are freed by then.",
            valueName: "seconds"
        )
    )
    var settle: Int = 0

    @Option(help: "Sticky cache size of both workers (must hold every run).")
    var cache: Int?

    @Option(help: "Where to write the JSON results (default Benchmarks/Results/WaitingRunsBenchmark.json).")
    var results: String?

    func parsedCounts() throws -> [Int] {
        let values = counts.values
        guard values == values.sorted() else {
            throw ValidationError("--counts must be increasing positive numbers, e.g. 1000,10000")
        }
        return values
    }
}
