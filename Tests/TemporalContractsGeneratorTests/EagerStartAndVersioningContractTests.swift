import Foundation
import Testing

@testable import TemporalContractsGenerator

/// A workflow's `enableEagerStart` and `versioningBehavior`, in YAML and as the `.proto` options
/// `enable_eager_start` and `versioning_behavior`: read, checked and carried by the generated
/// definition's defaults.
struct EagerStartAndVersioningContractTests {
    static func yaml(_ workflowKeys: String) -> String {
        """
        contract: 1
        name: Shop
        taskQueue: shop
        workflows:
          Buy:
            input: string
            output: string
        \(workflowKeys)
          Browse:
            input: string
        """
    }

    func definitions(_ result: GeneratorPipeline.Result) throws -> String {
        try #require(result.files.first { $0.name == "Shop+Definitions.swift" }).contents
    }

    @Test func yamlKeysReachTheModelAndTheGeneratedDefaults() throws {
        let result = try TestSupport.generate([
            "shop.temporal.yaml": Self.yaml("    enableEagerStart: true\n    versioningBehavior: autoUpgrade")
        ])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        let workflows = try #require(result.models.first).workflows
        let buy = try #require(workflows.first { $0.key == "Buy" })
        #expect(buy.enableEagerStart == true)
        #expect(buy.versioningBehavior == .autoUpgrade)
        let browse = try #require(workflows.first { $0.key == "Browse" })
        #expect(browse.enableEagerStart == nil && browse.versioningBehavior == nil)
        let code = try definitions(result)
        #expect(code.contains("enableEagerStart: true"))
        #expect(code.contains("versioningBehavior: .autoUpgrade"))
        // Only the workflow that sets them carries them.
        #expect(code.components(separatedBy: "enableEagerStart:").count == 2)
    }

    @Test func theContractDocumentationListsBoth() throws {
        let result = try TestSupport.generate([
            "shop.temporal.yaml": Self.yaml("    enableEagerStart: true\n    versioningBehavior: pinned")
        ])
        let pages = try DocumentationGenerator().render(result.models, format: .markdown)
        let page = try #require(pages.first { $0.name == "Shop.md" }).contents
        #expect(page.contains("Eager start"), "\(page)")
        #expect(page.contains("Versioning behavior"))
        #expect(page.contains("`pinned`"))
    }

    @Test func eagerStartFalseIsKeptAsAnExplicitDefault() throws {
        let result = try TestSupport.generate(["shop.temporal.yaml": Self.yaml("    enableEagerStart: false")])
        #expect(!result.hasErrors)
        #expect(try definitions(result).contains("enableEagerStart: false"))
    }

    @Test func anUnknownVersioningBehaviorIsALocatedErrorListingTheValues() throws {
        let diagnostics = try TestSupport.diagnostics(Self.yaml("    versioningBehavior: sticky"), file: "shop.temporal.yaml")
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.message == "unknown 'versioningBehavior' 'sticky'")
        #expect(error.hint == "one of: pinned, autoUpgrade")
        #expect(error.location.file == "shop.temporal.yaml")
        #expect(error.location.line == 8)
        #expect(error.location.column == 25)
    }

    @Test func aNonBooleanEagerStartIsALocatedError() throws {
        let diagnostics = try TestSupport.diagnostics(Self.yaml("    enableEagerStart: often"), file: "shop.temporal.yaml")
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("'enableEagerStart'"))
        #expect(error.location.line == 8)
    }

    @Test func protoOptionsAreReadWithoutAnUnsupportedWarning() throws {
        let proto = """
            syntax = "proto3";
            package shop.v1;
            import "temporal/v1/temporal.proto";
            message Order { string order_id = 1; }
            service Shop {
              rpc Buy(Order) returns (Order) {
                option (temporal.v1.workflow) = {
                  task_queue: "shop"
                  enable_eager_start: true
                  versioning_behavior: VERSIONING_BEHAVIOR_PINNED
                };
              }
              rpc Browse(Order) returns (Order) {
                option (temporal.v1.workflow) = { task_queue: "shop" versioning_behavior: VERSIONING_BEHAVIOR_AUTO_UPGRADE };
              }
            }

            """
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("proto-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data(proto.utf8).write(to: root.appendingPathComponent("shop.proto"))
        var inputs = GeneratorPipeline.Inputs(protoFiles: [root.appendingPathComponent("shop.proto").path])
        inputs.protoLoader = ProtoDescriptorLoader(includePaths: [root.path])
        let result = try GeneratorPipeline().run(inputs)
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        #expect(!result.diagnostics.contains { $0.message.contains("not supported") }, "\(result.diagnostics.map(\.message))")
        let workflows = try #require(result.models.first).workflows
        let buy = try #require(workflows.first { $0.key == "Buy" })
        #expect(buy.enableEagerStart == true)
        #expect(buy.versioningBehavior == .pinned)
        #expect(try #require(workflows.first { $0.key == "Browse" }).versioningBehavior == .autoUpgrade)
        let code = try #require(result.files.first { $0.name.hasSuffix("+Definitions.swift") }).contents
        #expect(code.contains("enableEagerStart: true"))
        #expect(code.contains("versioningBehavior: .pinned"))
    }
}
