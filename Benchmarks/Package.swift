// swift-tools-version: 6.1
import PackageDescription

// A separate package so the benchmarks never build as part of the library's own targets or tests.
// Run them in release mode: `swift run -c release --package-path Benchmarks GeneratorBenchmark`, and
// `swift run -c release --package-path Benchmarks ConverterBenchmark` (which also runs the Python SDK).
let package = Package(
    name: "GeneratorBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "swift-temporal-contracts", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "GeneratorBenchmark",
            dependencies: [
                .product(name: "TemporalContractsGenerator", package: "swift-temporal-contracts")
            ]
        ),
        .executableTarget(
            name: "ConverterBenchmark",
            dependencies: [
                .product(name: "TemporalContracts", package: "swift-temporal-contracts")
            ]
        ),
    ]
)
