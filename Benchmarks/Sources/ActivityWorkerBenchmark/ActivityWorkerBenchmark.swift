import ArgumentParser
import BenchmarkSupport
import Foundation
import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsWorker
import TemporalDevServer

/// Activities per second completed by the Swift `ActivityWorker` versus a Python worker
/// (temporalio), for the same trivial `Noop` activity, both driven by the same Python workflow
/// (`RunNoops` of `Tests/InteropTests/python/warehouse.py`) on one dev server, in one run.
///
/// Each round runs `RunNoops(count, parallelism, queue)` once against the Swift worker's queue and
/// once against the Python worker's, alternating which goes first; the rate is `count` over the
/// workflow's wall time from start to result. CPU per activity, charged to each worker process
/// alone, is `WorkflowWorkerBenchmark --workloads activity-only`.
@main
struct ActivityWorkerBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ActivityWorkerBenchmark",
        abstract: "Activities per second of the Swift ActivityWorker against a Python activity worker."
    )
    static let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let workflowQueue = "bench-workflows"
    static let swiftQueue = "bench-swift-activities"
    static let pythonQueue = "bench-python-activities"

    @Option(help: "Noop activities per RunNoops run.") var count = 2000
    @Option(help: "Activities in flight, and each worker's activity concurrency.") var parallelism = 100
    @Option(help: "Rounds; each runs both sides, alternating which goes first.") var rounds = 3
    @Option(help: "Warm-up activities per side.") var warmup = 200
    @Option(help: "Write the results JSON here instead of Benchmarks/Results/ActivityWorkerBenchmark.json.")
    var results: String?

    func run() async throws {
        let server = try await DevServer.start(DevServerOptions(searchDirectory: Self.repository))
        let python = Self.repository.appending(path: ".venv/bin/python").path
        let script = Self.repository.appending(path: "Tests/InteropTests/python/warehouse_worker.py").path
        // Workflows in one Python process; the Python activity worker in another, as the Swift
        // worker is, so neither side's activities share a process with the workflow load.
        let workflows = try await Self.startPython(
            python,
            [script, "--address", server.address, "--workflow-task-queue", Self.workflowQueue],
            in: server.directory
        )
        let pythonActivities = try await Self.startPython(
            python,
            [
                script, "--address", server.address, "--workflow-task-queue", "bench-idle",
                "--noop-task-queue", Self.pythonQueue, "--max-concurrent-activities", "\(parallelism)",
            ],
            in: server.directory
        )
        let connection = try await TemporalConnection.connect(
            TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
        )
        let noop = ActivityDefinition<String, String>(name: "Noop", input: .single(), output: .single())
        let worker = ActivityWorker(
            connection: connection,
            activities: [ActivityRegistration(noop) { input, _ in input }],
            options: ActivityWorkerOptions(taskQueue: Self.swiftQueue, maxConcurrentActivities: parallelism, pollers: 4)
        )
        let workerRun = Task { try await worker.run() }
        let client = TemporalClient(transport: GRPCTemporalTransport(connection: connection))

        print("ActivityWorkerBenchmark: \(ProcessInfo.processInfo.activeProcessorCount) cores, dev server \(server.address)")
        print("RunNoops(\(count), \(parallelism)) per run, \(rounds) rounds, warm-up \(warmup) per side")
        _ = try await Self.runNoops(client, count: warmup, parallelism: parallelism, queue: Self.swiftQueue)
        _ = try await Self.runNoops(client, count: warmup, parallelism: parallelism, queue: Self.pythonQueue)

        var swiftRates: [Double] = []
        var pythonRates: [Double] = []
        for round in 1...rounds {
            let order = round.isMultiple(of: 2) ? [Self.pythonQueue, Self.swiftQueue] : [Self.swiftQueue, Self.pythonQueue]
            for queue in order {
                let rate = try await Self.runNoops(client, count: count, parallelism: parallelism, queue: queue)
                let side = queue == Self.swiftQueue ? "swift" : "python"
                print("round \(round)  \(side.padding(toLength: 7, withPad: " ", startingAt: 0))\(Int(rate.rounded())) activities/s")
                fflush(nil)
                if queue == Self.swiftQueue { swiftRates.append(rate) } else { pythonRates.append(rate) }
            }
        }
        let swiftMedian = median(swiftRates)
        let pythonMedian = median(pythonRates)
        print("median: swift \(Int(swiftMedian.rounded())) activities/s, python \(Int(pythonMedian.rounded())) activities/s")
        print(String(format: "ratio swift/python: %.2fx (target ≥ 2x)", swiftMedian / pythonMedian))
        var record = BenchmarkResults(benchmark: "ActivityWorkerBenchmark", notes: ["RunNoops(\(count), \(parallelism)), \(rounds) rounds"])
        record.record(
            .init(name: "activities-per-second", unit: "activities/s", swift: swiftMedian, python: pythonMedian, lowerIsBetter: false)
        )
        try record.write(to: results)

        worker.shutdown()
        _ = await workerRun.result
        await connection.close()
        _ = await pythonActivities.stop(gracePeriod: .seconds(5))
        _ = await workflows.stop(gracePeriod: .seconds(5))
        await server.stop()
    }

    /// Runs the Python `RunNoops` workflow and returns activities per second.
    static func runNoops(_ client: TemporalClient, count: Int, parallelism: Int, queue: String) async throws -> Double {
        let converter = DefaultPayloadConverter()
        let request = StartWorkflowRequest(
            workflowID: "bench-\(UUID().uuidString)",
            workflowType: "RunNoops",
            taskQueue: workflowQueue,
            input: [try converter.toPayload(count), try converter.toPayload(parallelism), try converter.toPayload(queue)]
        )
        let started = ContinuousClock.now
        let response = try await client.transport.startWorkflow(request)
        let outcome = try await client.transport.awaitWorkflowOutcome(
            WorkflowExecution(workflowID: request.workflowID, runID: response.runID)
        )
        let elapsed = ContinuousClock.now - started
        guard case .completed(let payloads) = outcome, let first = payloads.first,
            try converter.fromPayload(first, as: Int.self) == count
        else { fatalError("RunNoops on \(queue) did not complete all \(count) activities: \(outcome)") }
        return Double(count) / elapsed.seconds
    }

    static func startPython(_ python: String, _ arguments: [String], in directory: URL) async throws -> ChildProcess {
        let name = UUID().uuidString
        let process = try ChildProcess(
            executable: URL(filePath: python),
            arguments: arguments,
            standardOutput: directory.appending(path: "\(name).out"),
            standardError: directory.appending(path: "\(name).err")
        )
        try await process.waitForOutputLine("READY", timeout: .seconds(60))
        return process
    }
}
