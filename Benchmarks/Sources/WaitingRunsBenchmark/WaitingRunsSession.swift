import ArgumentParser
import BenchmarkSupport
import Foundation
import TemporalContracts
import TemporalContractsGRPC
import TemporalDevServer

/// One benchmark run: a dev server, the Swift worker (a child process running this executable's
/// `worker` subcommand) and the Python worker, each on its own task queue with the same cache
/// size, and a Swift client that starts the runs.
final class WaitingRunsSession {
    /// A worker process and the runs it serves.
    final class Side {
        let name: String
        let taskQueue: String
        let process: ChildProcess
        /// Runs started so far on this side's queue (IDs `<taskQueue>-<index>`).
        var started = 0

        init(name: String, taskQueue: String, process: ChildProcess) {
            self.name = name
            self.taskQueue = taskQueue
            self.process = process
        }

        func workflowID(_ index: Int) -> String { "\(taskQueue)-\(index)" }

        /// The last `CACHE <n>` line the worker printed.
        var cacheSize: Int? {
            process.standardOutputText().split(separator: "\n").last { $0.hasPrefix("CACHE ") }.flatMap { Int($0.dropFirst(6)) }
        }

        var residentBytes: Int { ProcessUsage.read(pid: process.processIdentifier)?.residentBytes ?? 0 }
    }

    static let benchmarks = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let options: WaitingRunsOptions
    let server: DevServer
    let connection: TemporalConnection
    let client: TemporalClient
    let python: String
    let swift: Side
    let pythonSide: Side
    var results = BenchmarkResults(benchmark: "WaitingRunsBenchmark")

    private init(options: WaitingRunsOptions, cache: Int) async throws {
        self.options = options
        python = try PythonVenv.prepare(benchmarksDirectory: Self.benchmarks)
        server = try await DevServer.start(DevServerOptions(searchDirectory: Self.benchmarks.deletingLastPathComponent()))
        let executable = URL(filePath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        swift = Side(
            name: "swift",
            taskQueue: "waiting-swift",
            process: try ChildProcess(
                executable: executable,
                arguments: ["worker", "--address", server.address, "--task-queue", "waiting-swift", "--cache", "\(cache)"],
                standardOutput: server.directory.appending(path: "swift-worker.out"),
                standardError: server.directory.appending(path: "swift-worker.err")
            )
        )
        pythonSide = Side(
            name: "python",
            taskQueue: "waiting-python",
            process: try ChildProcess(
                executable: URL(filePath: python),
                arguments: [
                    Self.benchmarks.appending(path: "python/waiting_run_worker.py").path, "--address", server.address,
                    "--task-queue", "waiting-python", "--cache", "\(cache)",
                ],
                standardOutput: server.directory.appending(path: "python-worker.out"),
                standardError: server.directory.appending(path: "python-worker.err")
            )
        )
        try await swift.process.waitForOutputLine("READY", timeout: .seconds(60))
        try await pythonSide.process.waitForOutputLine("READY", timeout: .seconds(60))
        connection = try await TemporalConnection.connect(
            TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
        )
        client = TemporalClient(transport: GRPCTemporalTransport(connection: connection))
    }

    func stop() async {
        await connection.close()
        _ = await swift.process.stop(gracePeriod: .seconds(5))
        _ = await pythonSide.process.stop(gracePeriod: .seconds(5))
        await server.stop()
    }

    static func run(_ options: WaitingRunsOptions, memory: Bool, latency: Bool) async throws {
        let counts = try options.parsedCounts()
        let total = options.warmup + counts.last!
        let cache = options.cache ?? total + 1_000
        guard cache >= total else { throw ValidationError("--cache \(cache) cannot hold \(total) runs") }
        let session = try await WaitingRunsSession(options: options, cache: cache)
        do {
            try await session.measure(counts: counts, memory: memory, latency: latency, cache: cache)
        } catch {
            await session.stop()
            throw error
        }
        await session.stop()
    }

    private func measure(counts: [Int], memory: Bool, latency: Bool, cache: Int) async throws {
        print(
            "WaitingRunsBenchmark: \(ProcessInfo.processInfo.activeProcessorCount) cores, dev server \(server.address), load \(loadAverage())"
        )
        print("both workers: WaitingRun on their own queue, sticky cache \(cache); Python: temporalio defaults (sandboxed)")
        results.notes.append("cache \(cache), warm-up \(options.warmup) runs per side, \(options.inFlight) starts in flight")
        for side in [swift, pythonSide] {
            try await startRuns(on: side, upTo: options.warmup)
            try await waitUntilCached(side, count: options.warmup)
        }
        let baseline = [swift.name: swift.residentBytes, pythonSide.name: pythonSide.residentBytes]
        print(
            "baseline RSS after \(options.warmup) warm-up runs: swift \(mebibytes(baseline["swift"]!)), python \(mebibytes(baseline["python"]!))"
        )
        for (round, count) in counts.enumerated() {
            var perRun: [String: Double] = [:]
            var beforeSettle: [String: Double] = [:]
            for side in round.isMultiple(of: 2) ? [swift, pythonSide] : [pythonSide, swift] {
                let started = ContinuousClock.now
                try await startRuns(on: side, upTo: options.warmup + count)
                let rate = Double(count - (round == 0 ? 0 : counts[round - 1])) / (ContinuousClock.now - started).seconds
                try await waitUntilCached(side, count: options.warmup + count)
                var resident = side.residentBytes
                let idle = Double(resident - baseline[side.name]!) / Double(count)
                print(
                    "  \(pad(side.name, 7)) \(count) cached idle runs: RSS \(mebibytes(resident)), "
                        + "\(format(idle / 1024, digits: 1)) KiB per run (starts at \(formatRate(rate))/s)"
                )
                if options.settle > 0 {
                    try await Task.sleep(for: .seconds(options.settle))
                    guard side.cacheSize == options.warmup + count else { throw BenchmarkError("\(side.name) worker evicted runs") }
                    resident = side.residentBytes
                    print(
                        "  \(pad(side.name, 7)) after \(options.settle) s more: RSS \(mebibytes(resident)), "
                            + "\(format(Double(resident - baseline[side.name]!) / Double(count) / 1024, digits: 1)) KiB per run"
                    )
                }
                beforeSettle[side.name] = idle
                perRun[side.name] = Double(resident - baseline[side.name]!) / Double(count)
            }
            guard memory else { continue }
            let swiftBytes = perRun["swift"]!
            let pythonBytes = perRun["python"]!
            print(
                "memory per cached run at \(count): swift \(format(swiftBytes / 1024, digits: 1)) KiB, "
                    + "python \(format(pythonBytes / 1024, digits: 1)) KiB, swift uses 1/\(format(pythonBytes / swiftBytes, digits: 1)) "
                    + "of python's (target ≤ 1/3), load \(loadAverage())"
            )
            if options.settle > 0 {
                results.record(
                    .init(
                        name: "memory-per-cached-run/\(count)/before-settle",
                        unit: "bytes",
                        swift: beforeSettle["swift"]!,
                        python: beforeSettle["python"]!
                    )
                )
            }
            results.record(
                .init(
                    name: "memory-per-cached-run/\(count)",
                    unit: "bytes",
                    swift: swiftBytes,
                    python: pythonBytes,
                    target: "Swift ≤ 1/3 of Python (ratio ≥ 3)"
                )
            )
        }
        if latency { try await measureLatency(runs: options.warmup + counts.last!) }
        results.notes.append("load average at the end: \(loadAverage())")
        try results.write(to: options.results)
    }

    /// Starts runs on `side` until it has `count`, `--in-flight` at once, printing progress.
    func startRuns(on side: Side, upTo count: Int) async throws {
        let first = side.started
        guard count > first else { return }
        var progress = Progress("\(side.name) starts", total: count - first)
        let client = self.client
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = first
            var done = 0
            func add() {
                let id = side.workflowID(next)
                let options = WorkflowStartOptions(id: id, taskQueue: side.taskQueue)
                group.addTask { _ = try await client.start(WaitingRun.definition, input: id, options: options) }
                next += 1
            }
            while next < count && next - first < options.inFlight { add() }
            while try await group.next() != nil {
                done += 1
                progress.update(done)
                if next < count { add() }
            }
        }
        side.started = count
    }

    /// Waits until the worker reports `count` cached runs and its RSS has settled.
    func waitUntilCached(_ side: Side, count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(300)
        while side.cacheSize != count {
            guard ContinuousClock.now < deadline, side.process.isRunning else {
                throw BenchmarkError(
                    "\(side.name) worker reports \(side.cacheSize.map(String.init) ?? "no") cached runs, expected \(count)"
                )
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        // The last tasks' completions may still be in flight: wait until the CPU is idle.
        var cpu = ProcessUsage.read(pid: side.process.processIdentifier)?.cpuSeconds ?? 0
        for _ in 0..<20 {
            try await Task.sleep(for: .seconds(1))
            let now = ProcessUsage.read(pid: side.process.processIdentifier)?.cpuSeconds ?? 0
            defer { cpu = now }
            if now - cpu < 0.02 { break }
        }
    }

    func mebibytes(_ bytes: Int) -> String { "\(format(Double(bytes) / 1_048_576, digits: 1)) MiB" }

    func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
    }
}

/// A benchmark run that cannot go on.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
