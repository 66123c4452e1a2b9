import Foundation
import Testing

@testable import TemporalContractsGenerator

/// `temporal-contracts docs`: what the pages say, how they link, and how text is escaped.
struct DocumentationTests {
    static func render(_ models: [ContractModel], _ format: DocumentationFormat) throws -> [String: String] {
        let files = try DocumentationGenerator().render(models, format: format)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
    }

    static func ordersModels() -> [ContractModel] {
        ExamplePayloadTests.models(GeneratorPipeline.Inputs(yamlFiles: [TestSupport.ordersContract.path]))
    }

    @Test func anIndexAndAPagePerContractInEitherFormat() throws {
        let models = Self.ordersModels()
        #expect(try Self.render(models, .markdown).keys.sorted() == ["Common.md", "Orders.md", "index.md"])
        let html = try Self.render(models, .html)
        #expect(html.keys.sorted() == ["Common.html", "Orders.html", "index.html"])
        #expect(try Self.render(models.reversed(), .html) == html)
    }

    @Test func typesLinkToTheirDeclarationAcrossImportedContracts() throws {
        let html = try Self.render(Self.ordersModels(), .html)
        let orders = try #require(html["Orders.html"])
        #expect(orders.contains(#"<a href="Common.html#type-Money"><code>Common.Money</code></a>"#))
        #expect(orders.contains(##"array of <a href="#type-LineItem"><code>LineItem</code></a>"##))
        #expect(orders.contains(#"<article id="type-LineItem" class="type">"#))
        #expect(orders.contains(##"<a href="#signal-CancelOrder"><code>CancelOrder</code></a>"##))
        #expect(html["Common.html"]?.contains(#"<a href="Orders.html"><code>Orders</code></a>"#) == true, "imported by")
        let index = try #require(html["index.html"])
        #expect(index.contains(#"<a href="Orders.html#workflow-ProcessOrder"><code>ProcessOrder</code></a>"#))
        #expect(index.contains(#"data-search="processorder processorder orders.workflows.processorder workflow orders""#))
        // Nothing from elsewhere: styles and the search script are inline.
        for page in html.values {
            #expect(!page.contains("http://") && !page.contains("https://") && !page.contains(" src="))
        }
    }

    @Test func theHTMLEscapesWhatTheContractSays() throws {
        var models = try ExamplePayloadTests.models(
            yaml: """
                contract: 1
                name: Tricky
                description: "<script>alert('hi')</script> & \\"friends\\""
                types:
                  Mode:
                    type: string
                    description: Modes such as <b>fast</b>.
                    enum: ["a<b", "x|y", "tick`tock"]
                  Holder:
                    type: object
                    properties:
                      mode: { $ref: Mode, description: "Either | or, with a\\nline break" }
                """
        )
        models[0].taskQueue = "queue<1>"
        let html = try Self.render(models, .html)
        let page = try #require(html["Tricky.html"])
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt; &amp; &quot;friends&quot;"))
        #expect(page.contains("Modes such as &lt;b&gt;fast&lt;/b&gt;."))
        #expect(page.contains("<code>&quot;a&lt;b&quot;</code>"))
        #expect(page.contains("<code>queue&lt;1&gt;</code>"))
        // The example's JSON is escaped too.
        #expect(page.contains("<pre><code>&quot;a&lt;b&quot;</code></pre>"))
        #expect(html["index.html"]?.contains("&lt;script&gt;") == true)

        let markdown = try #require(try Self.render(models, .markdown)["Tricky.md"])
        // Pipes are escaped in table cells, code spans take longer fences around backticks, and a
        // description stays on its row.
        #expect(markdown.contains(#"| `"x\|y"` | `.xY` |"#))
        #expect(markdown.contains("| ``\"tick`tock\"`` | `.tickTock` |"))
        #expect(markdown.contains(#"| `mode` | `mode: Mode?` | [`Mode`](#type-Mode) | no |  | Either \| or, with a line break |"#))
    }

    @Test func everyFactOfAWorkflowHandlerAndActivityIsShown() throws {
        var models = Self.ordersModels()
        let orders = try #require(models.firstIndex { $0.name == "Orders" })
        models[orders].workflows[0].aliases = ["ProcessOrderV1", "process-order"]
        models[orders].signals[0].aliases = ["Cancel"]
        models[orders].activities[0].aliases = ["Charge"]
        let page = try #require(try Self.render(models, .markdown)["Orders.md"])
        for fact in [
            "- **Wire name:** `orders.ShipOrder`",
            "- **Swift name:** `Orders.Workflows.processOrder`",
            "- **Swift API:** `Orders.Client.startProcessOrder`, `Orders.Client.executeProcessOrder`, `Orders.ProcessOrderHandle`, `Orders.ProcessOrderWorkflow`",
            "- **Aliases:** `ProcessOrderV1`, `process-order`",
            "- **Aliases:** `Cancel`",
            "- **Aliases:** `Charge`",
            "- **Input:** [`Order`](#type-Order)",
            "- **Output:** [`OrderResult`](#type-OrderResult)",
            "- **Workflow ID:** `order-{order_id}`",
            "- **Task queue:** `shipping`",
            "- **Execution timeout:** `24h`",
            "- **Retry policy:** initial interval 1s, backoff coefficient 2, maximum interval 1m, maximum attempts 3",
            "- **ID reuse policy:** `rejectDuplicate`",
            "- **ID conflict policy:** `fail`",
            "- **Signal-with-start:** [`CancelOrder`](#signal-CancelOrder)",
            "- **Update-with-start:** [`AddItem`](#update-AddItem)",
            "- **Accepted by:** [`ProcessOrder`](#workflow-ProcessOrder)",
            "- **Validator:** yes: the workflow may reject the update before accepting it",
            "- **Start-to-close timeout:** `250ms`",
            "- **Heartbeat timeout:** `10s`",
            "- **Non-retryable errors:** `CardDeclined`",
            "- **Input:** 3 positional parameters, one payload each (below); Swift: `Orders.ShipOrderArguments`",
            "| 2 | `address` | `address: Common.Address` | [`Common.Address`](Common.md#type-Address) |  |",
            "| `tags` | `tags: [String: String]?` | map of string | no |  |  |",
            "| `placed_at` | `placedAt: Date` | string | yes | `date-time` |  |",
            "| `1` | `.red` |",
        ] {
            #expect(page.contains(fact), "\(fact)")
        }
    }

    /// The Swift names the pages show are the ones the generated code declares.
    @Test(arguments: ExamplePayloadTests.yamlFixtures)
    func swiftNamesMatchTheGeneratedCode(_ contract: URL) throws {
        let result = try GeneratorPipeline().run(GeneratorPipeline.Inputs(yamlFiles: [contract.path]))
        #expect(!result.hasErrors)
        var documentation = ContractDocumentation(
            models: result.models,
            format: .html,
            options: GeneratorOptions(),
            generatorVersion: GeneratorPipeline.version
        )
        for model in documentation.models {
            let types = result.files.first { $0.name == "\(model.name)+Types.swift" }?.contents ?? ""
            let definitions = result.files.first { $0.name == "\(model.name)+Definitions.swift" }?.contents ?? ""
            for section in documentation.page(for: model).typeSections {
                for type in section.types {
                    let swiftName = try #require(type.facts.first { $0.label == "Swift name" }?.runs.first?.text)
                    let name = String(swiftName.dropFirst(model.name.count + 1))
                    #expect(["struct \(name): ", "enum \(name): ", "typealias \(name) = "].contains { types.contains($0) }, "\(swiftName)")
                    for field in type.fields {
                        let property = try #require(field.swift?.split(separator: ":").first)
                        #expect(types.contains("var \(property): "), "\(swiftName).\(property)")
                    }
                    for value in type.values {
                        let name = value.detail.dropFirst()
                        #expect(types.contains("case \(name)") || types.contains("case `\(name)`"), "\(swiftName)\(value.detail)")
                    }
                }
            }
            for section in documentation.page(for: model).sections {
                for entry in section.entries {
                    let swiftName = try #require(entry.facts.first { $0.label == "Swift name" }?.runs.first?.text)
                    let member = try #require(swiftName.split(separator: ".").last)
                    #expect(definitions.contains("static let \(member) ="), "\(swiftName)")
                }
            }
        }
    }

    /// The pages are rendered from dictionaries the view models build themselves; they must hold
    /// what reflection on the view models gives.
    @Test(arguments: DocumentationFormat.allCases)
    func templateValuesHoldWhatReflectionGives(_ format: DocumentationFormat) throws {
        let models = try DocumentationBrowserTests.models()
        let renderer = try TemplateRenderer()
        var documentation = ContractDocumentation(models: models, format: format, options: GeneratorOptions(), generatorVersion: "1")
        let index = documentation.index()
        let indexTemplate = format.templatePrefix + "Index"
        #expect(try renderer.render(index, template: indexTemplate) == renderer.render(index.templateValue, template: indexTemplate))
        for model in documentation.models {
            let page = documentation.page(for: model)
            let template = format.templatePrefix + "Contract"
            #expect(
                try renderer.render(page, template: template) == renderer.render(page.templateValue, template: template),
                "\(model.name)"
            )
        }
    }

    @Test func aContractNamedIndexDoesNotReplaceTheIndex() throws {
        let models = try ExamplePayloadTests.models(yaml: "contract: 1\nname: Index\ntypes:\n  T: { type: string }\n")
        let html = try Self.render(models, .html)
        #expect(html.keys.sorted() == ["Index_.html", "index.html"])
        #expect(html["index.html"]?.contains(#"<a href="Index_.html#type-T">"#) == true)
    }

    @Test func aTemplateFolderOverridesTheDocumentationTemplates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docs-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Docs"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{{%CONTENT_TYPE:TEXT}}\nOur contracts: {{#contracts}}{{name}} {{/contracts}}\n".utf8)
            .write(to: folder.appendingPathComponent("Docs/MarkdownIndex.mustache"))
        let renderer = try TemplateRenderer(templateDirectory: folder.path)
        let files = try DocumentationGenerator(renderer: renderer).render(Self.ordersModels(), format: .markdown)
        #expect(files.first { $0.name == "index.md" }?.contents == "Our contracts: Common Orders \n")
        // The other templates are the embedded ones.
        #expect(files.first { $0.name == "Orders.md" }?.contents.contains("## Workflows") == true)
    }

    @Test func durationsAreWrittenAsContractsWriteThem() {
        #expect(ContractDocumentation.durationText(.seconds(86_400)) == "24h")
        #expect(ContractDocumentation.durationText(.seconds(5_400)) == "1h30m")
        #expect(ContractDocumentation.durationText(.milliseconds(250)) == "250ms")
        #expect(ContractDocumentation.durationText(.milliseconds(1_500)) == "1s500ms")
        #expect(ContractDocumentation.durationText(.zero) == "0s")
        #expect(ContractDocumentation.numberText(2) == "2")
        #expect(ContractDocumentation.numberText(1.5) == "1.5")
    }

    @Test func anchorsAreValidFragmentsAndDistinct() {
        #expect(ContractDocumentation.anchor("type", "Order") == "type-Order")
        #expect(ContractDocumentation.anchor("message", "shop.v1.Cart") == "message-shop.v1.Cart")
        #expect(ContractDocumentation.anchor("type", "a b") != ContractDocumentation.anchor("type", "a-b"))
        #expect(ContractDocumentation.anchor("type", "Größe") == "type-Gr~f6~~df~e")
    }

    @Test func markdownCodeSpansHoldAnyText() {
        #expect(DocumentationMarkup.codeSpan("plain") == "`plain`")
        #expect(DocumentationMarkup.codeSpan("a`b") == "``a`b``")
        #expect(DocumentationMarkup.codeSpan("`edge`") == "`` `edge` ``")
        #expect(DocumentationMarkup.codeSpan("two\nlines") == "`two lines`")
        #expect(DocumentationMarkup.codeSpan("") == "` `")
        #expect(DocumentationMarkup.blockFence(for: "``` inside") == "````")
    }
}
