// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "swift-temporal-contracts",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "TemporalContracts", targets: ["TemporalContracts"]),
        .library(name: "TemporalContractsProtobuf", targets: ["TemporalContractsProtobuf"]),
        .library(name: "TemporalContractsConversion", targets: ["TemporalContractsConversion"]),
        .library(name: "TemporalContractsGRPC", targets: ["TemporalContractsGRPC"]),
        .library(name: "TemporalContractsWorker", targets: ["TemporalContractsWorker"]),
        .library(name: "TemporalContractsEngine", targets: ["TemporalContractsEngine"]),
        .library(name: "TemporalContractsTracing", targets: ["TemporalContractsTracing"]),
        .library(name: "TemporalContractsEncryption", targets: ["TemporalContractsEncryption"]),
        .library(name: "TemporalContractsTesting", targets: ["TemporalContractsTesting"]),
        .library(name: "TemporalAPI", targets: ["TemporalAPI"]),
        .library(name: "TemporalDevServer", targets: ["TemporalDevServer"]),
        .library(name: "TemporalContractsCodecServer", targets: ["TemporalContractsCodecServer"]),
        .executable(name: "temporal-codec-server", targets: ["temporal-codec-server"]),
        .library(name: "TemporalContractsGenerator", targets: ["TemporalContractsGenerator"]),
        .executable(name: "temporal-contracts", targets: ["temporal-contracts"]),
        .executable(name: "protoc-gen-swift-temporal", targets: ["protoc-gen-swift-temporal"]),
        .plugin(name: "TemporalContractsPlugin", targets: ["TemporalContractsPlugin"]),
        .plugin(name: "GenerateTemporalContracts", targets: ["GenerateTemporalContracts"]),
        .plugin(name: "CheckTemporalContracts", targets: ["CheckTemporalContracts"]),
        .executable(name: "temporal-determinism-lint", targets: ["temporal-determinism-lint"]),
        .plugin(name: "TemporalDeterminismPlugin", targets: ["TemporalDeterminismPlugin"]),
        .plugin(name: "LintWorkflowDeterminism", targets: ["LintWorkflowDeterminism"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // AES-GCM for TemporalContractsEncryption only (already in the graph through swift-certificates).
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        // zlib (with a bounded inflate) for TemporalContractsEncryption's compression.
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        // ByteBuffer, the currency of compress-nio (already in the graph through grpc-swift-nio-transport).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        // Spans for TemporalContractsTracing (the API only; the user picks the backend).
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
        // The OTLP/HTTP span exporter of the tracing tests only; never a dependency of a library target.
        .package(url: "https://github.com/swift-otel/swift-otel.git", from: "1.6.0", traits: ["OTLPHTTP"]),
        // The codec server's HTTP framework; only TemporalContractsCodecServer and its executable use it.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // Header names for the codec server's requests (already in the graph through Hummingbird).
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // The Prometheus exporter of the metrics test only; never a dependency of a library target.
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // Only the determinism lint parses Swift; the runtime, generator and CLI never depend on it.
        .package(url: "https://github.com/swiftlang/swift-syntax.git", from: "603.0.1"),
    ],
    targets: [
        // The runtime that generated code imports: Foundation and swift-log only, so it compiles in seconds.
        .target(
            name: "TemporalContracts",
            dependencies: [.product(name: "Logging", package: "swift-log")]
        ),
        // Sends swift-protobuf messages as payloads; imported by code generated from `.proto` contracts.
        .target(
            name: "TemporalContractsProtobuf",
            dependencies: [
                "TemporalContracts",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        // The Temporal API messages, generated by Scripts/generate-temporal-api.sh from the pinned
        // temporalio wheel's descriptors. Messages only: the service client lives on the gRPC side.
        .target(
            name: "TemporalAPI",
            dependencies: [
                .product(name: "SwiftProtobuf", package: "swift-protobuf")
            ]
        ),
        // Runtime values ⇄ Temporal API messages (payloads, failures, durations, policies,
        // descriptions, search attributes) and payload codecs over API messages. No networking.
        .target(
            name: "TemporalContractsConversion",
            dependencies: [
                "TemporalContracts",
                "TemporalAPI",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        // The gRPC transport: the workflow service client (generated), `TemporalTransport` over it,
        // with TLS, API keys and retries.
        .target(
            name: "TemporalContractsGRPC",
            dependencies: [
                "TemporalContracts",
                "TemporalContractsConversion",
                "TemporalAPI",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                // The Posix transport only: the umbrella product adds the Network.framework one,
                // which no consumer of this module uses, and its modules to every build.
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                // The request metrics of every call (`temporal_request`, …); the API only.
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // Workers that serve a contract's workflows (on the engine) and activities on a task
        // queue, over the gRPC transport.
        .target(
            name: "TemporalContractsWorker",
            dependencies: [
                "TemporalContracts",
                "TemporalContractsConversion",
                "TemporalContractsGRPC",
                "TemporalContractsEngine",
                "TemporalAPI",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The deterministic workflow engine: runs workflow implementations from Temporal history
        // events to Temporal commands, for the worker and the test environment alike.
        .target(
            name: "TemporalContractsEngine",
            dependencies: [
                "TemporalContracts",
                "TemporalContractsConversion",
                "TemporalAPI",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        // The in-process test environment: workflows on the engine, activities in-process, a
        // typed client, time skipping.
        .target(
            name: "TemporalContractsTesting",
            dependencies: [
                "TemporalContracts",
                "TemporalContractsEngine",
                "TemporalContractsConversion",
                "TemporalAPI",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        // AES-256-GCM and zlib payload codecs, wire-compatible with the Python and Go SDKs' samples.
        // Its own module so that only teams that encrypt build swift-crypto.
        .target(
            name: "TemporalContractsEncryption",
            dependencies: [
                "TemporalContracts",
                "TemporalContractsConversion",
                "TemporalAPI",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Spans for client calls, workflows and activities on swift-distributed-tracing, with the trace
        // context in the Temporal headers as the Python SDK's TracingInterceptor writes it.
        .target(
            name: "TemporalContractsTracing",
            dependencies: [
                "TemporalContracts",
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ]
        ),
        // Starts and stops `temporal server start-dev` for tests and benchmarks.
        .target(name: "TemporalDevServer"),
        // The codec server the web UI and the `temporal` CLI call to encode and decode payloads
        // with a team's codecs. Its own module so that only teams that run one build Hummingbird.
        .target(
            name: "TemporalContractsCodecServer",
            dependencies: [
                "TemporalContracts",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The template codec server: copy it and put your codecs in.
        .executableTarget(
            name: "temporal-codec-server",
            dependencies: [
                "TemporalContractsCodecServer",
                "TemporalContracts",
                "TemporalContractsEncryption",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // The generator pipeline: load → validate → translate → render.
        .target(
            name: "TemporalContractsGenerator",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "SwiftProtobufPluginLibrary", package: "swift-protobuf"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "temporal-contracts",
            dependencies: [
                "TemporalContractsGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "protoc-gen-swift-temporal",
            dependencies: [
                "TemporalContractsGenerator",
                .product(name: "SwiftProtobufPluginLibrary", package: "swift-protobuf"),
            ]
        ),

        // Generates on every build from the contracts in a target.
        .plugin(
            name: "TemporalContractsPlugin",
            capability: .buildTool(),
            dependencies: ["temporal-contracts"]
        ),
        // Writes the generated code into the package, for teams that commit it.
        .plugin(
            name: "GenerateTemporalContracts",
            capability: .command(
                intent: .custom(
                    verb: "generate-temporal-contracts",
                    description: "Generate Swift from the Temporal contracts of the package's targets"
                ),
                permissions: [.writeToPackageDirectory(reason: "writes the generated Swift into each target's Generated folder")]
            ),
            dependencies: ["temporal-contracts"]
        ),
        // Runs the breaking-change check on every target's contracts, for CI.
        .plugin(
            name: "CheckTemporalContracts",
            capability: .command(
                intent: .custom(
                    verb: "check-temporal-contracts",
                    description: "Report contract changes that break running executions or peers, against a previous version"
                )
            ),
            dependencies: ["temporal-contracts"]
        ),

        // Reports replay-unsafe calls in workflow implementations (clock, random, sleeps, threads,
        // I/O, globals) by parsing them: the rules, and the thin command-line tool the plugins run.
        .target(
            name: "TemporalDeterminismLint",
            dependencies: [
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
            ]
        ),
        .executableTarget(
            name: "temporal-determinism-lint",
            dependencies: [
                "TemporalDeterminismLint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Opt-in per target: lints its workflow code on every build, findings as located warnings.
        .plugin(
            name: "TemporalDeterminismPlugin",
            capability: .buildTool(),
            dependencies: ["temporal-determinism-lint"]
        ),
        // The same check on demand, for CI: `swift package lint-workflow-determinism [--error]`.
        .plugin(
            name: "LintWorkflowDeterminism",
            capability: .command(
                intent: .custom(
                    verb: "lint-workflow-determinism",
                    description: "Report calls in workflow implementations that break replay"
                )
            ),
            dependencies: ["temporal-determinism-lint"]
        ),

        .testTarget(
            name: "TemporalContractsGeneratorTests",
            // The command-line tests run the executables that `swift build --build-tests` builds beside
            // them. Depending on them here would link their objects twice once a test target uses
            // the build plugin (SwiftPM links the plugin's host-tool copy too).
            dependencies: ["TemporalContractsGenerator"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "TemporalContractsTests",
            dependencies: ["TemporalContracts"]
        ),
        .testTarget(
            name: "TemporalContractsConversionTests",
            dependencies: ["TemporalContractsConversion", "TemporalAPI", .product(name: "SwiftProtobuf", package: "swift-protobuf")]
        ),
        .testTarget(
            name: "TemporalContractsGRPCTests",
            dependencies: ["TemporalContractsGRPC", "TemporalAPI", .product(name: "GRPCCore", package: "grpc-swift-2")]
        ),
        .testTarget(
            name: "TemporalContractsWorkerTests",
            dependencies: [
                "TemporalContractsWorker", "TemporalContractsEngine", "TemporalContracts", "TemporalAPI",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        // Workflows of a fixture contract on the engine, through the test environment.
        .testTarget(
            name: "WorkflowEngineTests",
            dependencies: [
                "TemporalContracts", "TemporalContractsEngine", "TemporalContractsTesting", "TemporalAPI",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            plugins: [.plugin(name: "TemporalContractsPlugin")]
        ),
        .testTarget(
            name: "TemporalContractsEncryptionTests",
            dependencies: [
                "TemporalContractsEncryption", "TemporalContracts", "TemporalContractsConversion",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            // The Python script that wrote the fixture vectors, and the vectors (read by path).
            exclude: ["python", "Fixtures"]
        ),
        // The codec server over real HTTP, and the real `temporal` CLI and web UI calling it.
        .testTarget(
            name: "CodecServerTests",
            dependencies: [
                "TemporalContractsCodecServer", "TemporalContracts", "TemporalContractsEncryption", "TemporalContractsGRPC",
                "TemporalDevServer",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["python"]
        ),
        // One trace across a Python client, a Swift workflow and a Python activity, exported over
        // OTLP/HTTP (swift-otel, opentelemetry-sdk) to a collector process, on a dev server.
        .testTarget(
            name: "TracingTests",
            dependencies: [
                "TemporalContractsTracing", "TemporalContracts", "TemporalContractsGRPC", "TemporalContractsWorker",
                "TemporalContractsTesting", "TemporalContractsEngine", "TemporalDevServer", "TemporalAPI",
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["python"]
        ),
        // The worker's and client's metrics as Prometheus exposes them, scraped over HTTP while a
        // workload runs on a dev server: the names, tags and counts the SDK dashboards query.
        .testTarget(
            name: "MetricsExportTests",
            dependencies: [
                "InteropWorkflows", "TemporalContracts", "TemporalContractsGRPC", "TemporalContractsWorker", "TemporalDevServer",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "TemporalDevServerTests",
            dependencies: ["TemporalDevServer"]
        ),
        // Server-backed: the generated client through the gRPC transport against a dev server and
        // Python workers. The contract is compiled by the build plugin, as a user's would be.
        .testTarget(
            name: "InteropTests",
            dependencies: [
                "InteropWorkflows", "TemporalContracts", "TemporalContractsGRPC", "TemporalContractsWorker",
                "TemporalContractsEngine", "TemporalDevServer", "TemporalAPI",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // The encryption interop tests (EncryptionInteropTests.swift).
                "TemporalContractsEncryption", .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["python"],
            plugins: [.plugin(name: "TemporalContractsPlugin")]
        ),
        // The interop fixtures' Swift workflows and activities (Trips, Fulfillment), compiled
        // from their contracts by the build plugin; used by the interop tests and their worker.
        .target(
            name: "InteropWorkflows",
            dependencies: ["TemporalContracts"],
            path: "Tests/InteropWorkflows",
            plugins: [.plugin(name: "TemporalContractsPlugin")]
        ),
        // The Swift worker process the interop tests start, stop and kill.
        .executableTarget(
            name: "interop-worker",
            dependencies: [
                "InteropWorkflows", "TemporalContractsGRPC", "TemporalContractsWorker",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/InteropWorker"
        ),
        // The chaos soak's workload (a contract of its own, its workflows, activities and oracle),
        // its worker process, and the soak that runs them under injected faults.
        .target(
            name: "ChaosWorkload",
            dependencies: ["TemporalContracts"],
            path: "Tests/ChaosWorkload",
            plugins: [.plugin(name: "TemporalContractsPlugin")]
        ),
        .executableTarget(
            name: "chaos-worker",
            dependencies: [
                "ChaosWorkload", "TemporalContractsGRPC", "TemporalContractsWorker",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/ChaosWorker"
        ),
        .testTarget(
            name: "ChaosSoakTests",
            dependencies: [
                "ChaosWorkload", "TemporalContracts", "TemporalContractsGRPC", "TemporalDevServer", "TemporalAPI",
            ],
            exclude: ["README.md"]
        ),
        // Two versions of one contract, generated into separate modules so a test can encode with one
        // version's types and decode with the other's (Tests/ContractEvolutionTests).
        .target(name: "EvolvingContractV1", dependencies: ["TemporalContracts"], path: "Tests/ContractEvolution/V1"),
        .target(name: "EvolvingContractV2", dependencies: ["TemporalContracts"], path: "Tests/ContractEvolution/V2"),
        .testTarget(
            name: "ContractEvolutionTests",
            dependencies: ["EvolvingContractV1", "EvolvingContractV2", "TemporalContracts", "TemporalContractsGenerator"],
            exclude: ["Fixtures"]
        ),
        // The determinism rules on fixture workflows, and the project's own workflows linted clean.
        .testTarget(
            name: "TemporalDeterminismLintTests",
            dependencies: ["TemporalDeterminismLint"],
            exclude: ["Fixtures"]
        ),
        // Compiles the committed golden output of every fixture contract and exercises it.
        .testTarget(
            name: "GeneratedCodeTests",
            dependencies: [
                "TemporalContracts",
                "TemporalContractsProtobuf",
                "TemporalContractsTesting",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
    ]
)

// Strict settings for the project's own Swift targets: existentials spelled `any`, and members
// visible only through modules a file imports itself, so a file's imports say what it uses.
for target in package.targets where target.type != .plugin {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
        ]
}
