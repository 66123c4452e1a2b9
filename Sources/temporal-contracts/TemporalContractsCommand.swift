import ArgumentParser
import Foundation
import TemporalContractsGenerator

/// `temporal-contracts`: compiles Temporal contracts (YAML or protobuf) into typed Swift.
@main
struct TemporalContractsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "temporal-contracts",
        abstract: "Generate typed Swift for Temporal workflows, signals, queries, updates and activities from a contract.",
        version: GeneratorPipeline.version,
        subcommands: [
            GenerateCommand.self, ValidateCommand.self, BreakingCommand.self, ExportCommand.self, DocsCommand.self, InitCommand.self,
        ]
    )

    /// Runs the command; `breaking` documents exit status 2 for usage errors, where ArgumentParser uses 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let status = exitCode(for: error)
            if status != .success, status != .failure, CommandLine.arguments.dropFirst().first == "breaking",
                !(error is ExitCode)
            {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
