// swift-tools-version: 6.1
// A package that uses swift-temporal-contracts as a user would: the build plugin generates the
// contract's Swift on every build, and the tests use the generated mocks, which a test-support
// target generates so that the shipping `OrderService` target carries none. Examples/Demo runs
// its workflow and activities on a dev server through the `OrderService` library.
import PackageDescription

let package = Package(
    name: "OrderService",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "OrderService", targets: ["OrderService"])
    ],
    dependencies: [
        .package(name: "swift-temporal-contracts", path: "../..")
    ],
    targets: [
        .target(
            name: "OrderService",
            dependencies: [.product(name: "TemporalContracts", package: "swift-temporal-contracts")],
            // The determinism lint is opt-in: it reports replay-unsafe calls in the workflows as warnings.
            plugins: [
                .plugin(name: "TemporalContractsPlugin", package: "swift-temporal-contracts"),
                .plugin(name: "TemporalDeterminismPlugin", package: "swift-temporal-contracts"),
            ]
        ),
        // The mocks of OrderService's contracts (its config: `outputs: [mocks]`, `outputsModule:
        // OrderService`), for tests only.
        .target(
            name: "OrderServiceTestSupport",
            dependencies: ["OrderService", .product(name: "TemporalContracts", package: "swift-temporal-contracts")],
            path: "Tests/OrderServiceTestSupport",
            plugins: [.plugin(name: "TemporalContractsPlugin", package: "swift-temporal-contracts")]
        ),
        .testTarget(
            name: "OrderServiceTests",
            dependencies: [
                "OrderService", "OrderServiceTestSupport",
                .product(name: "TemporalContracts", package: "swift-temporal-contracts"),
            ]
        ),
    ]
)
