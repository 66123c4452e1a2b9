import Foundation
import PackagePlugin

/// `swift package check-temporal-contracts --against REF [--target T]… [--format json]`: runs
/// `temporal-contracts breaking` on the contracts of every target (or the named ones) against a
/// previous version — a git reference, a file or a folder — so a package's CI fails on a change
/// that breaks running executions or peers. The report of each target is printed as the CLI prints it.
@main
struct CheckTemporalContracts: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        guard let against = extractor.extractOption(named: "against").last else {
            Diagnostics.error("pass the previous version: --against main (a git reference, a contract file or a folder)")
            throw CheckFailed(targets: [])
        }
        let targets = try names.isEmpty ? context.package.targets : context.package.targets(named: names)
        let tool = try context.tool(named: "temporal-contracts")
        var checked = 0
        var breaking: [String] = []
        for case let target as SourceModuleTarget in targets {
            let files = target.sourceFiles.map(\.url)
            let config = files.first { $0.lastPathComponent == "temporal-contracts.yaml" }
            // The same selection as the build plugin: YAML contracts, and .proto files when configured.
            let contracts = files.filter {
                $0.lastPathComponent.hasSuffix(".temporal.yaml") || (config != nil && $0.pathExtension == "proto")
            }
            guard !contracts.isEmpty else { continue }
            print("Checking \(target.name) against \(against)")
            var arguments = ["breaking"] + contracts.map(\.path) + ["--against", against]
            if let config { arguments += ["--config", config.path] }
            arguments += extractor.remainingArguments
            let process = Process()
            process.executableURL = tool.url
            process.arguments = arguments
            // Git references resolve in the package's repository.
            process.currentDirectoryURL = context.package.directoryURL
            try process.run()
            process.waitUntilExit()
            checked += 1
            switch process.terminationStatus {
            case 0: break
            case 1: breaking.append(target.name)
            default:
                Diagnostics.error("temporal-contracts breaking could not check target '\(target.name)'")
                throw CheckFailed(targets: [target.name])
            }
        }
        if checked == 0 { Diagnostics.warning("no target has *.temporal.yaml contracts") }
        if !breaking.isEmpty {
            Diagnostics.error("breaking contract changes in: \(breaking.joined(separator: ", "))")
            throw CheckFailed(targets: breaking)
        }
    }
}

struct CheckFailed: Error, CustomStringConvertible {
    var targets: [String]
    var description: String {
        targets.isEmpty ? "nothing was checked" : "contracts of \(targets.joined(separator: ", ")) break running executions or peers"
    }
}
