import ArgumentParser
import Crypto
import Foundation
import OTel
import Prometheus
import TemporalContractsCodecServer
import TemporalContractsEncryption
import TemporalContractsTracing
// Re-exports what a worker's main needs: the runtime, the gRPC connection, swift-log and
// swift-service-lifecycle.
import TemporalContractsWorker
import UnixSignals

/// Serves the Greetings contract on a worker with tracing, encryption and metrics, runs a small
/// workload through a client with the same tracing and encryption, and serves the codec server
/// and `/metrics` beside them, until the linger time is over or a signal stops it.
@main
struct ObservabilityExample: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observability-example",
        abstract: "A Temporal worker with tracing, encryption, a codec server and Prometheus metrics."
    )

    @Option(help: "The Temporal frontend, host:port (env TEMPORAL_ADDRESS).")
    var address = ProcessInfo.processInfo.environment["TEMPORAL_ADDRESS"] ?? "127.0.0.1:7233"

    @Option(help: "The namespace.")
    var namespace = "default"

    @Option(help: "The task queue the worker serves.")
    var taskQueue = "greetings"

    @Option(help: "The port of the Prometheus endpoint, GET /metrics on 127.0.0.1.")
    var metricsPort = 9464

    @Option(help: "The port of the codec server, POST /{namespace}/encode and /decode on 127.0.0.1.")
    var codecPort = 8888

    @Option(help: "The web UI's origin, which the codec server lets call it (CORS).")
    var uiOrigin = "http://localhost:8233"

    @Option(help: "Where spans go: an OTLP/HTTP traces endpoint (env OTEL_EXPORTER_OTLP_TRACES_ENDPOINT).")
    var otlpEndpoint = ProcessInfo.processInfo.environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] ?? "http://127.0.0.1:4318/v1/traces"

    @Option(help: "The AES-256 key, 64 hex digits (env ENCRYPTION_KEY_HEX); the default is a demo key.")
    var keyHex = ProcessInfo.processInfo.environment["ENCRYPTION_KEY_HEX"] ?? String(repeating: "0123456789abcdef", count: 4)

    @Option(help: "The ID of that key, stored in every payload's metadata.")
    var keyID = "demo-key"

    @Option(help: "How many Greet workflows the workload runs.")
    var workflows = 10

    @Option(help: "Seconds to keep serving after the workload; 0 serves until SIGINT or SIGTERM.")
    var linger = 0

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let logger = Logger(label: "observability-example")

        // Tracing: swift-otel's tracer, exporting over OTLP/HTTP; its service runs in the group below.
        var otel = OTel.Configuration.default
        otel.serviceName = "observability-example"
        otel.diagnosticLogLevel = .warning
        otel.traces.otlpExporter.endpoint = otlpEndpoint
        otel.traces.otlpExporter.protocol = .httpProtobuf
        let tracingBackend = try OTel.makeTracingBackend(configuration: otel)
        let tracing = TracingInterceptor(tracer: tracingBackend.factory)

        // Encryption: the same codec on the client, the worker and the codec server.
        guard let keyBytes = Self.bytes(hex: keyHex), keyBytes.count == 32 else {
            throw ValidationError("--key-hex must be 64 hex digits (a 256-bit key)")
        }
        let keys = try StaticEncryptionKeys(current: keyID, keys: [keyID: SymmetricKey(data: keyBytes)])
        let codecs: [any PayloadCodec] = [AESGCMPayloadCodec(keys: keys)]
        let dataConverter = DataConverter(codecs: codecs)

        // Metrics: one registry for the connection's calls and the worker's tasks.
        let registry = PrometheusCollectorRegistry()
        let metrics = PrometheusMetricsFactory(registry: registry)

        var connectionOptions = try TemporalConnectionOptions(address: address, namespace: namespace)
        connectionOptions.metricsFactory = metrics
        let connection = try await TemporalConnection.connect(connectionOptions)
        let worker = try TemporalWorker(
            connection: connection,
            workflows: [GreetWorkflow.registration],
            activities: GreetingActivities().registrations,
            options: TemporalWorkerOptions(
                taskQueue: taskQueue,
                dataConverter: dataConverter,
                logger: logger,
                interceptors: [tracing]
            )
        )
        let codecServer = CodecServer(
            codecs: codecs,
            options: CodecServerOptions(port: codecPort, allowedOrigins: [uiOrigin]),
            logger: logger
        )
        let metricsEndpoint = MetricsEndpoint.application(registry: registry, host: "127.0.0.1", port: metricsPort)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [tracingBackend.service, worker, codecServer, metricsEndpoint],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        logger.info("metrics: http://127.0.0.1:\(metricsPort)/metrics")
        logger.info("codec server: http://127.0.0.1:\(codecPort) (web UI origin \(uiOrigin))")

        let client = Greetings.Client(TemporalClient(connection: connection, dataConverter: dataConverter, interceptors: [tracing]))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            tasks.addTask {
                await worker.waitUntilPolling()
                try await runWorkload(client, logger: logger)
                if linger > 0 {
                    try await Task.sleep(for: .seconds(linger))
                    await group.triggerGracefulShutdown()
                }
            }
            try await tasks.waitForAll()
        }
        await connection.close()
    }

    /// Runs `workflows` Greet workflows at once and waits for their results.
    private func runWorkload(_ client: Greetings.Client, logger: Logger) async throws {
        let run = UUID().uuidString.prefix(8).lowercased()
        try await withThrowingTaskGroup(of: String.self) { greetings in
            for index in 1...max(1, workflows) {
                greetings.addTask {
                    try await client.executeGreet(
                        Greetings.GreetingRequest(name: "visitor-\(run)-\(index)"),
                        options: WorkflowStartOptions(taskQueue: taskQueue)
                    )
                }
            }
            var count = 0
            for try await greeting in greetings {
                count += 1
                logger.debug("\(greeting)")
            }
            logger.info("workload finished: \(count) workflows, e.g. greet-visitor-\(run)-1")
        }
    }

    /// The bytes of a hex string; nil if it is not one.
    static func bytes(hex: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var rest = Substring(hex)
        while !rest.isEmpty {
            guard rest.count >= 2, let byte = UInt8(rest.prefix(2), radix: 16) else { return nil }
            bytes.append(byte)
            rest = rest.dropFirst(2)
        }
        return bytes
    }
}
