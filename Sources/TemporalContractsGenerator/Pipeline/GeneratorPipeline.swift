import Foundation

/// The whole generator as plain functions of each stage's value:
/// load → resolve/validate → translate → render. The CLI, the plugins and the protoc plugin all
/// call it; each stage can also be called alone.
public struct GeneratorPipeline {
    /// The generator's version, printed in file headers.
    public static let version = "0.1.0"

    public var options: GeneratorOptions
    public var renderer: TemplateRenderer

    public init(options: GeneratorOptions = GeneratorOptions(), renderer: TemplateRenderer? = nil) throws {
        self.options = options
        self.renderer = try renderer ?? TemplateRenderer()
    }

    /// Where the contracts come from.
    public struct Inputs: Sendable {
        public var yamlFiles: [String] = []
        public var protoFiles: [String] = []
        public var descriptorSets: [String] = []
        public var protoLoader = ProtoDescriptorLoader()

        public init(yamlFiles: [String] = [], protoFiles: [String] = [], descriptorSets: [String] = []) {
            self.yamlFiles = yamlFiles
            self.protoFiles = protoFiles
            self.descriptorSets = descriptorSets
        }

        /// Sorts paths by extension: `.proto`, descriptor sets (`.pb`, `.binpb`, `.desc`, `.protoset`), else YAML.
        public init(paths: [String]) {
            for path in paths {
                switch (path as NSString).pathExtension {
                case "proto": protoFiles.append(path)
                case "pb", "binpb", "desc", "protoset": descriptorSets.append(path)
                default: yamlFiles.append(path)
                }
            }
        }
    }

    /// The result of a run: the files (empty when there were errors) and every diagnostic.
    public struct Result: Sendable {
        public var files: [GeneratedFile]
        public var diagnostics: [Diagnostic]
        public var models: [ContractModel]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Stage 1: files to located syntax.
    public static func load(_ inputs: Inputs) -> ([ContractResolver.Input], Diagnostics) {
        var diagnostics = Diagnostics()
        var (contracts, yamlDiagnostics) = ContractLoader.load(inputs.yamlFiles)
        diagnostics.append(contentsOf: yamlDiagnostics)
        if !inputs.protoFiles.isEmpty {
            let (syntax, protoDiagnostics) = inputs.protoLoader.load(protoFiles: inputs.protoFiles)
            diagnostics.append(contentsOf: protoDiagnostics)
            contracts += syntax.map { ContractResolver.Input(syntax: $0) }
        }
        for set in inputs.descriptorSets {
            let (syntax, setDiagnostics) = ProtoDescriptorLoader.load(descriptorSet: set)
            diagnostics.append(contentsOf: setDiagnostics)
            contracts += syntax.map { ContractResolver.Input(syntax: $0) }
        }
        return (contracts, diagnostics)
    }

    /// Stages 1 and 2: files to the validated contract model, for the tools that read the model
    /// rather than generate Swift (`breaking`, `docs`, `export`).
    public static func resolve(_ inputs: Inputs) -> ([ContractModel], Diagnostics) {
        var (syntax, diagnostics) = load(inputs)
        let (models, resolveDiagnostics) = ContractResolver.resolve(syntax)
        diagnostics.append(contentsOf: resolveDiagnostics)
        return (models, diagnostics)
    }

    /// Stages 2 to 4 on already loaded contracts; used directly by the protoc plugin.
    /// - Parameters:
    ///   - contracts: the located syntax of every contract, as ``load(_:)`` returns it.
    ///   - loadDiagnostics: the problems loading found, reported with the later stages' own.
    ///   - rootFiles: with `FileNaming.inputFile`, the files to generate for (their imports
    ///     are only read).
    public func generate(
        _ contracts: [ContractResolver.Input],
        diagnostics loadDiagnostics: Diagnostics = Diagnostics(),
        rootFiles: [String] = []
    ) throws -> Result {
        var diagnostics = loadDiagnostics
        let (models, resolveDiagnostics) = ContractResolver.resolve(contracts)
        diagnostics.append(contentsOf: resolveDiagnostics)
        diagnostics.append(contentsOf: SwiftNameValidator.check(models, options: options))
        var translator = SwiftTranslator(options: options, generatorVersion: Self.version, models: models)
        var files: [GeneratedFile] = []
        // Selected outputs bring the ones they need to compile, unless another module has them.
        let outputs =
            options.outputsModule == nil ? options.outputs.reduce(into: options.outputs) { $0.formUnion($1.requirements) } : options.outputs
        let byInputFile = options.fileNaming == .inputFile
        let roots = Set(rootFiles.map(ContractLoader.normalize))
        var producers: [String: String] = [:]
        for model in models {
            if byInputFile, !roots.isEmpty, !roots.contains(model.file) { continue }
            let prefix = byInputFile ? Self.baseName(of: model.file) : model.name
            // The client, workflow, activity and mock files share one view model; build it only if used.
            let surfaceOutputs: Set<GeneratorOptions.Output> = [.client, .workflows, .activities, .mocks]
            let surface = outputs.isDisjoint(with: surfaceOutputs) ? nil : translator.surface(for: model)
            for output in GeneratorOptions.Output.allCases where outputs.contains(output) {
                let viewModel: Any
                let isEmpty: Bool
                switch output {
                case .types:
                    viewModel = translator.types(for: model)
                    isEmpty = false  // declares the namespace
                case .definitions:
                    let definitions = translator.definitions(for: model)
                    (viewModel, isEmpty) = (definitions, definitions.groups.isEmpty)
                case .client:
                    guard let surface else { continue }
                    (viewModel, isEmpty) = (surface, !surface.hasWorkflows)
                case .workflows:
                    guard let surface else { continue }
                    (viewModel, isEmpty) = (surface, !surface.hasWorkflows && !surface.hasActivities)
                case .activities:
                    guard let surface else { continue }
                    (viewModel, isEmpty) = (surface, !surface.hasActivities)
                case .mocks:
                    guard let surface else { continue }
                    (viewModel, isEmpty) = (surface, !surface.hasWorkflows && !surface.hasActivities)
                }
                let name = "\(prefix)+\(output.template).swift"
                if let other = producers[name], other != model.name {
                    diagnostics.error(
                        "contracts '\(other)' and '\(model.name)' would both write \(name)",
                        at: SourceLocation(file: model.file),
                        hint: "with file naming by input file, a file may hold one contract; split it"
                    )
                }
                producers[name] = model.name
                // A contract of shared types only has no client, definitions, …: no empty files,
                // unless a build plugin announced them.
                if isEmpty {
                    if byInputFile { files.append(GeneratedFile(name: name, contents: try emptyFile(for: model))) }
                    continue
                }
                files.append(GeneratedFile(name: name, contents: try renderer.render(viewModel, template: output.template)))
            }
            if byInputFile {
                for output in GeneratorOptions.Output.allCases where !outputs.contains(output) {
                    files.append(GeneratedFile(name: "\(prefix)+\(output.template).swift", contents: try emptyFile(for: model)))
                }
            }
        }
        diagnostics.append(contentsOf: translator.diagnostics)
        let sorted = diagnostics.sorted
        let hasErrors = sorted.contains { $0.severity == .error }
        return Result(files: hasErrors ? [] : files, diagnostics: sorted, models: models)
    }

    /// All stages: files in, Swift out.
    public func run(_ inputs: Inputs) throws -> Result {
        let (contracts, diagnostics) = Self.load(inputs)
        return try generate(contracts, diagnostics: diagnostics, rootFiles: inputs.yamlFiles + inputs.protoFiles)
    }

    /// `orders` for `Contracts/orders.temporal.yaml` or `orders.proto`.
    public static func baseName(of file: String) -> String {
        var name = (file as NSString).lastPathComponent
        for suffix in [".temporal.yaml", ".temporal.yml", ".proto", ".yaml", ".yml"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
            break
        }
        // A backslash separates folders on Windows; keep the name a single file name everywhere.
        return name.replacingOccurrences(of: "\\", with: "_")
    }

    /// The header alone, for an output with nothing to declare.
    func emptyFile(for model: ContractModel) throws -> String {
        try renderer.render(
            FileViewModel(
                sourceFile: (model.file as NSString).lastPathComponent,
                generatorVersion: Self.version,
                imports: [],
                namespace: model.name,
                access: "",
                namespaceDoc: [],
                declaresNamespace: false
            ),
            template: "Header"
        )
    }
}
