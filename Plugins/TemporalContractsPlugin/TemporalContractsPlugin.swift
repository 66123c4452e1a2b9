import Foundation
import PackagePlugin

/// Generates Swift from the target's contracts on every build: each `*.temporal.yaml` (and each
/// `.proto` when the target has a `temporal-contracts.yaml`) becomes one build command, which
/// SwiftPM re-runs only when a contract or the config changed. Contract errors fail the build at
/// the contract's file and line. All work is done by the `temporal-contracts` CLI.
@main
struct TemporalContractsPlugin: BuildToolPlugin {
    /// Every kind of file the CLI writes with `--file-naming input-file`.
    static let outputKinds = ["Types", "Definitions", "Client", "Workflows", "Activities", "Mocks"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let files = target.sourceFiles.map(\.url)
        let config = files.first { $0.lastPathComponent == "temporal-contracts.yaml" }
        let contracts = files.filter {
            $0.lastPathComponent.hasSuffix(".temporal.yaml") || (config != nil && $0.pathExtension == "proto")
        }
        let tool = try context.tool(named: "temporal-contracts")
        let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
        return contracts.map { contract in
            var arguments = ["generate", contract.path, "--output", output.path, "--file-naming", "input-file"]
            if let config { arguments += ["--config", config.path] }
            let base = Self.baseName(of: contract.lastPathComponent)
            return .buildCommand(
                displayName: "Generating Swift from \(contract.lastPathComponent)",
                executable: tool.url,
                arguments: arguments,
                // Any contract may import another, so each command depends on all of them.
                inputFiles: contracts + (config.map { [$0] } ?? []),
                outputFiles: Self.outputKinds.map { output.appending(path: "\(base)+\($0).swift") }
            )
        }
    }

    /// The CLI's name for a contract file: `orders` for `orders.temporal.yaml`.
    static func baseName(of file: String) -> String {
        for suffix in [".temporal.yaml", ".proto"] where file.hasSuffix(suffix) {
            return String(file.dropLast(suffix.count))
        }
        return file
    }
}
