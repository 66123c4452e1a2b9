import ArgumentParser
import BenchmarkSupport
import Foundation
import TemporalContracts
import TemporalContractsGRPC
import TemporalDevServer

/// CPU per task, charged to each SDK's worker process alone: the Swift worker (this executable's
/// `serve`, a child process) and the Python worker (`python/one_activity_worker.py`) serve the same
/// workloads on one dev server, alternating within each round; each measurement reads the measured
/// worker's user+sys CPU from /proc before and after, and divides by the tasks it ran.
struct MeasureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Measure CPU ms per workflow / per activity of each worker process (the default)."
    )

    static let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let swiftQueue = "bench-swift-workers"
    static let pythonQueue = "bench-python-workers"
    static let runNoopsQueue = "bench-run-noops"

    @Option(help: "OneActivity workflows per measurement.") var workflows = 500
    @Option(help: "TenActivities workflows per measurement.") var tenActivityWorkflows = 100
    @Option(help: "Noop activities per activity-only measurement (one RunNoops workflow).") var activities = 1000
    @Option(help: "Workflow starts outstanding at once.") var inFlight = 50
    @Option(help: "Activities in flight in RunNoops, and each worker's activity concurrency.") var parallelism = 100
    @Option(help: "Rounds; each measures every workload on both sides, alternating which goes first.") var rounds = 3
    @Option(help: "Warm-up tasks per workload and side (a tenth of it for TenActivities).") var warmup = 50
    @Option(help: "Swift worker pollers: this many workflow, sticky and activity pollers.") var pollers = 2
    @Option(parsing: .upToNextOption, help: "The workloads to run (one-activity, ten-activities, activity-only).")
    var workloads: [Workload] = Workload.allCases
    @Flag(help: "Run the Swift worker's concurrency on NIO's event loops (serve --nio-executor).") var nioExecutor = false
    @Flag(help: "Print the worker pids and wait for Enter before the rounds (to attach perf).") var pause = false
    @Option(help: "Write the results JSON here instead of Benchmarks/Results/WorkflowWorkerBenchmark.json.")
    var results: String?

    func run() async throws {
        let server = try await DevServer.start(DevServerOptions(searchDirectory: Self.repository))
        let python = Self.repository.appending(path: ".venv/bin/python")
        let pythonWorker = try await Self.start(
            python,
            [
                Self.repository.appending(path: "Benchmarks/python/one_activity_worker.py").path, "--address", server.address,
                "--task-queue", Self.pythonQueue,
            ],
            name: "python-worker",
            in: server.directory
        )
        let swiftWorker = try await Self.start(
            URL(filePath: "/proc/self/exe").resolvingSymlinksInPath(),
            [
                "serve", "--host", server.host, "--port", "\(server.port)", "--namespace", server.namespace, "--task-queue",
                Self.swiftQueue, "--pollers", "\(pollers)", "--max-concurrent-activities", "\(parallelism)",
            ] + (nioExecutor ? ["--nio-executor"] : []),
            name: "swift-worker",
            in: server.directory
        )
        // The activity-only workload's driver: RunNoops workflows in their own, unmeasured process.
        let runNoops = try await Self.start(
            python,
            [
                Self.repository.appending(path: "Tests/InteropTests/python/warehouse_worker.py").path, "--address",
                server.address, "--workflow-task-queue", Self.runNoopsQueue,
            ],
            name: "run-noops",
            in: server.directory
        )
        let connection = try await TemporalConnection.connect(
            TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
        )
        let client = TemporalClient(transport: GRPCTemporalTransport(connection: connection))
        let driver = WorkloadDriver(
            client: client,
            inFlight: inFlight,
            parallelism: parallelism,
            runNoopsQueue: Self.runNoopsQueue
        )
        let sides = [
            Side(name: "swift", queue: Self.swiftQueue, pid: swiftWorker.processIdentifier),
            Side(name: "python", queue: Self.pythonQueue, pid: pythonWorker.processIdentifier),
        ]

        print("WorkflowWorkerBenchmark: \(ProcessInfo.processInfo.activeProcessorCount) cores, dev server \(server.address)")
        print(
            "per measurement: \(workflows) OneActivity, \(tenActivityWorkflows) TenActivities (\(inFlight) starts in flight), "
                + "RunNoops(\(activities), \(parallelism)); \(rounds) rounds, warm-up first"
        )
        print(
            "Swift worker: `serve` child pid \(swiftWorker.processIdentifier), TemporalWorker, \(pollers) + \(pollers) sticky "
                + "workflow pollers, \(pollers) activity pollers, \(parallelism) activities at once"
                + (nioExecutor ? ", concurrency on NIO's event loops" : "")
        )
        print(
            "Python worker: pid \(pythonWorker.processIdentifier), temporalio \(Self.pythonVersion()) defaults, sandboxed workflows"
        )
        print("load: \(Self.loadAverage())")
        fflush(nil)
        for workload in workloads {
            for side in sides {
                _ = try await driver.run(workload, count: count(of: workload, warmup: true), queue: side.queue)
            }
        }
        if pause {
            print("warm; press Enter to measure")
            fflush(nil)
            _ = readLine()
        }

        var cpu: [Workload: [String: [Double]]] = [:]
        var rates: [Workload: [String: [Double]]] = [:]
        for round in 1...rounds {
            for workload in workloads {
                let order = round.isMultiple(of: 2) ? sides.reversed() : sides
                for side in order {
                    let tasks = count(of: workload, warmup: false)
                    let before = ProcessUsage.read(pid: side.pid)?.cpuSeconds ?? .nan
                    let serverBefore = ProcessUsage.read(pid: server.processIdentifier)?.cpuSeconds ?? .nan
                    let seconds = try await driver.run(workload, count: tasks, queue: side.queue)
                    let after = ProcessUsage.read(pid: side.pid)?.cpuSeconds ?? .nan
                    let serverAfter = ProcessUsage.read(pid: server.processIdentifier)?.cpuSeconds ?? .nan
                    let perTask = (after - before) * 1000 / Double(tasks)
                    cpu[workload, default: [:]][side.name, default: []].append(perTask)
                    rates[workload, default: [:]][side.name, default: []].append(Double(tasks) / seconds)
                    print(
                        "round \(round)  \(pad(workload.rawValue, 15)) \(pad(side.name, 7)) worker CPU "
                            + "\(lpad(format(perTask, digits: 2), 6)) ms/\(workload.unit)   "
                            + "\(lpad(formatRate(Double(tasks) / seconds), 5)) \(workload.units)/s   "
                            + "server \(format((serverAfter - serverBefore) * 1000 / Double(tasks), digits: 1)) ms/\(workload.unit)"
                    )
                    fflush(nil)
                }
            }
        }

        let load = Self.loadAverage()
        var record = BenchmarkResults(
            benchmark: "WorkflowWorkerBenchmark",
            notes: [
                "CPU = the worker process's own user+sys time from /proc, per task; medians of \(rounds) rounds",
                "load average at the end: \(load)",
            ]
        )
        print("\nmedians (load \(load)):")
        for workload in workloads {
            let swift = median(cpu[workload]?["swift"] ?? [])
            let python = median(cpu[workload]?["python"] ?? [])
            print(
                "\(pad(workload.rawValue, 15)) CPU ms per \(workload.unit): swift \(format(swift, digits: 2)), python "
                    + "\(format(python, digits: 2)), python/swift \(format(python / swift, digits: 2))x (target ≥ 5x)"
            )
            record.record(
                .init(
                    name: "cpu-ms-per-\(workload.unit)/\(workload.rawValue)",
                    unit: "ms",
                    swift: swift,
                    python: python,
                    target: "Swift ≤ 1/5 of Python (ratio ≥ 5)"
                )
            )
            record.record(
                .init(
                    name: "\(workload.units)-per-second/\(workload.rawValue)",
                    unit: "\(workload.units)/s",
                    swift: median(rates[workload]?["swift"] ?? []),
                    python: median(rates[workload]?["python"] ?? []),
                    lowerIsBetter: false
                )
            )
        }
        try record.write(to: results)

        await connection.close()
        _ = await swiftWorker.stop(gracePeriod: .seconds(10))
        _ = await pythonWorker.stop(gracePeriod: .seconds(5))
        _ = await runNoops.stop(gracePeriod: .seconds(5))
        await server.stop()
    }

    func count(of workload: Workload, warmup isWarmup: Bool) -> Int {
        switch workload {
        case .oneActivity: isWarmup ? warmup : workflows
        case .tenActivities: isWarmup ? max(1, warmup / 10) : tenActivityWorkflows
        case .activityOnly: isWarmup ? warmup : activities
        }
    }

    /// One SDK's worker: its task queue and the process charged for it.
    struct Side {
        var name: String
        var queue: String
        var pid: Int32
    }

    static func start(_ executable: URL, _ arguments: [String], name: String, in directory: URL) async throws -> ChildProcess {
        let process = try ChildProcess(
            executable: executable,
            arguments: arguments,
            standardOutput: directory.appending(path: "\(name).out"),
            standardError: directory.appending(path: "\(name).err")
        )
        try await process.waitForOutputLine("READY", timeout: .seconds(60))
        return process
    }

    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    static func pythonVersion() -> String {
        let lib = repository.appending(path: ".venv/lib")
        let metadata = try? FileManager.default.contentsOfDirectory(atPath: lib.path)
            .flatMap { version in
                (try? FileManager.default.contentsOfDirectory(atPath: lib.appending(path: "\(version)/site-packages").path)) ?? []
            }
            .first { $0.hasPrefix("temporalio-") && $0.hasSuffix(".dist-info") }
        return metadata.map { String($0.dropFirst("temporalio-".count).dropLast(".dist-info".count)) } ?? "?"
    }
}
