import ArgumentParser
import Foundation
import NIOCore
import NIOPosix
import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsWorker

/// The Swift worker alone, in its own process, so the driver charges it only its own CPU: a
/// `TemporalWorker` serving `OneActivity`, `TenActivities`, `Echo` and `Noop` on one task queue.
/// Prints READY once it polls; stops on SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run only the Swift worker (spawned by the benchmark itself).",
        shouldDisplay: false
    )

    @Option(help: "The dev server's host.") var host: String
    @Option(help: "The dev server's port.") var port: Int
    @Option(help: "The namespace.") var namespace = "default"
    @Option(help: "The task queue to serve.") var taskQueue: String
    @Option(help: "Workflow pollers (and as many sticky pollers) and activity pollers.") var pollers = 2
    @Option(help: "Activities run at once.") var maxConcurrentActivities = 100
    @Flag(help: "Run Swift concurrency on NIO's event loops (no thread hop between the transport and the worker).")
    var nioExecutor = false

    func run() async throws {
        if nioExecutor, !NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor() {
            print("could not install NIO's event loops as the global executor")
        }
        signal(SIGTERM, SIG_IGN)
        let connection = try await TemporalConnection.connect(
            TemporalConnectionOptions(host: host, port: port, namespace: namespace)
        )
        var options = TemporalWorkerOptions(taskQueue: taskQueue)
        options.workflows.pollers = pollers
        options.workflows.stickyPollers = pollers
        options.activities.pollers = pollers
        options.activities.maxConcurrentActivities = maxConcurrentActivities
        let worker = try TemporalWorker(
            connection: connection,
            workflows: [OneActivity.registration, TenActivities.registration],
            activities: [OneActivity.echoRegistration, Noop.registration],
            options: options
        )
        let terminate = DispatchSource.makeSignalSource(signal: SIGTERM)
        terminate.setEventHandler { worker.shutdown() }
        terminate.resume()
        let run = Task { try await worker.run() }
        await worker.waitUntilPolling()
        print("READY")
        fflush(nil)
        _ = await run.result
        terminate.cancel()
        await connection.close()
    }
}
