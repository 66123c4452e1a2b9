import ArgumentParser
import Foundation
import TemporalContractsGenerator

/// `temporal-contracts export`: the contracts as JSON for other languages' teams and for tools —
/// one JSON Schema or one manifest per contract.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a JSON Schema or a manifest of each contract, for other languages and tools; only changed files are written."
    )

    @OptionGroup var contracts: ContractOptions

    @Option(
        name: .long,
        help: "What to write: json-schema (payload types, for other languages' generators) or manifest (for tools and CI)."
    )
    var format: ContractExporter.Format

    @Option(name: [.short, .long], help: "The folder to write the files into: <Contract>.schema.json or <Contract>.manifest.json.")
    var output: String

    @Option(
        name: .long,
        help:
            "The start of each JSON Schema's $id, e.g. https://schemas.example.com/temporal/ (default: urn:temporal-contracts:<Contract>)."
    )
    var schemaIDBase: String?

    @Flag(name: .long, help: "Also write contract-manifest.schema.json, the JSON Schema of the manifest format, into the folder.")
    var manifestSchema = false

    func run() throws {
        let (configuration, base) = try contracts.loadConfiguration()
        let (models, diagnostics) = GeneratorPipeline.resolve(try contracts.inputs(configuration, base: base))
        DiagnosticPrinter.print(diagnostics.sorted)
        if diagnostics.hasErrors { throw ExitCode.failure }
        let options = ExportOptions(schemaIDBase: schemaIDBase, baseDirectory: FileManager.default.currentDirectoryPath)
        var files = ContractExporter.export(models, format: format, options: options)
        if manifestSchema {
            files.append(
                GeneratedFile(name: ContractExporter.manifestSchemaFileName, contents: EmbeddedSchemas.contractManifestJSONSchema + "\n")
            )
        }
        let written = try OutputWriter.write(files, to: output)
        print("Exported \(files.count) files in \(output) (\(written.count) changed).")
    }
}

extension ContractExporter.Format: ExpressibleByArgument {}
