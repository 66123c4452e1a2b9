import Foundation
import Testing

@testable import TemporalContractsGenerator

/// The Markdown documentation of the example contracts (the YAML contract with its import, and the
/// `.proto` contract) is exactly the committed `Fixtures/docs`, whose example payloads
/// GeneratedCodeTests decodes with the generated types. Refresh with `Scripts/update-goldens.sh`.
struct DocumentationGoldenTests {
    static let goldens = TestSupport.fixtures.appendingPathComponent("docs")

    /// The examples, loaded together as `Scripts/generate-examples.sh` documents them.
    static func exampleModels() -> [ContractModel] {
        var inputs = GeneratorPipeline.Inputs(
            yamlFiles: [TestSupport.ordersContract.path],
            protoFiles: [TestSupport.protoInclude.path + "/payments/v1/payments.proto"]
        )
        inputs.protoLoader = ProtoDescriptorLoader(includePaths: [TestSupport.protoInclude.path])
        let (contracts, loadDiagnostics) = GeneratorPipeline.load(inputs)
        let (models, diagnostics) = ContractResolver.resolve(contracts)
        #expect(!loadDiagnostics.hasErrors && !diagnostics.hasErrors, "\((loadDiagnostics.all + diagnostics.all).map(\.formatted))")
        return models
    }

    @Test func markdownOfTheExamplesMatchesTheGoldens() throws {
        let files = try DocumentationGenerator().render(Self.exampleModels(), format: .markdown)
        #expect(files.map(\.name) == ["index.md", "Common.md", "Orders.md", "Payments.md"])
        let committed = try FileManager.default.contentsOfDirectory(atPath: Self.goldens.path).sorted()
        #expect(committed == files.map(\.name).sorted(), "run Scripts/update-goldens.sh")
        for file in files {
            let url = Self.goldens.appendingPathComponent(file.name)
            let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            if expected != file.contents {
                Issue.record(
                    """
                    docs/\(file.name) differs from its golden; if the change is intended run Scripts/update-goldens.sh:
                    \(TestSupport.diff(expected: expected, actual: file.contents, name: file.name))
                    """
                )
            }
        }
    }
}
