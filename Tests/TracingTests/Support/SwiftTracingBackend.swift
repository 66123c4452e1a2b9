import Logging
import OTel
import ServiceLifecycle
import Tracing

/// swift-otel's tracer exporting over OTLP/HTTP to the test's collector, under `serviceName`.
/// Not bootstrapped into `InstrumentationSystem`: each test gets its own, and passes it to the
/// tracing interceptor.
final class SwiftTracingBackend: Sendable {
    let tracer: any Tracer
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    init(collector: SpanCollector, serviceName: String) throws {
        var configuration = OTel.Configuration.default
        configuration.serviceName = serviceName
        configuration.diagnosticLogLevel = .warning
        configuration.traces.otlpExporter.endpoint = collector.tracesEndpoint
        configuration.traces.otlpExporter.protocol = .httpProtobuf
        configuration.traces.batchSpanProcessor.scheduleDelay = .milliseconds(100)
        let backend = try OTel.makeTracingBackend(configuration: configuration)
        tracer = backend.factory
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [backend.service], logger: Logger(label: "tracing-tests.otel"))
        )
        self.group = group
        running = Task { try await group.run() }
    }

    /// Exports what is still buffered and stops the exporter.
    func shutdown() async {
        await group.triggerGracefulShutdown()
        _ = await running.result
    }
}
