// swift-tools-version: 6.1
import PackageDescription

// A separate package so the benchmarks never build as part of the library's own targets or tests.
// Run them in release mode: `swift run -c release --package-path Benchmarks GeneratorBenchmark`, and
// `swift run -c release --package-path Benchmarks ConverterBenchmark` (which also runs the Python SDK), and
// `swift run -c release --package-path Benchmarks ClientStartBenchmark` (workflow starts against a dev server), and
// `swift run -c release --package-path Benchmarks WorkflowWorkerBenchmark` (CPU per task of each SDK's worker process), and
// `swift run -c release --package-path Benchmarks ContractEvolutionBenchmark` (`breaking` and `docs` on the synthetic contract), and
// `swift run -c release --package-path Benchmarks WaitingRunsBenchmark` (cached-run memory and signal → update latency), and
// `swift run -c release --package-path Benchmarks EncryptionCodecBenchmark` (the AES-GCM codec against Python's sample codec).
let package = Package(
    name: "GeneratorBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "swift-temporal-contracts", path: ".."),
        // The root package's own grpc-swift, named here for ClientStartBenchmark's `--raw` calls.
        .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // The root package's own swift-protobuf, for ConverterBenchmark's binary/protobuf payloads.
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
        // The root package's own swift-metrics, for WaitingRunsBenchmark's cache-size gauge.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        // The root package's own swift-nio, for WorkflowWorkerBenchmark's `serve --nio-executor`.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        // The root package's own swift-crypto, for EncryptionCodecBenchmark's key.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // Formatting, statistics and the shared Python venv of the benchmarks below.
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The large synthetic contract the generator and contract-evolution benchmarks share.
        .target(name: "SyntheticContracts"),
        .executableTarget(
            name: "GeneratorBenchmark",
            dependencies: [
                "BenchmarkSupport",
                "SyntheticContracts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TemporalContractsGenerator", package: "swift-temporal-contracts"),
            ]
        ),
        .executableTarget(
            name: "ContractEvolutionBenchmark",
            dependencies: [
                "BenchmarkSupport",
                "SyntheticContracts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TemporalContractsGenerator", package: "swift-temporal-contracts"),
            ]
        ),
        .executableTarget(
            name: "ConverterBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TemporalContracts", package: "swift-temporal-contracts"),
                // The payload-size run's binary/protobuf cases: a Temporal API message both SDKs have.
                .product(name: "TemporalContractsProtobuf", package: "swift-temporal-contracts"),
                .product(name: "TemporalAPI", package: "swift-temporal-contracts"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        .executableTarget(
            name: "ClientStartBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TemporalContracts", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsGRPC", package: "swift-temporal-contracts"),
                .product(name: "TemporalDevServer", package: "swift-temporal-contracts"),
                // TemporalAPI and GRPCCore: to read the started events back (the check that both sides
                // sent the same start) and for the `--raw` diagnostic.
                .product(name: "TemporalAPI", package: "swift-temporal-contracts"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
            ]
        ),
        .executableTarget(
            name: "ActivityWorkerBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TemporalContracts", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsGRPC", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsWorker", package: "swift-temporal-contracts"),
                .product(name: "TemporalDevServer", package: "swift-temporal-contracts"),
            ]
        ),
        .executableTarget(
            name: "WorkflowWorkerBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TemporalContracts", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsGRPC", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsWorker", package: "swift-temporal-contracts"),
                .product(name: "TemporalDevServer", package: "swift-temporal-contracts"),
                // `serve --nio-executor`: the worker process's Swift concurrency on NIO's event loops.
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "HistoryReplayBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TemporalContracts", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsEngine", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsGRPC", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsWorker", package: "swift-temporal-contracts"),
                .product(name: "TemporalDevServer", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsTesting", package: "swift-temporal-contracts"),
                .product(name: "TemporalAPI", package: "swift-temporal-contracts"),
            ]
        ),
        .executableTarget(
            name: "WaitingRunsBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TemporalContracts", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsGRPC", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsWorker", package: "swift-temporal-contracts"),
                .product(name: "TemporalDevServer", package: "swift-temporal-contracts"),
                // CoreMetrics: the worker subcommand reads its cache size from the worker's gauge.
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        .executableTarget(
            name: "EncryptionCodecBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TemporalContracts", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsConversion", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsEncryption", package: "swift-temporal-contracts"),
                .product(name: "TemporalAPI", package: "swift-temporal-contracts"),
                // The root package's own swift-crypto, for the benchmark's random key.
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Clean debug builds of consumer packages of each layer; builds them, so depends on none.
        .executableTarget(
            name: "BuildCostBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "WorkflowEngineBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TemporalContracts", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsEngine", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsTesting", package: "swift-temporal-contracts"),
                .product(name: "TemporalAPI", package: "swift-temporal-contracts"),
            ]
        ),
    ]
)
