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
        subcommands: [GenerateCommand.self, ValidateCommand.self, InitCommand.self]
    )
}
