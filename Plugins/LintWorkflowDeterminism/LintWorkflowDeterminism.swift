import Foundation
import PackagePlugin

/// `swift package lint-workflow-determinism [--target T]… [--error]`: runs
/// `temporal-determinism-lint` on the Swift files of every target (or the named ones) and prints
/// its findings; with `--error` it fails when there are any, for CI.
@main
struct LintWorkflowDeterminism: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        let targets = try names.isEmpty ? context.package.targets : context.package.targets(named: names)
        let tool = try context.tool(named: "temporal-determinism-lint")
        var failed: [String] = []
        for case let target as SourceModuleTarget in targets {
            let sources = target.sourceFiles(withSuffix: "swift").map(\.url.path)
            guard !sources.isEmpty else { continue }
            let process = Process()
            process.executableURL = tool.url
            process.arguments = extractor.remainingArguments + sources
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 { failed.append(target.name) }
        }
        if !failed.isEmpty {
            Diagnostics.error("replay-unsafe calls in workflow code of: \(failed.joined(separator: ", "))")
            throw LintFailed(targets: failed)
        }
    }
}

/// The targets whose workflow code has findings reported as errors.
struct LintFailed: Error, CustomStringConvertible {
    var targets: [String]
    var description: String { "workflow determinism findings in \(targets.joined(separator: ", "))" }
}
