/// Writes reference documentation of resolved contracts: an index of every contract and name,
/// and a page per contract with its workflows, handlers, activities and types, the Swift names
/// the generated code gives them, and an example JSON payload of every type.
///
/// The pages are rendered through the templates of `Templates/Docs/`, embedded like the Swift
/// templates and overridable the same way (``TemplateRenderer/init(templateDirectory:)``).
///
/// ```swift
/// let (contracts, loadDiagnostics) = GeneratorPipeline.load(GeneratorPipeline.Inputs(paths: ["orders.temporal.yaml"]))
/// let (models, diagnostics) = ContractResolver.resolve(contracts)
/// let files = try DocumentationGenerator().render(models, format: .html)
/// try OutputWriter.write(files, to: "Docs")
/// ```
public struct DocumentationGenerator: Sendable {
    /// The templates the pages are rendered through.
    public var renderer: TemplateRenderer
    /// The generator options the Swift names depend on, such as the module of protobuf messages.
    public var options: GeneratorOptions

    /// - Parameters:
    ///   - renderer: the templates; the embedded ones when nil.
    ///   - options: the options the Swift code is generated with, so the documented Swift names match it.
    public init(renderer: TemplateRenderer? = nil, options: GeneratorOptions = GeneratorOptions()) throws {
        self.renderer = try renderer ?? TemplateRenderer()
        self.options = options
    }

    /// The documentation of `models` in `format`: `index.md` or `index.html`, and a page per
    /// contract named after it (`Orders.md`, `Orders.html`). The same models give the same text.
    ///
    /// - Parameters:
    ///   - models: resolved contracts, as ``ContractResolver/resolve(_:)`` returns them; imported
    ///     contracts should be among them, so links to their types resolve.
    ///   - format: Markdown or HTML.
    /// - Throws: ``TemplateError`` when a template does not parse or is missing.
    public func render(_ models: [ContractModel], format: DocumentationFormat) throws -> [GeneratedFile] {
        var documentation = ContractDocumentation(
            models: models,
            format: format,
            options: options,
            generatorVersion: GeneratorPipeline.version
        )
        var files = [
            GeneratedFile(
                name: "index.\(format.fileExtension)",
                contents: try renderer.render(documentation.index().templateValue, template: format.templatePrefix + "Index")
            )
        ]
        for model in documentation.models {
            let page = documentation.page(for: model)
            files.append(
                GeneratedFile(
                    name: documentation.pages[model.name] ?? "\(model.name).\(format.fileExtension)",
                    contents: try renderer.render(page.templateValue, template: format.templatePrefix + "Contract")
                )
            )
        }
        return files
    }
}
