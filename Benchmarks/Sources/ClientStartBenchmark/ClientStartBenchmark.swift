import ArgumentParser
import BenchmarkSupport
import Foundation
import TemporalContractsGRPC
import TemporalDevServer

/// Workflow starts per second through the Swift client and through the Python SDK's client,
/// against the same `temporal server start-dev`, in the same run.
///
///     swift run -c release --package-path Benchmarks ClientStartBenchmark [options]
///
/// Each run connects once, does `--warmup` starts (not timed), then times `--count` starts of
/// `BenchWorkflow` on task queue `bench-starts`, each with its own workflow ID and a one-argument
/// JSON input, with `--concurrency` starts in flight. No worker runs: a start is done once the
/// server has recorded the workflow. Swift goes through `TemporalClient.start` with a
/// `WorkflowDefinition` (so input encoding is included) over one `TemporalConnection`; Python runs
/// `python/client_starts.py` (`Client.connect` then `client.start_workflow`) in `Benchmarks/.venv`.
/// The sides alternate for `--rounds` rounds, never both at once, and the server is restarted
/// empty before every run; the ratio of the median rates is checked against 1× (Swift at least as
/// fast).
///
/// The options are listed by `--help`; the figures also go to `Benchmarks/Results/ClientStartBenchmark.json`.
@main
struct ClientStartBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Workflow starts per second, Swift TemporalClient vs the Python SDK's Client, on one dev server."
    )

    @Option(help: "Timed starts per run.") var count = 2000
    @Option(help: "Starts in flight at once.") var concurrency = 64
    @Option(help: "Untimed warm-up starts per run.") var warmup = 200
    @Option(help: "Rounds; the sides alternate which goes first.") var rounds = 4
    @Option(help: "An interpreter with temporalio, instead of Benchmarks/.venv.") var python: String?
    @Flag(help: "Run the Swift side only.") var swiftOnly = false
    @Flag(
        help:
            "Swift calls the generated WorkflowService client directly (no TemporalClient, no retry loop, no deadline): a diagnostic of the client's overhead."
    )
    var raw = false
    @Flag(help: "The transport does not retry; the benchmark retries starts failing with `unavailable` and counts them.")
    var ownRetries = false
    @Flag(help: "One server process for all runs, instead of restarting it empty before each.") var keepServer = false
    @Option(help: "A running server's HOST:PORT instead of a new dev server.") var address: String?
    @Option(help: "The namespace.") var namespace = "default"
    @Option(help: "Where to write the JSON results (default Benchmarks/Results/ClientStartBenchmark.json).") var results: String?

    static let workflowType = "BenchWorkflow"
    static let taskQueue = "bench-starts"
    static let targetRatio = 1.0

    struct Options: Sendable {
        var count = 2000
        var concurrency = 64
        var warmup = 200
        // Even, so the alternation (S P, P S, S P, P S) gives both sides the same mean position
        // while the server slows down as its database fills.
        var rounds = 4
        var python: String?
        var swiftOnly = false
        var address: String?
        var namespace = "default"
        var restartServer = true
        /// Swift starts through the generated service client, bypassing `TemporalClient` and the transport.
        var raw = false
        /// The transport does not retry; the benchmark retries `unavailable` starts and counts them.
        var ownRetries = false
    }

    enum Side: String {
        case swift = "Swift"
        case python = "Python"
    }

    func run() async throws {
        var options = Options()
        options.count = count
        options.concurrency = concurrency
        options.warmup = warmup
        options.rounds = rounds
        options.python = python
        options.swiftOnly = swiftOnly
        options.address = address
        options.namespace = namespace
        options.restartServer = !keepServer
        options.raw = raw
        options.ownRetries = ownRetries
        for (name, value) in [("--count", count), ("--concurrency", concurrency), ("--rounds", rounds)] where value < 1 {
            throw ValidationError("\(name) needs an integer ≥ 1")
        }
        if warmup < 0 { throw ValidationError("--warmup needs an integer ≥ 0") }
        let interpreter: String?
        do {
            interpreter = options.swiftOnly ? nil : try options.python ?? PythonSide.prepareVenv()
        } catch {
            Self.fail("could not prepare the Python venv: \(error)")
        }

        let server: DevServer?
        let host: String
        let port: Int
        let namespace: String
        do {
            if let address = options.address {
                let parsed = try TemporalConnectionOptions(address: address)
                (server, host, port, namespace) = (nil, parsed.host, parsed.port, options.namespace)
            } else {
                let started = try await DevServer.start(
                    DevServerOptions(searchDirectory: Self.repositoryRoot, namespace: options.namespace)
                )
                (server, host, port, namespace) = (started, started.host, started.port, started.namespace)
            }
        } catch {
            Self.fail("could not start the dev server: \(error)")
        }

        // Every way out stops the server first: `exit` would leave it running.
        let passed: Bool
        do {
            passed = try await Self.run(
                options,
                interpreter: interpreter,
                server: server,
                host: host,
                port: port,
                namespace: namespace,
                resultsPath: results
            )
        } catch {
            await server?.stop()
            Self.fail("\(error)")
        }
        await server?.stop()
        if !passed { throw ExitCode(1) }
    }

    /// Runs the rounds and prints the results; false if Swift missed the target or the sides did
    /// not send the same start.
    static func run(
        _ options: Options,
        interpreter: String?,
        server: DevServer?,
        host: String,
        port: Int,
        namespace: String,
        resultsPath: String?
    ) async throws
        -> Bool
    {
        let address = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        var serverCPU = ServerCPU(port: port)
        // IDs unique to this run, so a reused server never sees a workflow ID twice.
        let token = String(UInt32.random(in: 0...UInt32.max), radix: 36)

        print(
            "ClientStartBenchmark: workflow starts per second, one client connection per run, "
                + "Swift TemporalClient vs Python temporalio Client"
        )
        let load = loadAverage().map { ", load average \($0)" } ?? ""
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores\(load)")
        if let server, let executable = server.options.executable {
            let version = (try? await PythonSide.capture(executable.path, ["--version"]).1)?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            print("server: \(executable.path) server start-dev on \(address) (\(version ?? "version unknown"))")
        } else {
            print("server: \(address) (given with --address)")
        }
        let restarts = options.restartServer && server != nil
        print(
            "each run: \(restarts ? "a fresh (restarted, empty) server, " : "")connect, "
                + "\(formatRate(Double(options.warmup))) warm-up starts, then "
                + "\(formatRate(Double(options.count))) timed starts with \(options.concurrency) in flight; "
                + "\(options.rounds) rounds, the sides alternating (Swift first in odd rounds, Python in even ones)"
        )
        print("")
        fflush(nil)

        var swiftRuns: [RunResult] = []
        var pythonRuns: [RunResult] = []
        var pythonVersion = "?"
        var temporalio = "?"
        var swiftStarted: WireCheck.Started?
        var pythonStarted: WireCheck.Started?
        var isFirstRun = true
        for round in 1...options.rounds {
            let order: [Side] =
                interpreter == nil ? [.swift] : (round % 2 == 1 ? [.swift, .python] : [.python, .swift])
            for side in order {
                // The server slows down as it fills (about 40% over 10,000 starts), which would
                // favour whichever side runs earlier; an empty server for every run removes that.
                if restarts, !isFirstRun, let server {
                    try await server.restart()
                    serverCPU = ServerCPU(port: port)
                }
                isFirstRun = false
                let prefix = "bench-\(side.rawValue.lowercased())-\(token)-r\(round)"
                let serverBefore = serverCPU?.seconds()
                var result: RunResult
                switch side {
                case .swift:
                    result = try await SwiftSide.run(host: host, port: port, namespace: namespace, options: options, prefix: prefix)
                case .python:
                    let python = try await PythonSide.run(
                        interpreter: interpreter!,
                        address: address,
                        namespace: namespace,
                        options: options,
                        prefix: prefix
                    )
                    result = python.result
                    pythonVersion = python.pythonVersion
                    temporalio = python.temporalio
                }
                if let serverCPU, let serverBefore { result.serverCPUSeconds = serverCPU.seconds() - serverBefore }
                printRun(round: round, side: side, result)
                // Shown as it happens even when the output goes to a file or pipe.
                fflush(nil)
                if side == .swift { swiftRuns.append(result) } else { pythonRuns.append(result) }
                // Read back before a restart empties the server.
                if side == .swift, swiftStarted == nil {
                    swiftStarted = try await WireCheck.started(result.firstWorkflowID, host: host, port: port, namespace: namespace)
                } else if side == .python, pythonStarted == nil {
                    pythonStarted = try await WireCheck.started(result.firstWorkflowID, host: host, port: port, namespace: namespace)
                }
            }
        }
        print("")

        var wireCheck: (lines: [String], passed: Bool)?
        if let swiftStarted, let pythonStarted {
            wireCheck = WireCheck.compare(swift: swiftStarted, python: pythonStarted)
        }

        printTable(
            swift: swiftRuns,
            python: pythonRuns.isEmpty ? nil : (pythonRuns, "temporalio \(temporalio) Client (CPython \(pythonVersion))"),
            hasServerCPU: serverCPU != nil,
            raw: options.raw
        )

        try record(swift: swiftRuns, python: pythonRuns, options: options, to: resultsPath)

        guard let wireCheck else { return true }
        print("")
        print("same start on the wire (the server's WorkflowExecutionStarted events of each side's first timed start):")
        for line in wireCheck.lines { print("  " + line) }
        print("")
        let swiftMedian = median(swiftRuns.map(\.rate))
        let pythonMedian = median(pythonRuns.map(\.rate))
        let ratio = swiftMedian / pythonMedian
        guard wireCheck.passed else {
            print("FAIL: the two sides did not start the same workflow, so the rates are not comparable")
            return false
        }
        let passed = ratio >= targetRatio
        print(
            (passed ? "PASS" : "FAIL")
                + ": Swift starts \(format(ratio, digits: 2))× the workflows per second of Python (medians: "
                + "\(formatRate(swiftMedian)) vs \(formatRate(pythonMedian)); N = \(options.count), C = \(options.concurrency); "
                + "target ≥ \(format(targetRatio, digits: 0))×)"
        )
        return passed
    }

    // MARK: - Output

    static func printRun(round: Int, side: Side, _ result: RunResult) {
        var line =
            "round \(round)  " + pad(side.rawValue, 7) + "\(formatRate(Double(result.count))) starts in "
            + "\(format(result.seconds, digits: 3)) s = " + lpad(formatRate(result.rate), 6) + " starts/s"
            + "   p50 \(format(result.latencyP50 * 1000, digits: 1)) ms, p99 \(format(result.latencyP99 * 1000, digits: 1)) ms"
            + "   client CPU \(format(result.clientCPUSeconds / Double(result.count) * 1e6, digits: 0)) µs/start"
        if let server = result.serverCPUSeconds {
            line += ", server CPU \(format(server / Double(result.serverStarts) * 1e6, digits: 0)) µs/start"
        }
        if let retries = result.unavailableRetries {
            line += ", \(retries) retried after `unavailable`"
        }
        for message in result.retryMessages.prefix(3) { line += "\n    " + message }
        print(line)
    }

    static func printTable(swift: [RunResult], python: (runs: [RunResult], name: String)?, hasServerCPU: Bool, raw: Bool) {
        var header =
            pad("side", 8) + pad("client", 44) + lpad("runs", 5) + lpad("best st/s", 11) + lpad("median st/s", 13)
            + lpad("p50 ms", 8) + lpad("p99 ms", 8) + lpad("client µs/st", 14)
        if hasServerCPU { header += lpad("server µs/st", 14) }
        print(header)
        print(String(repeating: "-", count: header.count))
        func row(_ side: String, _ name: String, _ runs: [RunResult]) {
            var line =
                pad(side, 8) + pad(name, 44) + lpad("\(runs.count)", 5) + lpad(formatRate(runs.map(\.rate).max() ?? .nan), 11)
                + lpad(formatRate(median(runs.map(\.rate))), 13)
                + lpad(format(median(runs.map(\.latencyP50)) * 1000, digits: 1), 8)
                + lpad(format(median(runs.map(\.latencyP99)) * 1000, digits: 1), 8)
                + lpad(format(median(runs.map { $0.clientCPUSeconds / Double($0.count) }) * 1e6, digits: 0), 14)
            if hasServerCPU {
                let perStart = runs.compactMap { run in run.serverCPUSeconds.map { $0 / Double(run.serverStarts) } }
                line += lpad(format(median(perStart) * 1e6, digits: 0), 14)
            }
            print(line)
        }
        row("Swift", raw ? "generated WorkflowService client (--raw)" : "TemporalClient + GRPCTemporalTransport", swift)
        guard let python else {
            print("  all runs, Swift:  " + swift.map { formatRate($0.rate) }.joined(separator: ", "))
            return
        }
        row("Python", python.name, python.runs)
        print(String(repeating: "-", count: header.count))
        let best = (swift.map(\.rate).max() ?? .nan) / (python.runs.map(\.rate).max() ?? .nan)
        let medians = median(swift.map(\.rate)) / median(python.runs.map(\.rate))
        print(
            pad("ratio", 8) + pad("Swift / Python", 44) + lpad("", 5) + lpad(format(best, digits: 2) + "×", 11)
                + lpad(format(medians, digits: 2) + "×", 13)
        )
        print("  all runs, Swift:  " + swift.map { formatRate($0.rate) }.joined(separator: ", "))
        print("  all runs, Python: " + python.runs.map { formatRate($0.rate) }.joined(separator: ", "))
        // The two runs of a round are back to back, so their ratio is less exposed to other load on
        // the machine than the ratio of the medians.
        let paired = zip(swift, python.runs).map { $0.rate / $1.rate }
        print(
            "  Swift / Python by round: " + paired.map { format($0, digits: 2) + "×" }.joined(separator: ", ")
                + " (median \(format(median(paired), digits: 2))×)"
        )
        if hasServerCPU {
            print("  (server µs/st: the dev server's CPU time while that side ran, over its warm-up and timed starts)")
        }
    }

    // MARK: - Options

    static var repositoryRoot: URL { PythonSide.benchmarksDirectory.deletingLastPathComponent() }

    /// Reports an error and exits; only for errors before the dev server starts (later ones throw
    /// `BenchmarkError`, so the server is stopped first).
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        Foundation.exit(2)
    }
}

/// A failure once the dev server runs: thrown, so `main` stops the server before exiting.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
