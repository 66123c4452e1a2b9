import ArgumentParser
import Foundation
import TemporalContractsGenerator

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check contracts and report every problem; exits non-zero when there are errors."
    )

    enum Format: String, ExpressibleByArgument {
        case text
        case json
    }

    @OptionGroup var contracts: ContractOptions

    @Option(name: .long, help: "How to print diagnostics: text (path:line:column: …) or json.")
    var format: Format = .text

    func run() throws {
        let (configuration, base) = try contracts.loadConfiguration()
        let pipeline = try GeneratorPipeline()
        let result = try pipeline.run(try contracts.inputs(configuration, base: base))
        switch format {
        case .text:
            DiagnosticPrinter.print(result.diagnostics)
            if !result.hasErrors {
                let count = result.models.count
                print("\(count) contract\(count == 1 ? "" : "s") valid.")
            }
        case .json:
            try DiagnosticPrinter.printJSON(result.diagnostics)
        }
        if result.hasErrors { throw ExitCode.failure }
    }
}
