import Foundation
import PackagePlugin

/// `swift package generate-temporal-contracts [--target T]…`: writes the generated Swift into each
/// target's `Generated/` folder, for teams that commit generated code instead of using the build
/// plugin. Runs the `temporal-contracts` CLI; its diagnostics are reported at the contract's line.
@main
struct GenerateTemporalContracts: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        let targets = try names.isEmpty ? context.package.targets : context.package.targets(named: names)
        let tool = try context.tool(named: "temporal-contracts")
        var generated = 0
        for case let target as SourceModuleTarget in targets {
            let files = target.sourceFiles.map(\.url)
            let config = files.first { $0.lastPathComponent == "temporal-contracts.yaml" }
            let contracts = files.filter {
                $0.lastPathComponent.hasSuffix(".temporal.yaml") || (config != nil && $0.pathExtension == "proto")
            }
            guard !contracts.isEmpty else { continue }
            let output = target.directoryURL.appending(path: "Generated")
            var arguments = ["generate"] + contracts.map(\.path) + ["--output", output.path]
            if let config { arguments += ["--config", config.path] }
            arguments += extractor.remainingArguments
            let process = Process()
            process.executableURL = tool.url
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                Diagnostics.error("temporal-contracts failed for target '\(target.name)'")
                throw GenerationFailed(target: target.name)
            }
            generated += 1
        }
        if generated == 0 {
            Diagnostics.warning("no target has *.temporal.yaml contracts")
        }
    }
}

struct GenerationFailed: Error, CustomStringConvertible {
    var target: String
    var description: String { "generating Swift for target '\(target)' failed; see the errors above" }
}
