import Foundation
import Hummingbird
import NIOCore
import Prometheus
import ServiceLifecycle
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `/metrics` endpoint on a free port of 127.0.0.1 that serves a registry's Prometheus text,
/// as an application exposes it, and the scrape a Prometheus server would make of it.
struct MetricsEndpoint: Sendable {
    let url: URL
    private let services: ServiceGroup
    private let serving: Task<Void, any Error>

    static func start(registry: PrometheusCollectorRegistry) async throws -> MetricsEndpoint {
        let router = Router()
        router.get("metrics") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
            )
        }
        let (ports, port) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                port.yield(channel.localAddress?.port ?? 0)
                port.finish()
            }
        )
        let services = ServiceGroup(configuration: ServiceGroupConfiguration(services: [application], logger: application.logger))
        let serving = Task { try await services.run() }
        let bound = try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask { await ports.first { _ in true } }
            group.addTask {
                try await Task.sleep(for: .seconds(60))
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        guard let bound, bound > 0 else {
            serving.cancel()
            throw MetricsEndpointError(description: "the metrics endpoint did not start within 60 s")
        }
        return MetricsEndpoint(url: URL(string: "http://127.0.0.1:\(bound)/metrics")!, services: services, serving: serving)
    }

    /// One scrape of the endpoint.
    func scrape() async throws -> PrometheusScrape {
        let (data, response) = try await URLSession.shared.data(from: url)
        let status = (response as? HTTPURLResponse)?.statusCode
        guard status == 200 else { throw MetricsEndpointError(description: "GET \(url) answered \(status.map(String.init) ?? "?")") }
        return PrometheusScrape(text: String(decoding: data, as: UTF8.self))
    }

    /// Scrapes every 200 ms until `condition` holds (at most 120 s); returns that scrape.
    func scrape(until what: String, _ condition: (PrometheusScrape) -> Bool) async throws -> PrometheusScrape {
        let deadline = ContinuousClock.now + .seconds(120)
        while true {
            let scrape = try await scrape()
            if condition(scrape) { return scrape }
            guard ContinuousClock.now < deadline else {
                throw MetricsEndpointError(description: "not within 120 s: \(what)")
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    func stop() async {
        await services.triggerGracefulShutdown()
        _ = try? await serving.value
    }
}

struct MetricsEndpointError: Error, CustomStringConvertible {
    var description: String
}
