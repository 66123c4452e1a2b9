import ArgumentParser
import BenchmarkSupport
import Foundation
import TemporalAPI
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsTesting

/// Workflows per second through the in-process test environment, for a workflow of 10
/// activities and 10 timers (target: above 2,000 per second), and replays per second of its
/// history by the Swift replayer against the Python SDK's replayer in the same run.
@main
struct WorkflowEngineBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Pipeline workflows through the test environment, and replays of their history by the Swift and the Python SDK's replayer."
    )

    @Option(help: "Workflows per round through the test environment.")
    var workflows: Int = 2_000

    @Option(help: "Measured rounds (after one warm-up round).")
    var rounds: Int = 5

    @Option(help: "Workflows in flight at a time.")
    var inFlight: Int = 64

    @Option(help: "Replays of the Pipeline history per round, on each side.")
    var replays: Int = 1_000

    @Flag(help: "Measure the test environment only, without the replays.")
    var environmentOnly = false

    func run() async throws {
        print("test environment: \(workflows) Pipeline workflows (10 activities, 10 timers each), \(inFlight) in flight, \(rounds) rounds")
        var rates: [Double] = []
        for round in 0...rounds {
            let rate = try await Self.environmentRate(workflows: round == 0 ? 200 : workflows, inFlight: inFlight)
            if round > 0 {
                rates.append(rate)
                print("  round \(round): \(formatRate(rate)) workflows/s")
            }
        }
        let environmentMedian = median(rates)

        var results = BenchmarkResults(benchmark: "WorkflowEngineBenchmark")
        results.record(
            .init(
                name: "test-environment-workflows-per-second",
                unit: "workflows/s",
                swift: environmentMedian,
                lowerIsBetter: false,
                target: "> 2,000"
            )
        )
        if environmentOnly {
            try results.write()
            return
        }
        let history = try await Self.pipelineHistory()
        print("\nreplay of one Pipeline history (\(history.events.count) events), \(replays) replays per round, \(rounds) rounds")
        var swiftReplayRates: [Double] = []
        let replayer = WorkflowReplayer(workflows: [Pipeline.registration])
        for round in 0...rounds {
            let clock = ContinuousClock()
            let started = clock.now
            for index in 0..<(round == 0 ? 100 : replays) {
                try replayer.replay(history, workflowID: "bench-\(index)").tearDown()
            }
            let elapsed = clock.now - started
            if round > 0 { swiftReplayRates.append(Double(replays) / Self.seconds(elapsed)) }
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pipeline-history-\(ProcessInfo.processInfo.processIdentifier).json"
        )
        try history.jsonString().write(to: scratch, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let python = try PythonReplay.run(history: scratch, count: replays, rounds: rounds)
        let swiftReplay = median(swiftReplayRates)
        let pythonReplay = median(python.rates)

        print("")
        print(pad("measure", 44) + lpad("median", 12) + "   rounds")
        print(String(repeating: "-", count: 80))
        print(
            pad("test environment, workflows/s", 44) + lpad(formatRate(environmentMedian), 12) + "   "
                + rates.map(formatRate).joined(separator: " ")
        )
        print(
            pad("Swift replayer, replays/s", 44) + lpad(formatRate(swiftReplay), 12) + "   "
                + swiftReplayRates.map(formatRate).joined(separator: " ")
        )
        print(
            pad("Python replayer (temporalio \(python.temporalio)), replays/s", 44) + lpad(formatRate(pythonReplay), 12) + "   "
                + python.rates.map(formatRate).joined(separator: " ")
        )
        print("")
        print("replay ratio Swift / Python: \(format(swiftReplay / pythonReplay, digits: 2))×")
        let verdict = environmentMedian > 2_000 ? "PASS" : "FAIL"
        print("\(verdict): \(formatRate(environmentMedian)) workflows/s through the test environment (target > 2,000)")
        results.record(
            .init(
                name: "replays-per-second/pipeline-115-events",
                unit: "replays/s",
                swift: swiftReplay,
                python: pythonReplay,
                lowerIsBetter: false
            )
        )
        try results.write()
    }

    /// Runs `workflows` Pipelines through one environment, at most `inFlight` at a time.
    static func environmentRate(workflows: Int, inFlight: Int) async throws -> Double {
        let environment = WorkflowTestEnvironment(workflows: [Pipeline.registration], activities: [Pipeline.stepRegistration])
        let client = environment.client
        let clock = ContinuousClock()
        let started = clock.now
        try await withThrowingTaskGroup(of: Int.self) { group in
            var next = 0
            func add() {
                let index = next
                next += 1
                group.addTask {
                    let execution = try await client.start(
                        Pipeline.definition,
                        input: 10,
                        options: WorkflowStartOptions(id: "pipeline-\(index)")
                    )
                    return try await client.result(of: Pipeline.definition, execution: execution)
                }
            }
            for _ in 0..<min(inFlight, workflows) { add() }
            while let total = try await group.next() {
                guard total == 550 else { throw BenchmarkError("a Pipeline returned \(total), expected 550") }
                if next < workflows { add() }
            }
        }
        let elapsed = clock.now - started
        await environment.shutdown()
        return Double(workflows) / Self.seconds(elapsed)
    }

    static func pipelineHistory() async throws -> Temporal_Api_History_V1_History {
        let environment = WorkflowTestEnvironment(workflows: [Pipeline.registration], activities: [Pipeline.stepRegistration])
        let execution = try await environment.client.start(Pipeline.definition, input: 10, options: WorkflowStartOptions(id: "pipeline"))
        _ = try await environment.client.result(of: Pipeline.definition, execution: execution)
        let history = try await environment.history(of: WorkflowExecution(workflowID: "pipeline"))
        await environment.shutdown()
        return history
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
