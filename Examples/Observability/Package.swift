// swift-tools-version: 6.1
// A worker with everything production teams expect around it, against a Temporal dev server:
// tracing (TracingInterceptor, exported over OTLP/HTTP with swift-otel), payload encryption
// (AESGCMPayloadCodec) on the client and the worker, the codec server the web UI and the CLI call
// to read those payloads (CodecServer), and Prometheus metrics (swift-prometheus) on `/metrics`.
// A package of its own so that the root package's libraries never depend on swift-otel or
// swift-prometheus.
import PackageDescription

let package = Package(
    name: "ObservabilityExample",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "swift-temporal-contracts", path: "../.."),
        .package(url: "https://github.com/swift-otel/swift-otel.git", from: "1.6.0", traits: ["OTLPHTTP"]),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .executableTarget(
            name: "observability-example",
            dependencies: [
                // With the runtime, the gRPC connection, swift-log and swift-service-lifecycle, which it re-exports.
                .product(name: "TemporalContractsWorker", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsTracing", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsEncryption", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsCodecServer", package: "swift-temporal-contracts"),
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")],
            plugins: [.plugin(name: "TemporalContractsPlugin", package: "swift-temporal-contracts")]
        )
    ]
)
