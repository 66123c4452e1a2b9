import Foundation
import Testing

@testable import TemporalContractsGenerator

/// The binary embeds `Templates/` and the options proto; the copies must match the files.
struct EmbeddedResourcesTests {
    @Test func templatesMatchTheTemplatesFolder() throws {
        let folder = TestSupport.packageRoot.appendingPathComponent("Templates")
        // Templates in subfolders (Docs/) are named by their paths.
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(Set(files.map { String($0.dropLast(".mustache".count)) }) == Set(EmbeddedTemplates.all.keys))
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let embedded = EmbeddedTemplates.all[String(file.dropLast(".mustache".count))]
            #expect(embedded.map { $0 + "\n" } == text, "run Scripts/embed-resources.py after editing \(file)")
        }
    }

    @Test func optionsProtoMatchesTheSchemasFolder() throws {
        let url = TestSupport.packageRoot.appendingPathComponent("Schemas/temporal/v1/temporal.proto")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(EmbeddedSchemas.temporalProto + "\n" == text, "run Scripts/embed-resources.py")
        let schema = try String(
            contentsOf: TestSupport.packageRoot.appendingPathComponent("Schemas/temporal-contract.schema.json"),
            encoding: .utf8
        )
        #expect(EmbeddedSchemas.contractJSONSchema + "\n" == schema, "run Scripts/embed-resources.py")
    }

    @Test func aUserTemplateFolderOverridesOneTemplate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{{%CONTENT_TYPE:TEXT}}\n// custom header for {{sourceFile}}\n".utf8)
            .write(to: folder.appendingPathComponent("Header.mustache"))
        let renderer = try TemplateRenderer(templateDirectory: folder.path)
        let custom = try GeneratorPipeline(renderer: renderer)
        let (contracts, _) = ContractLoader.load(["a.temporal.yaml"]) { _ in
            "contract: 1\nname: A\ntypes:\n  T: { type: string }\n"
        }
        let files = try custom.generate(contracts).files
        #expect(files.first?.contents.hasPrefix("// custom header for a.temporal.yaml\n") == true)
    }
}
