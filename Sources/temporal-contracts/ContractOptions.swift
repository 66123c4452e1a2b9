import ArgumentParser
import Foundation
import TemporalContractsGenerator

/// Inputs and settings shared by `generate` and `validate`; flags win over the config file.
struct ContractOptions: ParsableArguments {
    @Argument(help: "Contract files: *.temporal.yaml, *.proto, or descriptor sets (*.pb, *.binpb).")
    var inputs: [String] = []

    @Option(name: .long, help: "A temporal-contracts.yaml config file (default: ./temporal-contracts.yaml if present).")
    var config: String?

    @Option(name: .long, help: "Path of protoc, for .proto contracts (default: $PROTOC, then PATH).")
    var protoc: String?

    @Option(name: [.customShort("I"), .long], help: "An include path for protoc; repeatable.")
    var protoInclude: [String] = []

    /// The config file, if one was named or lies in the current folder.
    func loadConfiguration() throws -> (GeneratorConfiguration, base: String) {
        let path =
            config
            ?? (FileManager.default.fileExists(atPath: GeneratorConfiguration.fileName)
                ? GeneratorConfiguration.fileName : nil)
        guard let path else { return (GeneratorConfiguration(), "") }
        let (configuration, diagnostics) = GeneratorConfiguration.load(path)
        DiagnosticPrinter.print(diagnostics.sorted)
        if diagnostics.hasErrors { throw ExitCode.failure }
        return (configuration, (path as NSString).deletingLastPathComponent)
    }

    func inputs(_ configuration: GeneratorConfiguration, base: String) throws -> GeneratorPipeline.Inputs {
        let paths = inputs.isEmpty ? configuration.inputs.map { resolve($0, base: base) } : inputs
        guard !paths.isEmpty else {
            throw ValidationError("no contract files given: pass them as arguments or list them under 'inputs' in the config")
        }
        var result = GeneratorPipeline.Inputs(paths: paths)
        result.protoLoader = ProtoDescriptorLoader(
            protocPath: protoc ?? configuration.protoc,
            includePaths: protoInclude.isEmpty ? configuration.protoIncludes.map { resolve($0, base: base) } : protoInclude
        )
        return result
    }
}

/// Config paths are relative to the config file.
func resolve(_ path: String, base: String) -> String {
    path.hasPrefix("/") || base.isEmpty ? path : (base as NSString).appendingPathComponent(path)
}
