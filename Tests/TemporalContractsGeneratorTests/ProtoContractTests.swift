import Foundation
import Testing

@testable import TemporalContractsGenerator

/// `.proto` contracts: protoc's descriptors, the temporal.v1 options, and what goes wrong with them.
struct ProtoContractTests {
    /// Writes `files` (relative path → text) into a fresh folder and returns it.
    func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("proto-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    func run(_ root: URL, _ file: String, protoc: String? = nil) throws -> GeneratorPipeline.Result {
        var inputs = GeneratorPipeline.Inputs(protoFiles: [root.appendingPathComponent(file).path])
        inputs.protoLoader = ProtoDescriptorLoader(protocPath: protoc, includePaths: [root.path])
        return try GeneratorPipeline().run(inputs)
    }

    static let preamble = """
        syntax = "proto3";
        package shop.v1;
        import "google/protobuf/empty.proto";
        import "temporal/v1/temporal.proto";
        message Order { string order_id = 1; }

        """

    @Test func aServiceWithoutOptionsIsReportedWithAHint() throws {
        let root = try folder(["shop.proto": Self.preamble + "service Shop {\n  rpc Buy(Order) returns (Order);\n}\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run(root, "shop.proto")
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message == "no method of Shop carries temporal.v1 options")
        #expect(warning.location.file.hasSuffix("shop.proto"))
        #expect(warning.location.line == 1)
    }

    @Test func unsupportedOptionsAreWarnedAboutAtTheirMethod() throws {
        let proto =
            Self.preamble + """
                service Shop {
                  rpc Buy(Order) returns (Order) {
                    option (temporal.v1.workflow) = { namespace: 'other', cli: { name: "buy" } };
                  }
                }

                """
        let root = try folder(["shop.proto": proto])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run(root, "shop.proto")
        #expect(!result.hasErrors)
        let messages = result.diagnostics.filter { $0.severity == .warning }.map(\.message)
        #expect(
            messages.contains("option 'namespace' of temporal.v1.workflow is ignored: protoc-gen-go-temporal deprecates it")
        )
        #expect(
            messages.contains(
                "option 'cli' of temporal.v1.workflow is ignored: it configures the command-line tool protoc-gen-go-temporal generates for Go"
            )
        )
        let optionWarnings = result.diagnostics.filter { $0.message.hasPrefix("option ") }
        #expect(optionWarnings.count == 2)
        #expect(optionWarnings.allSatisfy { $0.location.line == 7 && $0.location.column == 3 })
    }

    /// protoc-gen-go-temporal registers a workflow under each of its `aliases`; so do Swift workers.
    @Test func workflowAliasesAreReadNotWarnedAbout() throws {
        let proto =
            Self.preamble + """
                service Shop {
                  rpc Buy(Order) returns (Order) {
                    option (temporal.v1.workflow) = { name: "shop.Buy", aliases: ["shop.Purchase", "Buy"] };
                  }
                }

                """
        let root = try folder(["shop.proto": proto])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run(root, "shop.proto")
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        #expect(result.diagnostics.filter { $0.message.hasPrefix("option ") }.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let workflow = try #require(result.models.first?.workflows.first)
        #expect(workflow.wireName == "shop.Buy")
        #expect(workflow.aliases == ["shop.Purchase", "Buy"])
        let definitions = try #require(result.files.first { $0.name == "Shop+Definitions.swift" }).contents
        #expect(definitions.contains(#"aliases: ["shop.Purchase", "Buy"],"#))
    }

    @Test func aWorkflowAliasEqualToItsNameIsAnErrorAtTheMethod() throws {
        let proto =
            Self.preamble + """
                service Shop {
                  rpc Buy(Order) returns (Order) {
                    option (temporal.v1.workflow) = { aliases: ["shop.v1.Shop.Buy"] };
                  }
                }

                """
        let root = try folder(["shop.proto": proto])
        defer { try? FileManager.default.removeItem(at: root) }
        let errors = try run(root, "shop.proto").diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["alias 'shop.v1.Shop.Buy' of workflow 'Buy' is its current name"])
        #expect(errors.first?.location.line == 7)
        #expect(errors.first?.location.column == 3)
    }

    @Test func protocErrorsKeepTheirLocation() throws {
        let root = try folder(["shop.proto": Self.preamble + "service Shop {\n  rpc Buy(Missing) returns (Order);\n}\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run(root, "shop.proto")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("\"Missing\" is not defined"))
        #expect(error.location.line == 7)
    }

    @Test func undeclaredHandlerReferenceAndBadIDExpression() throws {
        let proto =
            Self.preamble + """
                service Shop {
                  rpc Buy(Order) returns (Order) {
                    option (temporal.v1.workflow) = { id: 'buy-${! orderId.capitalize() }', signal: { ref: "Cancel" } };
                  }
                }

                """
        let root = try folder(["shop.proto": proto])
        defer { try? FileManager.default.removeItem(at: root) }
        let errors = try run(root, "shop.proto").diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(errors.contains("workflow 'Buy' names signal 'Cancel', which is not declared"))
        #expect(
            errors.contains(
                "the ID template of workflow 'Buy' cannot be read: the method '.capitalize()' is outside the Bloblang subset the Swift generator supports (at character 17 of 'buy-${! orderId.capitalize() }')"
            )
        )
    }

    @Test func idExpressionFieldsAreCheckedAgainstTheMessage() throws {
        let proto =
            Self.preamble + """
                service Shop {
                  rpc Buy(Order) returns (Order) {
                    option (temporal.v1.workflow) = { id: 'buy-${! orderID }' };
                  }
                }

                """
        let root = try folder(["shop.proto": proto])
        defer { try? FileManager.default.removeItem(at: root) }
        let error = try #require(try run(root, "shop.proto").diagnostics.first { $0.severity == .error })
        #expect(error.message == "the ID template of workflow 'Buy' names 'orderID', but the input has no field 'orderID'")
        #expect(error.hint == "fields: orderId")
    }

    @Test func missingProtocIsAClearError() throws {
        let root = try folder(["shop.proto": Self.preamble])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run(root, "shop.proto", protoc: "/nonexistent/protoc")
        let error = try #require(result.diagnostics.first)
        #expect(error.message == "protoc was not found, and it is needed to read .proto contracts")
        #expect(error.hint?.contains("protobuf-compiler") == true)
    }

    @Test func aPrebuiltDescriptorSetGeneratesTheSameCode() throws {
        let include = TestSupport.protoInclude.path
        let set = FileManager.default.temporaryDirectory.appendingPathComponent("set-\(UUID().uuidString).pb")
        defer { try? FileManager.default.removeItem(at: set) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "protoc", "-I", include, "-I", TestSupport.packageRoot.appendingPathComponent("Schemas").path,
            "--include_imports", "--include_source_info", "--descriptor_set_out=\(set.path)", "payments/v1/payments.proto",
        ]
        try process.run()
        process.waitUntilExit()
        let fromSet = try GeneratorPipeline().run(GeneratorPipeline.Inputs(descriptorSets: [set.path]))
        #expect(!fromSet.hasErrors, "\(fromSet.diagnostics.map(\.formatted))")
        let golden = try String(
            contentsOf: TestSupport.goldens.appendingPathComponent("Payments+Definitions.swift"),
            encoding: .utf8
        )
        #expect(fromSet.files.first { $0.name == "Payments+Definitions.swift" }?.contents == golden)
    }

    @Test func aCorruptDescriptorSetIsAnError() throws {
        let set = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).pb")
        defer { try? FileManager.default.removeItem(at: set) }
        try Data([0x0A, 0xFF, 0x01]).write(to: set)
        let result = try GeneratorPipeline().run(GeneratorPipeline.Inputs(descriptorSets: [set.path]))
        #expect(result.diagnostics.first?.message.hasPrefix("'\(set.path)' is not a readable descriptor set") == true)
    }
}
