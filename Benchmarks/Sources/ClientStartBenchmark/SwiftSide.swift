import BenchmarkSupport
import Foundation
import GRPCCore
import Synchronization
import TemporalAPI
import TemporalContracts
import TemporalContractsGRPC

/// The workflow input both sides send: one JSON payload, `{"customer":"bench","sequence":N}` (the
/// two converters sort keys, so the bytes are the same).
struct BenchInput: Codable, Sendable {
    var customer: String
    var sequence: Int
}

/// What one side measured in one round.
struct RunResult {
    var count: Int
    var seconds: Double
    /// CPU time of the client process during the timed starts (all its threads).
    var clientCPUSeconds: Double
    /// CPU time of the dev server while this side ran (connect, warm-up and timed starts), if known.
    var serverCPUSeconds: Double?
    var serverStarts: Int
    var latencyP50: Double
    var latencyP99: Double
    var firstWorkflowID: String
    /// Starts that failed with `unavailable` and were retried, when the benchmark retries itself
    /// (`--raw`, `--own-retries`); nil when the transport retries unseen.
    var unavailableRetries: Int? = nil
    /// What those failures said (warm-up included), most frequent first.
    var retryMessages: [String] = []

    var rate: Double { Double(count) / seconds }
}

enum SwiftSide {
    static let workflow = WorkflowDefinition<BenchInput, Void>(
        name: ClientStartBenchmark.workflowType,
        input: .single(),
        output: .void,
        defaults: WorkflowDefaults(taskQueue: ClientStartBenchmark.taskQueue)
    )

    /// Connects (one connection for the round, as the Python side does), warms up, then times
    /// `count` starts with `concurrency` in flight.
    static func run(
        host: String,
        port: Int,
        namespace: String,
        options: ClientStartBenchmark.Options,
        prefix: String
    ) async throws -> RunResult {
        var connectionOptions = TemporalConnectionOptions(host: host, port: port, namespace: namespace)
        // With --own-retries the benchmark retries (and counts) what the transport would retry silently.
        if options.ownRetries { connectionOptions.retry = .none }
        let connection = try await TemporalConnection.connect(connectionOptions)
        do {
            var start: @Sendable (String, Int) async throws -> Void
            if options.raw {
                let namespace = connection.options.namespace
                let identity = connection.options.identity
                start = { workflowID, sequence in
                    try await rawStart(connection, namespace: namespace, identity: identity, workflowID: workflowID, sequence: sequence)
                }
            } else {
                let client = TemporalClient(transport: GRPCTemporalTransport(connection: connection))
                start = { workflowID, sequence in
                    _ = try await client.start(
                        workflow,
                        input: BenchInput(customer: "bench", sequence: sequence),
                        options: WorkflowStartOptions(id: workflowID)
                    )
                }
            }
            let retried = Retries()
            if options.ownRetries || options.raw {
                let attempt = start
                start = { workflowID, sequence in
                    try await retryingUnavailable(retries: retried) { try await attempt(workflowID, sequence) }
                }
            }
            if options.warmup > 0 {
                _ = try await starts(start, prefix: "\(prefix)-warmup", count: options.warmup, concurrency: options.concurrency)
            }
            let retriedInWarmup = retried.count
            let cpuBefore = processCPUSeconds()
            let clock = ContinuousClock()
            let began = clock.now
            var latencies = try await starts(start, prefix: prefix, count: options.count, concurrency: options.concurrency)
            let elapsed = (clock.now - began).seconds
            let cpu = processCPUSeconds() - cpuBefore
            await connection.close()
            latencies.sort()
            return RunResult(
                count: options.count,
                seconds: elapsed,
                clientCPUSeconds: cpu,
                serverCPUSeconds: nil,
                serverStarts: options.warmup + options.count,
                latencyP50: percentile(latencies, 0.50),
                latencyP99: percentile(latencies, 0.99),
                firstWorkflowID: "\(prefix)-0",
                unavailableRetries: options.ownRetries || options.raw ? retried.count - retriedInWarmup : nil,
                retryMessages: retried.summary.map { "\($0.count)× \($0.message)" }
            )
        } catch {
            await connection.close()
            throw error
        }
    }

    /// Starts workflows `0..<count`, `concurrency` at a time: each worker takes the next index as
    /// soon as its previous start returns, as the Python side's coroutines do. Returns every
    /// start's latency in seconds.
    static func starts(
        _ start: @escaping @Sendable (_ workflowID: String, _ sequence: Int) async throws -> Void,
        prefix: String,
        count: Int,
        concurrency: Int
    ) async throws -> [Double] {
        let next = Counter()
        return try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<min(concurrency, count) {
                group.addTask {
                    let clock = ContinuousClock()
                    var latencies: [Double] = []
                    latencies.reserveCapacity(count / concurrency + 1)
                    while true {
                        let index = next.take()
                        guard index < count else { return latencies }
                        let began = clock.now
                        try await start("\(prefix)-\(index)", index)
                        latencies.append((clock.now - began).seconds)
                    }
                }
            }
            var all: [Double] = []
            all.reserveCapacity(count)
            for try await latencies in group { all += latencies }
            return all
        }
    }
}

extension SwiftSide {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    /// A start through the generated workflow service client alone, for `--raw`: the same message
    /// and JSON, but none of `TemporalClient`, the data converter, the transport's retry loop, or
    /// its per-call deadline (the Python SDK sets none by default) and metadata beyond the namespace.
    static func rawStart(
        _ connection: TemporalConnection,
        namespace: String,
        identity: String,
        workflowID: String,
        sequence: Int
    ) async throws {
        var payload = Temporal_Api_Common_V1_Payload()
        payload.metadata = ["encoding": Data("json/plain".utf8)]
        payload.data = try encoder.encode(BenchInput(customer: "bench", sequence: sequence))
        var request = Temporal_Api_Workflowservice_V1_StartWorkflowExecutionRequest()
        request.namespace = namespace
        request.workflowID = workflowID
        request.workflowType.name = ClientStartBenchmark.workflowType
        request.taskQueue.name = ClientStartBenchmark.taskQueue
        request.input.payloads = [payload]
        request.identity = identity
        request.requestID = UUID().uuidString.lowercased()
        _ = try await connection.workflowService.startWorkflowExecution(request, metadata: ["temporal-namespace": "\(namespace)"])
    }
}

extension SwiftSide {
    /// Runs `start` again while it fails with `unavailable`, counting the retries: at once the first
    /// time, then every 10 ms while the channel reconnects, up to 100 attempts. A retry that finds
    /// the workflow started means an earlier attempt got through.
    static func retryingUnavailable(retries: Retries, _ start: @Sendable () async throws -> Void) async throws {
        var attempts = 0
        while true {
            attempts += 1
            if attempts > 2 { try await Task.sleep(for: .milliseconds(10)) }
            do {
                try await start()
                return
            } catch let error as RPCError where error.code == .unavailable && attempts < 100 {
                retries.record("\(error)")
            } catch let error as TemporalRPCError where error.code == .unavailable && attempts < 100 {
                retries.record("\(error)")
            } catch let error as RPCError where attempts > 1 && error.code == .alreadyExists {
                return
            } catch is WorkflowAlreadyStartedError where attempts > 1 {
                return
            }
        }
    }
}

/// The `unavailable` failures the benchmark retried, by message.
final class Retries: Sendable {
    private let messages = Mutex<[String: Int]>([:])

    func record(_ message: String) {
        messages.withLock { $0[message, default: 0] += 1 }
    }

    var count: Int { messages.withLock { $0.values.reduce(0, +) } }

    var summary: [(message: String, count: Int)] {
        messages.withLock { $0.map { ($0.key, $0.value) }.sorted { $0.count > $1.count } }
    }
}

/// A shared count: the next index to start, or retries so far.
final class Counter: Sendable {
    private let storage = Atomic<Int>(0)

    /// The count before this call's increment.
    @discardableResult
    func take() -> Int {
        storage.wrappingAdd(1, ordering: .relaxed).oldValue
    }

}
