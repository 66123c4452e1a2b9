// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "swift-temporal-contracts",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "TemporalContracts", targets: ["TemporalContracts"]),
        .library(name: "TemporalContractsProtobuf", targets: ["TemporalContractsProtobuf"]),
        .library(name: "TemporalContractsGenerator", targets: ["TemporalContractsGenerator"]),
        .executable(name: "temporal-contracts", targets: ["temporal-contracts"]),
        .executable(name: "protoc-gen-swift-temporal", targets: ["protoc-gen-swift-temporal"]),
        .plugin(name: "TemporalContractsPlugin", targets: ["TemporalContractsPlugin"]),
        .plugin(name: "GenerateTemporalContracts", targets: ["GenerateTemporalContracts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        // The runtime that generated code imports: Foundation only, so it compiles in seconds.
        .target(name: "TemporalContracts"),
        // Sends swift-protobuf messages as payloads; imported by code generated from `.proto` contracts.
        .target(
            name: "TemporalContractsProtobuf",
            dependencies: [
                "TemporalContracts",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
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

        .testTarget(
            name: "TemporalContractsGeneratorTests",
            // The executables are dependencies so their binaries are built for the command-line tests.
            dependencies: ["TemporalContractsGenerator", "temporal-contracts", "protoc-gen-swift-temporal"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "TemporalContractsTests",
            dependencies: ["TemporalContracts"]
        ),
        // Compiles the committed golden output of every fixture contract and exercises it.
        .testTarget(
            name: "GeneratedCodeTests",
            dependencies: [
                "TemporalContracts",
                "TemporalContractsProtobuf",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
    ]
)
