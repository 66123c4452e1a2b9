import BenchmarkSupport
import Foundation
import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsWorker
import TemporalDevServer

/// Workflows per second end to end — start, one activity, result — served by the Swift
/// `TemporalWorker` versus a Python worker (temporalio), on one dev server, in one run.
///
/// Each measurement starts `--workflows` (500) OneActivity workflows from the same Swift client,
/// at most `--in-flight` (50) starts outstanding, waits for every result, and divides the count by
/// the wall time from the first start to the last result. `--rounds` (3) rounds alternate which
/// side goes first, after a warm-up of `--warmup` (50) per side.
@main
struct WorkflowWorkerBenchmark {
    static let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let swiftQueue = "bench-swift-workflows"
    static let pythonQueue = "bench-python-workflows"

    static func main() async throws {
        var workflows = 500
        var inFlight = 50
        var rounds = 3
        var warmup = 50
        var pollers = 2
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let flag = arguments.next() {
            guard let value = arguments.next().flatMap(Int.init) else { fatalError("\(flag) needs a number") }
            switch flag {
            case "--workflows": workflows = value
            case "--in-flight": inFlight = value
            case "--rounds": rounds = value
            case "--warmup": warmup = value
            case "--pollers": pollers = value
            default: fatalError("unknown option \(flag)")
            }
        }

        let server = try await DevServer.start(DevServerOptions(searchDirectory: repository))
        let python = try await startPython(
            [
                repository.appending(path: "Benchmarks/python/one_activity_worker.py").path, "--address", server.address,
                "--task-queue", pythonQueue,
            ],
            in: server.directory
        )
        let options = TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
        // The worker has its own connection: swift-nio-http2 closes a connection after ~200
        // PING/SETTINGS frames in 30 s and the server pings for most calls, so the client's and
        // the worker's traffic each get their own budget.
        let clientConnection = try await TemporalConnection.connect(options)
        let workerConnection = try await TemporalConnection.connect(options)
        var workerOptions = TemporalWorkerOptions(taskQueue: swiftQueue)
        workerOptions.workflows.pollers = pollers
        workerOptions.workflows.stickyPollers = pollers
        workerOptions.activities.pollers = pollers
        let worker = try TemporalWorker(
            connection: workerConnection,
            workflows: [OneActivity.registration],
            activities: [OneActivity.echoRegistration],
            options: workerOptions
        )
        let workerRun = Task { try await worker.run() }
        let client = TemporalClient(transport: GRPCTemporalTransport(connection: clientConnection))

        print("WorkflowWorkerBenchmark: \(ProcessInfo.processInfo.activeProcessorCount) cores, dev server \(server.address)")
        print(
            "\(workflows) OneActivity workflows per measurement, \(inFlight) starts in flight, \(rounds) rounds, warm-up \(warmup) per side"
        )
        print("Swift worker: TemporalWorker, \(pollers) + \(pollers) sticky workflow pollers, \(pollers) activity pollers, cache 1000")
        print("Python worker: temporalio \(pythonVersion()) defaults, sandboxed workflows")
        _ = try await measure(client, workflows: warmup, inFlight: inFlight, queue: swiftQueue)
        _ = try await measure(client, workflows: warmup, inFlight: inFlight, queue: pythonQueue)

        var swiftRates: [Double] = []
        var pythonRates: [Double] = []
        let processes = ["server": server.processIdentifier, "this process": getpid(), "python worker": python.processIdentifier]
        for round in 1...rounds {
            let order = round.isMultiple(of: 2) ? [pythonQueue, swiftQueue] : [swiftQueue, pythonQueue]
            for queue in order {
                let before = processes.mapValues(cpuSeconds)
                let rate = try await measure(client, workflows: workflows, inFlight: inFlight, queue: queue)
                // Where the CPU went: the dev server, this process (client, and the Swift worker in
                // the Swift rounds), the Python worker.
                let cpu = processes.keys.sorted().map { name in
                    "\(name) \(format((cpuSeconds(processes[name]!) - before[name]!) * 1000 / Double(workflows), digits: 1))"
                }
                let side = queue == swiftQueue ? "swift" : "python"
                print(
                    "round \(round)  \(pad(side, 7))\(lpad(formatRate(rate), 5)) workflows/s   CPU ms per workflow: \(cpu.joined(separator: ", "))"
                )
                if queue == swiftQueue { swiftRates.append(rate) } else { pythonRates.append(rate) }
            }
        }
        let swiftMedian = median(swiftRates)
        let pythonMedian = median(pythonRates)
        print("median: swift \(formatRate(swiftMedian)) workflows/s, python \(formatRate(pythonMedian)) workflows/s")
        print("ratio swift/python: \(format(swiftMedian / pythonMedian, digits: 2))x (target ≥ 2x)")

        worker.shutdown()
        _ = await workerRun.result
        await clientConnection.close()
        await workerConnection.close()
        _ = await python.stop(gracePeriod: .seconds(5))
        await server.stop()
    }

    /// Starts `workflows` OneActivity runs on `queue` (at most `inFlight` starts outstanding),
    /// waits for every result, returns workflows per second.
    static func measure(_ client: TemporalClient, workflows: Int, inFlight: Int, queue: String) async throws -> Double {
        let batch = UUID().uuidString
        let slots = StartSlots(inFlight)
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<workflows {
                group.addTask {
                    let text = "\(batch)-\(index)"
                    let options = WorkflowStartOptions(id: "bench-\(text)", taskQueue: queue)
                    await slots.acquire()
                    let execution: WorkflowExecution
                    do {
                        execution = try await client.start(OneActivity.definition, input: text, options: options)
                        await slots.release()
                    } catch {
                        await slots.release()
                        throw error
                    }
                    let result = try await client.result(of: OneActivity.definition, execution: execution)
                    guard result == text else { fatalError("OneActivity on \(queue) returned \(result) for \(text)") }
                }
            }
            try await group.waitForAll()
        }
        return Double(workflows) / (ContinuousClock.now - started).seconds
    }

    static func startPython(_ arguments: [String], in directory: URL) async throws -> ChildProcess {
        let process = try ChildProcess(
            executable: repository.appending(path: ".venv/bin/python"),
            arguments: arguments,
            standardOutput: directory.appending(path: "python-worker.out"),
            standardError: directory.appending(path: "python-worker.err")
        )
        try await process.waitForOutputLine("READY", timeout: .seconds(60))
        return process
    }

    /// User plus system CPU time of a process, from /proc.
    static func cpuSeconds(_ pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        // Fields after the command name: state is field 3, utime 14, stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static func pythonVersion() -> String {
        let metadata = try? FileManager.default.contentsOfDirectory(atPath: repository.appending(path: ".venv/lib").path)
            .flatMap { version in
                (try? FileManager.default.contentsOfDirectory(atPath: repository.appending(path: ".venv/lib/\(version)/site-packages").path))
                    ?? []
            }
            .first { $0.hasPrefix("temporalio-") && $0.hasSuffix(".dist-info") }
        return metadata.map { String($0.dropFirst("temporalio-".count).dropLast(".dist-info".count)) } ?? "?"
    }
}

/// Bounds the starts outstanding at once.
actor StartSlots {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) {
        available = count
    }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { available += 1 } else { waiters.removeFirst().resume() }
    }
}
