import Foundation
import Testing

@testable import TemporalContractsGenerator

/// `outputsModule`: a test-support target generates only its mocks, importing the app's target
/// for the types, definitions and client.
struct OutputsModuleTests {
    @Test func onlyTheSelectedOutputsAreWrittenAndTheyImportTheModuleThatHasTheRest() throws {
        let text = try String(contentsOf: TestSupport.ordersContract, encoding: .utf8)
        let common = try String(
            contentsOf: TestSupport.examples.appendingPathComponent("Contracts/common.temporal.yaml"),
            encoding: .utf8
        )
        var options = GeneratorOptions(outputs: [.mocks])
        options.outputsModule = "OrderService"
        let result = try TestSupport.generate(
            ["orders.temporal.yaml": text, "common.temporal.yaml": common],
            inputs: ["orders.temporal.yaml"],
            options: options
        )
        #expect(!result.hasErrors, "\(result.diagnostics)")
        #expect(result.files.map(\.name) == ["Orders+Mocks.swift"])
        let mocks = try #require(result.files.first?.contents)
        #expect(mocks.contains("\nimport OrderService\n"))
        #expect(mocks.contains("struct MockClient: ClientProtocol"))

        let (configuration, diagnostics) = GeneratorConfiguration.parse("outputs: [mocks]\noutputsModule: OrderService\n", file: "c.yaml")
        #expect(diagnostics.all.isEmpty)
        #expect(configuration.outputsModule == "OrderService")
    }
}
