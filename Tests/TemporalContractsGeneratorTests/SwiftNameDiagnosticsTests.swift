import Foundation
import Testing

@testable import TemporalContractsGenerator

/// Names generated code cannot take are reported before generation, at the contract's line and
/// column, with the rename to use; names it can take are renamed or qualified without a word.
struct SwiftNameDiagnosticsTests {
    static let header = "contract: 1\nname: Shop\ntaskQueue: shop\n"

    func errors(_ files: [String: String], inputs: [String]? = nil) throws -> [Diagnostic] {
        let result = try TestSupport.generate(files, inputs: inputs)
        let errors = result.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { #expect(result.files.isEmpty, "files were generated despite errors") }
        return errors
    }

    @Test func aContractNamedLikeAModuleGeneratedCodeNamesTypesThrough() throws {
        let errors = try errors(["t.temporal.yaml": "contract: 1\nname: TemporalContracts\n"])
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(
            error.message
                == "the contract name 'TemporalContracts' would hide the module of that name, which generated code names types through"
        )
        #expect(error.hint == "rename the contract, e.g. `TemporalContractsContract`")
        #expect(error.location == SourceLocation(file: "t.temporal.yaml", line: 2, column: 7))
    }

    @Test func aContractNamedLikeAStandardType() throws {
        let error = try #require(try errors(["t.temporal.yaml": "contract: 1\nname: Result\n"]).first)
        #expect(error.message == "the contract name 'Result' would hide Swift's own 'Result' in the module of the generated code")
        #expect(error.formatted == "t.temporal.yaml:2:7: error: \(error.message) (rename the contract, e.g. `ResultContract`)")
    }

    @Test func anImportedContractNamedLikeATypeTheImporterGenerates() throws {
        let files = [
            "bank.temporal.yaml":
                "contract: 1\nname: Bank\ntaskQueue: bank\nimports: [client.temporal.yaml]\nworkflows:\n  Open: { input: Client.Person }\n",
            "client.temporal.yaml": "contract: 1\nname: Client\ntypes:\n  Person: { type: string }\n",
        ]
        let errors = try errors(files, inputs: ["bank.temporal.yaml"])
        #expect(errors.count == 1, "\(errors.map(\.formatted))")
        let error = try #require(errors.first)
        #expect(error.message == "the contract name 'Client' is also the generated `Bank.Client` in contract 'Bank', which imports it")
        #expect(error.hint == "rename the contract, e.g. to 'ClientContract'")
        #expect(error.location == SourceLocation(file: "client.temporal.yaml", line: 2, column: 7))
    }

    @Test func anImportedContractNamedLikeADerivedTypeOfTheImporter() throws {
        let files = [
            "bank.temporal.yaml": "contract: 1\nname: Bank\ntaskQueue: bank\nimports: [c.temporal.yaml]\nworkflows:\n  Open: {}\n",
            "c.temporal.yaml": "contract: 1\nname: OpenHandle\n",
        ]
        let error = try #require(try errors(files, inputs: ["bank.temporal.yaml"]).first)
        #expect(
            error.message == "the contract name 'OpenHandle' is also the handle of workflow 'Open' in contract 'Bank', which imports it"
        )
    }

    @Test func aTypeNamedLikeAnImportedContractIsRenamedNotReported() throws {
        let files = [
            "bank.temporal.yaml": Self.header.replacingOccurrences(of: "Shop", with: "Bank")
                + "imports: [common.temporal.yaml]\ntypes:\n  Common: { type: object, properties: { money: { $ref: Common.Money } } }\n",
            "common.temporal.yaml": "contract: 1\nname: Common\ntypes:\n  Money: { type: integer }\n",
        ]
        let result = try TestSupport.generate(files, inputs: ["bank.temporal.yaml"])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        let types = try #require(result.files.first { $0.name == "Bank+Types.swift" }).contents
        #expect(types.contains("public struct Common_: Swift.Codable"))
        #expect(types.contains("public var money: Common.Money?"))
    }

    @Test func aWorkflowHandleNamedLikeAType() throws {
        let errors = try errors(["t.temporal.yaml": Self.header + "types:\n  PayWorkflow: { type: string }\nworkflows:\n  Pay: {}\n"])
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.message == "workflow 'Pay' needs the Swift type name 'PayWorkflow', which type 'PayWorkflow' already has")
        #expect(error.hint == "rename the type, e.g. to 'PayWorkflowInfo', or the workflow")
        #expect(error.location == SourceLocation(file: "t.temporal.yaml", line: 7, column: 3))
    }

    @Test func handlersWhoseMethodsWouldClashOnTheHandle() throws {
        let text =
            Self.header
            + "workflows:\n  W: { signals: [startGo], updates: [Go] }\nsignals:\n  startGo: {}\nupdates:\n  Go: {}\n"
        let error = try #require(try errors(["t.temporal.yaml": text]).first)
        #expect(error.message == "handlers of workflow 'W' 'Go' and 'startGo' both become the Swift name 'startGo'")
        #expect(error.location.line == 5)
    }

    @Test func aHandlerNamedLikeAMemberOfTheHandleOrProtocolTakesItsKind() throws {
        let text =
            Self.header
            + "workflows:\n  W: { signals: [run], queries: [result] }\nsignals:\n  run: {}\nqueries:\n  result: { output: string }\n"
        let result = try TestSupport.generate(["t.temporal.yaml": text])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        let workflows = try #require(result.files.first { $0.name == "Shop+Workflows.swift" }).contents
        #expect(workflows.contains("func runSignal(context: any TemporalContracts.WorkflowContext) async throws"))
        #expect(workflows.contains("func resultQuery(context: any TemporalContracts.WorkflowContext) throws -> Swift.String"))
    }

    @Test func aProtoMessageWithoutAPackageNamedLikeAGeneratedType() throws {
        let proto = """
            syntax = "proto3";
            import "temporal/v1/temporal.proto";
            message Client { string name = 1; }
            service Bank {
              rpc Open(Client) returns (Client) {
                option (temporal.v1.workflow) = { task_queue: 'bank' };
              }
            }

            """
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(proto.utf8).write(to: root.appendingPathComponent("bank.proto"))
        var inputs = GeneratorPipeline.Inputs(protoFiles: [root.appendingPathComponent("bank.proto").path])
        inputs.protoLoader = ProtoDescriptorLoader(includePaths: [root.path])
        let result = try GeneratorPipeline().run(inputs)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(result.diagnostics.map(\.formatted))")
        let error = try #require(errors.first)
        #expect(
            error.message == "message 'Client' becomes the Swift type 'Client', the name of the generated `Bank.Client` in contract 'Bank'"
        )
        #expect(error.hint?.hasPrefix("give its .proto file a package") == true)
        #expect(error.location.file.hasSuffix("bank.proto"))
        #expect(error.location.line == 5)
        #expect(result.files.isEmpty)
    }
}
