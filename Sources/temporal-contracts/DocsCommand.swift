import ArgumentParser
import Foundation
import TemporalContractsGenerator

/// `temporal-contracts docs`: reference documentation of the contracts, for every team that talks
/// to the workflows — wire names, Swift names, options and an example JSON payload of every type.
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract:
            "Write reference documentation of contracts (Markdown or a static HTML site); files are written only when their contents change."
    )

    @OptionGroup var contracts: ContractOptions

    @Option(name: [.short, .long], help: "The folder to write the documentation into: index.md or index.html and a page per contract.")
    var output: String

    @Option(name: .long, help: "markdown (a Markdown file per contract) or html (a static site).")
    var format: DocumentationFormat = .markdown

    @Option(name: .long, help: "A folder of *.mustache templates overriding the embedded ones (the documentation's in its Docs subfolder).")
    var templates: String?

    @Option(name: .long, help: "The module of the swift-protobuf messages, when not the generated code's own module.")
    var protoMessagesModule: String?

    func run() throws {
        let (configuration, base) = try contracts.loadConfiguration()
        var (models, diagnostics) = GeneratorPipeline.resolve(try contracts.inputs(configuration, base: base))
        let options = GeneratorOptions(protoMessagesModule: protoMessagesModule ?? configuration.protoMessagesModule)
        // The Swift names the documentation shows must be the ones generation accepts.
        diagnostics.append(contentsOf: SwiftNameValidator.check(models, options: options))
        DiagnosticPrinter.print(diagnostics.sorted)
        if diagnostics.hasErrors { throw ExitCode.failure }
        let renderer = try TemplateRenderer(templateDirectory: templates ?? configuration.templates.map { resolve($0, base: base) })
        let files = try DocumentationGenerator(renderer: renderer, options: options).render(models, format: format)
        let written = try OutputWriter.write(files, to: output)
        let count = models.count
        print("Documented \(count) contract\(count == 1 ? "" : "s") in \(output) (\(files.count) files, \(written.count) changed).")
    }
}

extension DocumentationFormat: ExpressibleByArgument {}
