import Hummingbird
import Prometheus

/// `GET /metrics`: the registry's metrics in the Prometheus text format, for Prometheus to scrape.
enum MetricsEndpoint {
    static func application(registry: PrometheusCollectorRegistry, host: String, port: Int) -> some ApplicationProtocol {
        let router = Router()
        router.get("metrics") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
            )
        }
        return Application(router: router, configuration: ApplicationConfiguration(address: .hostname(host, port: port)))
    }
}
