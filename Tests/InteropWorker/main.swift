// The Swift worker process of the workflow-worker interop tests: serves the Trips workflows
// (in the version `--version` names) and the Swift Trips activities on `--task-queue`, and the
// Fulfillment workflows on `--fulfillment-queue`, and only dynamic handlers on the task queue
// followed by `-dynamic` (so unknown types on the Trips queue still fail). Prints READY once polling; SIGTERM stops it
// gracefully, and the crash-recovery test kills it with SIGKILL.
//
//     interop-worker --address 127.0.0.1:7233 [--namespace default] [--task-queue trips-swift]
//                    [--fulfillment-queue fulfillment] [--version current|unpatched|reordered]
//                    [--max-cached-workflows N]

import Foundation
import InteropWorkflows
import Logging
import ServiceLifecycle
import TemporalContractsGRPC
import TemporalContractsWorker
import UnixSignals

var settings = [
    "--namespace": "default", "--task-queue": "trips-swift", "--fulfillment-queue": "fulfillment", "--version": "current",
    "--max-cached-workflows": "1000",
]
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
    guard let value = arguments.popFirst() else {
        FileHandle.standardError.write(Data("interop-worker: \(name) needs a value\n".utf8))
        exit(2)
    }
    settings[name] = value
}
guard let address = settings["--address"], let version = TripWorkflows.Version(rawValue: settings["--version"] ?? ""),
    let maxCached = settings["--max-cached-workflows"].flatMap(Int.init)
else {
    FileHandle.standardError.write(Data("usage: interop-worker --address HOST:PORT [--version current|unpatched|reordered]\n".utf8))
    exit(2)
}

LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
var logger = Logger(label: "interop-worker")
logger.logLevel = ProcessInfo.processInfo.environment["INTEROP_WORKER_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info

let connection = try await TemporalConnection.connect(TemporalConnectionOptions(address: address, namespace: settings["--namespace"]!))
var tripOptions = TemporalWorkerOptions(taskQueue: settings["--task-queue"]!, logger: logger)
// Short, so a crashed worker's sticky tasks move to the task queue quickly.
tripOptions.workflows.stickyScheduleToStartTimeout = .seconds(2)
tripOptions.workflows.maxCachedWorkflows = maxCached
let trips = try TemporalWorker(
    connection: connection,
    workflows: TripWorkflows.registrations(version),
    activities: TripActivities().registrations,
    options: tripOptions
)
let fulfillment = WorkflowWorker(
    connection: connection,
    workflows: FulfillmentWorkflows.registrations,
    options: WorkflowWorkerOptions(taskQueue: settings["--fulfillment-queue"]!, logger: logger)
)
let dynamic = try TemporalWorker(
    connection: connection,
    workflows: [DynamicEchoWorkflow.registration],
    activities: [DynamicEchoWorkflow.activity],
    options: TemporalWorkerOptions(taskQueue: settings["--task-queue"]! + "-dynamic", logger: logger)
)
let group = ServiceGroup(
    configuration: ServiceGroupConfiguration(
        services: [.init(service: trips), .init(service: fulfillment), .init(service: dynamic)],
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: logger
    )
)
let serving = Task { try await group.run() }
await trips.waitUntilPolling()
await fulfillment.waitUntilPolling()
await dynamic.waitUntilPolling()
// The test waits for this line; write it unbuffered.
FileHandle.standardOutput.write(Data("READY\n".utf8))
try await serving.value
await connection.close()
