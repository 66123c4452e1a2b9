// swift-tools-version: 6.1
// The example contract end to end: `order-demo` starts a Temporal dev server, serves the
// OrderService workflow and activities (Examples/Consumer) on a Swift worker, and drives two orders
// with the generated typed client. A package of its own so that Examples/Consumer, which the
// build-plugin check copies and builds, does not have to build gRPC.
import PackageDescription

let package = Package(
    name: "OrderDemo",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "swift-temporal-contracts", path: "../.."),
        .package(name: "OrderService", path: "../Consumer"),
    ],
    targets: [
        .executableTarget(
            name: "order-demo",
            dependencies: [
                .product(name: "OrderService", package: "OrderService"),
                // With the runtime, the gRPC connection and swift-log, which it re-exports.
                .product(name: "TemporalContractsWorker", package: "swift-temporal-contracts"),
                .product(name: "TemporalDevServer", package: "swift-temporal-contracts"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        )
    ]
)
