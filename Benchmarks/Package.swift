// swift-tools-version: 6.1
import PackageDescription

// A separate package so the benchmarks never build as part of the library's own targets or tests.
// Run them in release mode: `swift run -c release --package-path Benchmarks GeneratorBenchmark`, and
// `swift run -c release --package-path Benchmarks ConverterBenchmark` (which also runs the Python SDK), and
// `swift run -c release --package-path Benchmarks ClientStartBenchmark` (workflow starts against a dev server), and
// `swift run -c release --package-path Benchmarks WorkflowWorkerBenchmark` (end-to-end workflows, Swift vs Python workers), and
// `swift run -c release --package-path Benchmarks ContractEvolutionBenchmark` (`breaking` and `docs` on the synthetic contract).
let package = Package(
    name: "GeneratorBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "swift-temporal-contracts", path: ".."),
        // The root package's own grpc-swift, named here for ClientStartBenchmark's `--raw` calls.
        .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
    ],
    targets: [
        // Formatting, statistics and the shared Python venv of the benchmarks below.
        .target(name: "BenchmarkSupport"),
        // The large synthetic contract the generator and contract-evolution benchmarks share.
        .target(name: "SyntheticContracts"),
        .executableTarget(
            name: "GeneratorBenchmark",
            dependencies: [
                "SyntheticContracts",
                .product(name: "TemporalContractsGenerator", package: "swift-temporal-contracts"),
            ]
        ),
        .executableTarget(
            name: "ContractEvolutionBenchmark",
            dependencies: [
                "SyntheticContracts",
                .product(name: "TemporalContractsGenerator", package: "swift-temporal-contracts"),
            ]
        ),
        .executableTarget(
            name: "ConverterBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "TemporalContracts", package: "swift-temporal-contracts"),
            ]
        ),
        .executableTarget(
            name: "ClientStartBenchmark",
            dependencies: [
                "BenchmarkSupport",
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
                .product(name: "TemporalContracts", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsGRPC", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsWorker", package: "swift-temporal-contracts"),
                .product(name: "TemporalDevServer", package: "swift-temporal-contracts"),
            ]
        ),
        .executableTarget(
            name: "WorkflowEngineBenchmark",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "TemporalContracts", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsEngine", package: "swift-temporal-contracts"),
                .product(name: "TemporalContractsTesting", package: "swift-temporal-contracts"),
                .product(name: "TemporalAPI", package: "swift-temporal-contracts"),
            ]
        ),
    ]
)
