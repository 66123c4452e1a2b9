// swift-tools-version: 6.1
import PackageDescription

// A separate package so the benchmark never builds as part of the library's own targets or tests.
// Run it in release mode: `swift run -c release --package-path Benchmarks GeneratorBenchmark`.
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
        )
    ]
)
