import Foundation

/// Exports resolved contracts for the teams and tools that do not read Swift: a standalone JSON
/// Schema (draft 2020-12) of each contract's payload types, for other languages' code generators,
/// and a JSON manifest of each contract, for tools and CI.
///
/// Every document is deterministic — keys sorted, pretty-printed, ending in a newline — so it can
/// be committed and compared:
///
/// ```swift
/// let (contracts, loadDiagnostics) = GeneratorPipeline.load(GeneratorPipeline.Inputs(paths: ["orders.temporal.yaml"]))
/// let (models, diagnostics) = ContractResolver.resolve(contracts)
/// let schema = ContractExporter.jsonSchema(for: models[0], in: models)
/// ```
///
/// See <doc:Export> for the formats.
public enum ContractExporter {
    /// What to export.
    public enum Format: String, CaseIterable, Sendable {
        /// A JSON Schema (draft 2020-12) with every payload type under `$defs`.
        case jsonSchema = "json-schema"
        /// A manifest in the format of `Schemas/contract-manifest.schema.json`.
        case manifest
    }

    /// The version of the manifest format, `manifestVersion` in every manifest. It changes only
    /// when a manifest's existing members change meaning or go away; new members keep it.
    public static let manifestVersion = 1

    /// The `$id` of the manifest format's JSON Schema (``EmbeddedSchemas/contractManifestJSONSchema``),
    /// which every manifest names as its `$schema`.
    public static let manifestSchemaID = ManifestBuilder.schemaID

    /// The name of the manifest format's JSON Schema file, as published in `Schemas/`.
    public static let manifestSchemaFileName = "contract-manifest.schema.json"

    /// The JSON Schema of a contract's payload types.
    ///
    /// - Parameters:
    ///   - model: the contract to export.
    ///   - models: every resolved contract, so that the types `model` uses from the contracts it
    ///     imports can be included.
    ///   - options: the `$id` base.
    /// - Returns: the UTF-8 JSON document, ending in a newline.
    public static func jsonSchema(for model: ContractModel, in models: [ContractModel], options: ExportOptions = ExportOptions()) -> Data {
        Data(JSONSchemaBuilder(model: model, models: models).document(options: options).document.utf8)
    }

    /// The manifest of a contract.
    ///
    /// - Parameters:
    ///   - model: the contract to export.
    ///   - models: every resolved contract, for the Swift names of imported types.
    ///   - options: the folder contract files are stated relative to, and the `$id` base the
    ///     manifest cites the contract's JSON Schema by.
    /// - Returns: the UTF-8 JSON document, ending in a newline.
    public static func manifest(for model: ContractModel, in models: [ContractModel], options: ExportOptions = ExportOptions()) -> Data {
        let builder = ManifestBuilder(model: model, models: models)
        return Data(builder.document(options: options, generatorVersion: GeneratorPipeline.version).document.utf8)
    }

    /// The file one contract's export is written to: `Orders.schema.json` or `Orders.manifest.json`.
    public static func fileName(for model: ContractModel, format: Format) -> String {
        switch format {
        case .jsonSchema: "\(model.name).schema.json"
        case .manifest: "\(model.name).manifest.json"
        }
    }

    /// One file per contract in `models`, in their order, ready for ``OutputWriter``.
    public static func export(_ models: [ContractModel], format: Format, options: ExportOptions = ExportOptions()) -> [GeneratedFile] {
        models.map { model in
            let data =
                switch format {
                case .jsonSchema: jsonSchema(for: model, in: models, options: options)
                case .manifest: manifest(for: model, in: models, options: options)
                }
            return GeneratedFile(name: fileName(for: model, format: format), contents: String(decoding: data, as: UTF8.self))
        }
    }
}
