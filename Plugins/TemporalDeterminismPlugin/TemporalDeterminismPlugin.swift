import Foundation
import PackagePlugin

/// Checks the target's workflow implementations for replay-unsafe calls on every build: one build
/// command runs `temporal-determinism-lint` on the target's Swift files, which SwiftPM re-runs only
/// when one of them changed, and whose findings show up as located warnings. Opt in per target with
/// `plugins: [.plugin(name: "TemporalDeterminismPlugin", package: "swift-temporal-contracts")]`.
@main
struct TemporalDeterminismPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let sources = target.sourceFiles(withSuffix: "swift").map(\.url)
        guard !sources.isEmpty else { return [] }
        // The stamp is an empty Swift file: an output SwiftPM compiles, so the command runs before
        // the target's compilation and again only when an input changed.
        let stamp = context.pluginWorkDirectoryURL.appending(path: "DeterminismLint.swift")
        let tool = try context.tool(named: "temporal-determinism-lint")
        return [
            .buildCommand(
                displayName: "Checking workflow determinism in \(target.name)",
                executable: tool.url,
                arguments: ["--stamp", stamp.path] + sources.map(\.path),
                inputFiles: sources,
                outputFiles: [stamp]
            )
        ]
    }
}
