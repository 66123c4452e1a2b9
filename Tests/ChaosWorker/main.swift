// The Swift worker process of the chaos soak (Tests/ChaosSoakTests): serves the Chaos workflows
// and activities on `--task-queue`, recording every activity execution in `--log-directory`.
// Prints READY once polling; SIGTERM stops it gracefully, and the soak also kills it with SIGKILL.
//
//     chaos-worker --address 127.0.0.1:7233 --log-directory DIR [--namespace default] [--task-queue chaos]

import ChaosWorkload
import Foundation
import Logging
import ServiceLifecycle
import TemporalContractsGRPC
import TemporalContractsWorker
import UnixSignals

var settings = ["--namespace": "default", "--task-queue": "chaos"]
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
    guard let value = arguments.popFirst() else {
        FileHandle.standardError.write(Data("chaos-worker: \(name) needs a value\n".utf8))
        exit(2)
    }
    settings[name] = value
}
guard let address = settings["--address"], let logDirectory = settings["--log-directory"] else {
    FileHandle.standardError.write(Data("usage: chaos-worker --address HOST:PORT --log-directory DIR [--task-queue Q]\n".utf8))
    exit(2)
}

LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
var logger = Logger(label: "chaos-worker")
logger.logLevel = ProcessInfo.processInfo.environment["CHAOS_WORKER_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info

let connection = try await TemporalConnection.connect(TemporalConnectionOptions(address: address, namespace: settings["--namespace"]!))
var options = TemporalWorkerOptions(taskQueue: settings["--task-queue"]!, logger: logger)
// Short, so the sticky tasks of a killed worker move to the shared queue quickly.
options.workflows.stickyScheduleToStartTimeout = .seconds(2)
let worker = try TemporalWorker(
    connection: connection,
    workflows: ChaosWorkflows.registrations,
    activities: ChaosActivities(logDirectory: URL(filePath: logDirectory)).registrations,
    options: options
)
let group = ServiceGroup(
    configuration: ServiceGroupConfiguration(
        services: [.init(service: worker)],
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: logger
    )
)
let serving = Task { try await group.run() }
await worker.waitUntilPolling()
// The soak waits for this line; write it unbuffered.
FileHandle.standardOutput.write(Data("READY\n".utf8))
try await serving.value
await connection.close()
