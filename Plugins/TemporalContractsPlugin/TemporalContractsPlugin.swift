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
        var contracts = Self.contracts(in: files, withConfig: config != nil)
        // A test-support target generates its mocks from the contracts of the target its config
        // names as `outputsModule`, which holds the other outputs.
        if contracts.isEmpty, let config, let module = try Self.outputsModule(in: config),
            let source = target.dependencies.lazy.compactMap({ dependency -> SourceModuleTarget? in
                guard case .target(let dependency) = dependency else { return nil }
                return dependency as? SourceModuleTarget
            }).first(where: { $0.name == module })
        {
            let sourceFiles = source.sourceFiles.map(\.url)
            let sourceConfig = sourceFiles.contains { $0.lastPathComponent == "temporal-contracts.yaml" }
            contracts = Self.contracts(in: sourceFiles, withConfig: sourceConfig)
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

    /// The contracts among a target's files: every `*.temporal.yaml`, and `.proto` files when the
    /// target has a config.
    static func contracts(in files: [URL], withConfig: Bool) -> [URL] {
        files.filter { $0.lastPathComponent.hasSuffix(".temporal.yaml") || (withConfig && $0.pathExtension == "proto") }
    }

    /// The config's `outputsModule: Name` line. The plugin cannot use the CLI's YAML reader, and a
    /// module name is one plain scalar; the CLI reads the whole file and reports its errors.
    static func outputsModule(in config: URL) throws -> String? {
        for line in try String(contentsOf: config, encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "outputsModule" else { continue }
            let value = parts[1].split(separator: "#", maxSplits: 1).first ?? ""
            return value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
        }
        return nil
    }

    /// The CLI's name for a contract file: `orders` for `orders.temporal.yaml`.
    static func baseName(of file: String) -> String {
        for suffix in [".temporal.yaml", ".proto"] where file.hasSuffix(suffix) {
            return String(file.dropLast(suffix.count))
        }
        return file
    }
}
