import Foundation

/// A layer of the package as a user depends on it, and the tiny consumer package that does.
enum ConsumerLayer: String, CaseIterable {
    case runtime
    case grpc
    case worker

    /// The products the consumer depends on and imports.
    var products: [String] {
        switch self {
        case .runtime: ["TemporalContracts", "TemporalContractsTesting"]
        case .grpc: ["TemporalContracts", "TemporalContractsGRPC"]
        case .worker: ["TemporalContracts", "TemporalContractsWorker"]
        }
    }

    /// Writes the consumer package into `folder`, with the repository's `Package.resolved` so the
    /// same dependency versions build, and returns the folder.
    func writeConsumer(in folder: URL, root: URL) throws -> URL {
        let sources = folder.appendingPathComponent("Sources/Consumer")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let dependencies = products.map { ".product(name: \"\($0)\", package: \"swift-temporal-contracts\")" }
        let manifest = """
            // swift-tools-version: 6.1
            import PackageDescription

            let package = Package(
                name: "Consumer",
                platforms: [.macOS(.v15)],
                dependencies: [.package(name: "swift-temporal-contracts", path: "\(root.path)")],
                targets: [
                    .executableTarget(
                        name: "Consumer",
                        dependencies: [\(dependencies.joined(separator: ", "))]
                    )
                ]
            )

            """
        try manifest.write(to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let main = products.map { "import \($0)\n" }.joined() + "\nprint(\"consumer of \(rawValue)\")\n"
        try main.write(to: sources.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        let resolved = root.appendingPathComponent("Package.resolved")
        if FileManager.default.fileExists(atPath: resolved.path) {
            try FileManager.default.copyItem(at: resolved, to: folder.appendingPathComponent("Package.resolved"))
        }
        return folder
    }
}
