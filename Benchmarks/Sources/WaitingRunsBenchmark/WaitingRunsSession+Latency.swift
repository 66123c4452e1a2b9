import BenchmarkSupport
import Foundation
import TemporalContracts
import TemporalDevServer

extension WaitingRunsSession {
    /// Which client sends the round trips.
    enum ClientSide: String, CaseIterable {
        case swift, python
    }

    /// Signal `Poke` then the `Read` update, timed until the update's result returns, one at a time,
    /// over distinct waiting runs: each worker × client pair gets `--round-trips` per round, the
    /// pairs in a rotated order each round.
    func measureLatency(runs: Int) async throws {
        let pairs = [swift, pythonSide].flatMap { worker in ClientSide.allCases.map { (worker, $0) } }
        guard options.roundTrips * options.rounds * ClientSide.allCases.count <= runs else {
            throw BenchmarkError(
                "\(options.roundTrips) round trips × \(options.rounds) rounds × 2 clients need more than \(runs) runs per worker"
            )
        }
        print("latency: signal Poke → update Read → result, one at a time, \(runs) runs waiting on each worker")
        var latencies: [String: [Double]] = [:]
        var nextRun = [swift.name: 0, pythonSide.name: 0]
        // A short warm-up per pair on runs not measured (connections, the Python client's imports).
        let warmup = min(10, options.roundTrips)
        for (worker, client) in pairs {
            _ = try await roundTrips(worker: worker, client: client, runs: Array(0..<warmup).map { runs - 1 - $0 })
        }
        for round in 0..<options.rounds {
            for offset in 0..<pairs.count {
                let (worker, client) = pairs[(offset + round) % pairs.count]
                let first = nextRun[worker.name]!
                nextRun[worker.name] = first + options.roundTrips
                let measured = try await roundTrips(worker: worker, client: client, runs: Array(first..<first + options.roundTrips))
                latencies["\(worker.name)/\(client.rawValue)", default: []] += measured
                print(
                    "  round \(round + 1)  \(pad(worker.name, 6)) worker, \(pad(client.rawValue, 6)) client: "
                        + "p50 \(format(percentile(measured, 0.5), digits: 2)) ms, p99 \(format(percentile(measured, 0.99), digits: 2)) ms"
                )
            }
        }
        print("over \(options.rounds) rounds (\(options.rounds * options.roundTrips) round trips per pair), load \(loadAverage()):")
        for (worker, client) in pairs {
            let values = latencies["\(worker.name)/\(client.rawValue)"]!
            print(
                "  \(pad(worker.name, 6)) worker, \(pad(client.rawValue, 6)) client: p50 \(format(percentile(values, 0.5), digits: 2)) ms, "
                    + "p99 \(format(percentile(values, 0.99), digits: 2)) ms"
            )
        }
        func record(_ label: String, _ swiftKey: String, _ pythonKey: String) {
            for (name, p) in [("p50", 0.5), ("p99", 0.99)] {
                let swiftValue = percentile(latencies[swiftKey]!, p)
                let pythonValue = percentile(latencies[pythonKey]!, p)
                results.record(
                    .init(
                        name: "signal-update-\(name)/\(label)",
                        unit: "ms",
                        swift: swiftValue,
                        python: pythonValue,
                        target: name == "p99" ? "Swift p99 ≤ Python p99 (ratio ≥ 1)" : nil
                    )
                )
                if name == "p99" {
                    print(
                        "  p99 \(label): swift \(format(swiftValue, digits: 2)) ms, python \(format(pythonValue, digits: 2)) ms, ratio \(format(pythonValue / swiftValue, digits: 2))x (target ≥ 1x)"
                    )
                }
            }
        }
        record("workers, swift client", "swift/swift", "python/swift")
        record("workers, python client", "swift/python", "python/python")
        record("clients, swift worker", "swift/swift", "swift/python")
        record("clients, python worker", "python/swift", "python/python")
        record("swift worker and client vs python worker and client", "swift/swift", "python/python")
        results.notes.append(
            "latency: \(runs) runs waiting per worker, \(options.rounds) rounds × \(options.roundTrips) round trips per pair"
        )
    }

    /// One round trip per run index in `runs`, on `worker`'s runs, from `client`; milliseconds each.
    func roundTrips(worker: Side, client side: ClientSide, runs: [Int]) async throws -> [Double] {
        let ids = runs.map(worker.workflowID)
        switch side {
        case .swift:
            var latencies: [Double] = []
            for id in ids {
                let token = UUID().uuidString
                let execution = WorkflowExecution(workflowID: id)
                let started = ContinuousClock.now
                try await client.signal(WaitingRun.poke, input: token, execution: execution)
                let update = try await client.startUpdate(
                    WaitingRun.read,
                    input: token,
                    execution: execution,
                    options: UpdateOptions(waitFor: .completed)
                )
                let value = try await update.result()
                latencies.append((ContinuousClock.now - started).seconds * 1000)
                guard value == token else { throw BenchmarkError("Read on \(id) returned \(value), expected \(token)") }
            }
            return latencies
        case .python:
            let script = try ChildProcess(
                executable: URL(filePath: python),
                arguments: [Self.benchmarks.appending(path: "python/waiting_run_client.py").path, "--address", server.address, "--ids"]
                    + ids,
                standardOutput: server.directory.appending(path: "python-client.out"),
                standardError: server.directory.appending(path: "python-client.err")
            )
            _ = await script.waitForExit(timeout: .seconds(600))
            guard let values = PythonScript.result(in: script.standardOutputText())?["latencies_ms"] as? [Double], values.count == ids.count
            else {
                throw BenchmarkError("the Python client failed:\n\(script.outputTail())\n\(script.standardErrorText().suffix(2000))")
            }
            return values
        }
    }

    func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        return sorted[Int((fraction * Double(sorted.count - 1)).rounded())]
    }
}
