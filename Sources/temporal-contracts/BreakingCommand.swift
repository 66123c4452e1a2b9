import ArgumentParser
import Foundation
import TemporalContractsGenerator

struct BreakingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breaking",
        abstract: "Report changes that break running executions or peers, against a previous version of the contracts.",
        discussion: """
            Exits 0 when nothing breaks, 1 when something does, 2 on a usage or load error. \
            Accept a change knowingly with an entry under `breaking: ignore:` in temporal-contracts.yaml.
            """
    )

    enum Format: String, ExpressibleByArgument {
        case text
        case json
    }

    @OptionGroup var contracts: ContractOptions

    @Option(name: .long, help: "The previous version: a contract file, a folder of contracts, or a git reference (main, v1.4.0).")
    var against: String

    @Option(name: .long, help: "How to print the report: text or json.")
    var format: Format = .text

    func run() throws {
        do {
            try check()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    func check() throws {
        let (configuration, base) = try contracts.loadConfiguration()
        let inputs = try contracts.inputs(configuration, base: base)
        let current = try Self.models(inputs)
        let previous: [ContractModel]
        if FileManager.default.fileExists(atPath: against) {
            previous = try Self.models(previousInputs(inFiles: against, like: inputs))
        } else if GitSnapshot.isCommit(against) {
            let snapshot = try GitSnapshot(reference: against)
            defer { snapshot.remove() }
            var old = GeneratorPipeline.Inputs(
                paths: (inputs.yamlFiles + inputs.protoFiles + inputs.descriptorSets).compactMap(snapshot.path(for:))
                    .filter { FileManager.default.fileExists(atPath: $0) }
            )
            old.protoLoader = ProtoDescriptorLoader(
                protocPath: inputs.protoLoader.protocPath,
                includePaths: inputs.protoLoader.includePaths.map { snapshot.path(for: $0) ?? $0 }
            )
            previous = try Self.models(old).map { Self.relocated($0, by: snapshot.displayPath) }
        } else {
            throw ValidationError("--against '\(against)' is neither a file, a folder nor a git reference")
        }
        let report = CompatibilityChecker.check(old: previous, new: current, ignoring: configuration.breakingIgnores)
        switch format {
        case .text: FileHandle.standardOutput.write(Data(report.text.utf8))
        case .json: FileHandle.standardOutput.write(try report.json())
        }
        if report.isBreaking { throw ExitCode.failure }
    }

    /// A file or every contract in a folder, with the current include paths plus the folder.
    func previousInputs(inFiles path: String, like current: GeneratorPipeline.Inputs) -> GeneratorPipeline.Inputs {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        var paths = [path]
        if isDirectory.boolValue {
            let files = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            paths = files.filter { $0.hasSuffix(".temporal.yaml") || $0.hasSuffix(".temporal.yml") || $0.hasSuffix(".proto") }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
        }
        var inputs = GeneratorPipeline.Inputs(paths: paths)
        inputs.protoLoader = ProtoDescriptorLoader(
            protocPath: current.protoLoader.protocPath,
            includePaths: (isDirectory.boolValue ? [path] : []) + current.protoLoader.includePaths
        )
        return inputs
    }

    /// Loads and validates one version; load errors stop the check with status 2.
    static func models(_ inputs: GeneratorPipeline.Inputs) throws -> [ContractModel] {
        let (models, diagnostics) = GeneratorPipeline.resolve(inputs)
        if diagnostics.hasErrors {
            DiagnosticPrinter.print(diagnostics.errors.sorted())
            throw ExitCode(2)
        }
        return models
    }

    /// The model with every location's file mapped, so a snapshot's findings name `ref:path`.
    static func relocated(_ model: ContractModel, by map: (String) -> String) -> ContractModel {
        var model = model
        func move(_ location: inout SourceLocation) { location.file = map(location.file) }
        model.file = map(model.file)
        move(&model.nameLocation)
        for index in model.types.indices {
            move(&model.types[index].location)
            if case .object(var properties) = model.types[index].kind {
                for property in properties.indices { move(&properties[property].location) }
                model.types[index].kind = .object(properties)
            }
        }
        for index in model.workflows.indices { move(&model.workflows[index].location) }
        for index in model.activities.indices { move(&model.activities[index].location) }
        for index in model.signals.indices { move(&model.signals[index].location) }
        for index in model.queries.indices { move(&model.queries[index].location) }
        for index in model.updates.indices { move(&model.updates[index].location) }
        for (name, var message) in model.protoMessages {
            move(&message.location)
            for field in message.fields.indices { move(&message.fields[field].location) }
            model.protoMessages[name] = message
        }
        return model
    }
}
