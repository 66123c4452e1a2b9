import Foundation
import Testing

@testable import TemporalContractsGenerator

/// Every fixture contract generates exactly the committed Swift in `Tests/GeneratedCodeTests/Generated`,
/// which that target compiles. Refresh with `Scripts/update-goldens.sh` and review the diff.
struct GoldenTests {
    static let yamlFixtures = [
        TestSupport.ordersContract,
        TestSupport.fixtures.appendingPathComponent("valid/interop.temporal.yaml"),
        TestSupport.fixtures.appendingPathComponent("valid/naming.temporal.yaml"),
        TestSupport.collisionsContract,
        TestSupport.fixtures.appendingPathComponent("valid/aliases.temporal.yaml"),
        TestSupport.fixtures.appendingPathComponent("valid/idexpressions.temporal.yaml"),
    ]

    @Test(arguments: yamlFixtures)
    func yamlFixtureMatchesGolden(_ contract: URL) throws {
        let path = contract.path
        let result = try GeneratorPipeline().run(GeneratorPipeline.Inputs(yamlFiles: [path]))
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        try compare(result.files)
    }

    @Test func protoFixtureMatchesGolden() throws {
        let include = TestSupport.protoInclude.path
        var inputs = GeneratorPipeline.Inputs(protoFiles: [include + "/payments/v1/payments.proto"])
        inputs.protoLoader = ProtoDescriptorLoader(includePaths: [include])
        let result = try GeneratorPipeline().run(inputs)
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        #expect(
            result.files.map(\.name).sorted() == [
                "Payments+Activities.swift", "Payments+Client.swift", "Payments+Definitions.swift", "Payments+Mocks.swift",
                "Payments+Types.swift", "Payments+Workflows.swift",
            ]
        )
        try compare(result.files)
    }

    @Test func outputIsDeterministic() throws {
        let path = TestSupport.ordersContract.path
        let first = try GeneratorPipeline().run(GeneratorPipeline.Inputs(yamlFiles: [path])).files
        let second = try GeneratorPipeline().run(GeneratorPipeline.Inputs(yamlFiles: [path])).files
        #expect(first == second)
    }

    @Test func everyGoldenComesFromAFixture() throws {
        let goldens = try FileManager.default.contentsOfDirectory(atPath: TestSupport.goldens.path).sorted()
        #expect(
            goldens == [
                "Aliases+Activities.swift",
                "Aliases+Client.swift",
                "Aliases+Definitions.swift",
                "Aliases+Mocks.swift",
                "Aliases+Types.swift",
                "Aliases+Workflows.swift",
                "Collisions+Activities.swift",
                "Collisions+Client.swift",
                "Collisions+Definitions.swift",
                "Collisions+Mocks.swift",
                "Collisions+Types.swift",
                "Collisions+Workflows.swift",
                "Common+Types.swift",
                "IDExpressions+Client.swift",
                "IDExpressions+Definitions.swift",
                "IDExpressions+Mocks.swift",
                "IDExpressions+Types.swift",
                "IDExpressions+Workflows.swift",
                "Interop+Client.swift",
                "Interop+Definitions.swift",
                "Interop+Mocks.swift",
                "Interop+Types.swift",
                "Interop+Workflows.swift",
                "Naming+Activities.swift",
                "Naming+Client.swift",
                "Naming+Definitions.swift",
                "Naming+Mocks.swift",
                "Naming+Types.swift",
                "Naming+Workflows.swift",
                "Orders+Activities.swift",
                "Orders+Client.swift",
                "Orders+Definitions.swift",
                "Orders+Mocks.swift",
                "Orders+Types.swift",
                "Orders+Workflows.swift",
                "Payments+Activities.swift",
                "Payments+Client.swift",
                "Payments+Definitions.swift",
                "Payments+Mocks.swift",
                "Payments+Types.swift",
                "Payments+Workflows.swift",
            ]
        )
    }

    func compare(_ files: [GeneratedFile]) throws {
        for file in files {
            let url = TestSupport.goldens.appendingPathComponent(file.name)
            let expected = try String(contentsOf: url, encoding: .utf8)
            if expected != file.contents {
                Issue.record(
                    """
                    \(file.name) differs from its golden; if the change is intended run Scripts/update-goldens.sh:
                    \(TestSupport.diff(expected: expected, actual: file.contents, name: file.name))
                    """
                )
            }
        }
    }
}
