import ArgumentParser
import Foundation
import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsWorker

/// The Swift worker as its own process, so its RSS and CPU are its own: serves WaitingRun on one
/// task queue, prints `READY` once polling, then `CACHE <n>` whenever its sticky cache size changes.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Runs the Swift worker (started by the other subcommands as a child process)."
    )

    @Option(help: "The dev server's HOST:PORT.") var address: String
    @Option(help: "The task queue to serve.") var taskQueue: String
    @Option(help: "The sticky cache's size (maxCachedWorkflows).") var cache: Int = 11_000

    func run() async throws {
        let parts = address.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]) else { throw ValidationError("--address must be HOST:PORT") }
        let connection = try await TemporalConnection.connect(
            TemporalConnectionOptions(host: String(parts[0]), port: port, namespace: "default")
        )
        let metrics = CacheSizeMetrics()
        var options = TemporalWorkerOptions(taskQueue: taskQueue)
        options.workflows.maxCachedWorkflows = cache
        options.workflows.metricsFactory = metrics
        let worker = try TemporalWorker(connection: connection, workflows: [WaitingRun.registration], options: options)
        // Exit cleanly on SIGTERM (how the benchmark stops it), so atexit handlers (heaptrack's)
        // run when profiling.
        signal(SIGTERM, SIG_IGN)
        let terminate = DispatchSource.makeSignalSource(signal: SIGTERM)
        terminate.setEventHandler { Foundation.exit(0) }
        terminate.resume()
        let running = Task { try await worker.run() }
        defer { running.cancel() }
        await worker.waitUntilPolling()
        emit("READY")
        var printed: Int64 = -1
        while !terminate.isCancelled {
            try await Task.sleep(for: .milliseconds(500))
            let size = metrics.cacheSize
            if size != printed {
                emit("CACHE \(size)")
                printed = size
            }
        }
    }

    /// One line on standard output, unbuffered: the benchmark reads it while this process runs.
    private func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
