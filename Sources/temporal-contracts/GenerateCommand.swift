import ArgumentParser
import Foundation
import TemporalContractsGenerator

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate Swift from contracts; files are written only when their contents change."
    )

    @OptionGroup var contracts: ContractOptions

    @Option(name: [.short, .long], help: "The folder to write the Swift files into.")
    var output: String?

    @Option(name: .long, help: "Access level of generated declarations: public, package or internal.")
    var accessLevel: GeneratorOptions.AccessLevel?

    @Option(name: .long, parsing: .upToNextOption, help: "Which files to generate: types, definitions (default: all).")
    var outputs: [GeneratorOptions.Output] = []

    @Option(
        name: .long,
        help: "Name files after the contract (contract) or after its file, one file per output kind (input-file, for build plugins)."
    )
    var fileNaming: GeneratorOptions.FileNaming?

    @Option(name: .long, help: "A folder of *.mustache templates overriding the embedded ones.")
    var templates: String?

    @Option(name: .long, help: "The module of the swift-protobuf messages, when not the generated code's own module.")
    var protoMessagesModule: String?

    @Option(
        name: .long,
        help: "The module where the other outputs are generated: write only the selected outputs (e.g. mocks), importing it."
    )
    var outputsModule: String?

    func run() throws {
        let (configuration, base) = try contracts.loadConfiguration()
        guard let outputDirectory = output ?? configuration.output.map({ resolve($0, base: base) }) else {
            throw ValidationError("no output folder: pass --output or set 'output' in the config")
        }
        var options = GeneratorOptions(
            outputs: outputs.isEmpty ? configuration.outputs ?? Set(GeneratorOptions.Output.allCases) : Set(outputs),
            accessLevel: accessLevel ?? configuration.accessLevel ?? .public,
            protoMessagesModule: protoMessagesModule ?? configuration.protoMessagesModule
        )
        options.fileNaming = fileNaming ?? .contract
        options.outputsModule = outputsModule ?? configuration.outputsModule
        let renderer = try TemplateRenderer(
            templateDirectory: templates ?? configuration.templates.map { resolve($0, base: base) }
        )
        let pipeline = try GeneratorPipeline(options: options, renderer: renderer)
        let result = try pipeline.run(try contracts.inputs(configuration, base: base))
        DiagnosticPrinter.print(result.diagnostics)
        if result.hasErrors { throw ExitCode.failure }
        let written = try OutputWriter.write(
            result.files,
            to: outputDirectory,
            touchUnchanged: options.fileNaming == .inputFile
        )
        print("Generated \(result.files.count) files in \(outputDirectory) (\(written.count) changed).")
    }
}

extension GeneratorOptions.AccessLevel: ExpressibleByArgument {}
extension GeneratorOptions.Output: ExpressibleByArgument {}
extension GeneratorOptions.FileNaming: ExpressibleByArgument {}
