import Foundation
import Testing

@testable import TemporalContractsGenerator

/// Each kind of contract error has its message and its location asserted, and a file with many
/// problems reports all of them in one run.
struct DiagnosticsTests {
    /// The single error of `text`, asserting there is exactly one.
    func onlyError(_ text: String, file: String = "test.temporal.yaml") throws -> Diagnostic {
        let errors = try TestSupport.diagnostics(text, file: file).filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.formatted))")
        return try #require(errors.first)
    }

    static let header = "contract: 1\nname: Shop\ntaskQueue: shop\n"

    @Test func unknownTopLevelKeySuggestsTheRightOne() throws {
        let error = try onlyError(Self.header + "workflow:\n  A: {}\n")
        #expect(error.message == "unknown key 'workflow' in the contract")
        #expect(error.hint == "did you mean 'workflows'?")
        #expect(error.location == SourceLocation(file: "test.temporal.yaml", line: 4, column: 1))
        #expect(error.formatted.hasPrefix("test.temporal.yaml:4:1: error: unknown key 'workflow'"))
    }

    @Test func unknownKeyInsideAWorkflow() throws {
        let error = try onlyError(Self.header + "workflows:\n  A:\n    timeout: 1h\n")
        #expect(error.message == "unknown key 'timeout' in workflow 'A'")
        #expect(error.location.line == 6)
        #expect(error.location.column == 5)
    }

    @Test func unknownTypeReference() throws {
        let error = try onlyError(
            Self.header + "types:\n  Order: { type: object, properties: { item: { $ref: LineItm } } }\n  LineItem: { type: string }\n"
        )
        #expect(error.message == "unknown type 'LineItm'")
        #expect(error.hint == "did you mean 'LineItem'?")
        #expect(error.location.line == 5)
    }

    @Test func workflowNamingAnUndeclaredHandler() throws {
        let error = try onlyError(
            Self.header + "workflows:\n  A:\n    signals: [Cancle]\nsignals:\n  Cancel: {}\n"
        )
        #expect(error.message == "workflow 'A' names signal 'Cancle', which is not declared")
        #expect(error.hint == "did you mean 'Cancel'?")
        #expect(error.location == SourceLocation(file: "test.temporal.yaml", line: 6, column: 15))
    }

    @Test func duplicateWorkflowWireNames() throws {
        let error = try onlyError(Self.header + "workflows:\n  A: { name: Same }\n  B: { name: Same }\n")
        #expect(error.message == "workflow name 'Same' is already used at test.temporal.yaml:5:3")
        #expect(error.location.line == 6)
    }

    @Test func duplicateSignalWireNames() throws {
        let error = try onlyError(Self.header + "signals:\n  A: { name: go }\n  B: { name: go }\n")
        #expect(error.message.hasPrefix("signal name 'go' is already used"))
        #expect(error.location.line == 6)
    }

    @Test func swiftNameCollisionAfterRenaming() throws {
        let error = try onlyError(
            Self.header
                + "types:\n  A:\n    type: object\n    properties:\n      order_id: { type: string }\n      orderId: { type: string }\n"
        )
        #expect(error.message == "properties of 'A' 'orderId' and 'order_id' both become the Swift name 'orderID'")
        #expect(error.location.line == 9)
    }

    @Test func typeNamesCollidingAfterRenaming() throws {
        let error = try onlyError(Self.header + "types:\n  line_item: { type: string }\n  LineItem: { type: integer }\n")
        #expect(error.message == "types 'LineItem' and 'line_item' both become the Swift name 'LineItem'")
        #expect(error.location.line == 6)
    }

    @Test func workflowHandleClashingWithAType() throws {
        let error = try onlyError(Self.header + "types:\n  PayHandle: { type: string }\nworkflows:\n  Pay: {}\n")
        #expect(error.message == "workflow 'Pay' needs the Swift type name 'PayHandle', which type 'PayHandle' already has")
        #expect(error.location.line == 7)
    }

    @Test func badDuration() throws {
        let error = try onlyError(Self.header + "activities:\n  A: { startToCloseTimeout: 30 seconds }\n")
        #expect(error.message == "'30 seconds' is not a valid duration for 'startToCloseTimeout'")
        #expect(error.hint?.contains("1h30m") == true)
        #expect(error.location == SourceLocation(file: "test.temporal.yaml", line: 5, column: 29))
    }

    @Test func idTemplateNamingAMissingField() throws {
        let error = try onlyError(
            Self.header
                + "types:\n  Order: { type: object, required: [order_id], properties: { order_id: { type: string } } }\n"
                + "workflows:\n  A: { input: Order, id: \"order-{orderId}\" }\n"
        )
        #expect(error.message == "the ID template of workflow 'A' names 'orderId', but the input has no field 'orderId'")
        #expect(error.hint == "fields: order_id")
        #expect(error.location.line == 7)
    }

    @Test func idTemplateNamingAnOptionalField() throws {
        let error = try onlyError(
            Self.header
                + "types:\n  Order: { type: object, properties: { order_id: { type: string } } }\n"
                + "workflows:\n  A: { input: Order, id: \"order-{order_id}\" }\n"
        )
        #expect(error.message == "the ID template of workflow 'A' names 'order_id', which is optional")
    }

    @Test func signalWithAnOutput() throws {
        let error = try onlyError(Self.header + "signals:\n  Go: { output: string }\n")
        #expect(error.message == "signal 'Go' declares an output, but signals return nothing")
        #expect(error.location.line == 5)
        #expect(error.location.column == 17)
    }

    @Test func queryWithoutAnOutput() throws {
        let error = try onlyError(Self.header + "queries:\n  Status: {}\n")
        #expect(error.message == "query 'Status' has no output, but a query exists to return one")
        #expect(error.location == SourceLocation(file: "test.temporal.yaml", line: 5, column: 3))
    }

    @Test func importCycle() throws {
        let files = [
            "a.temporal.yaml": "contract: 1\nname: A\nimports: [b.temporal.yaml]\n",
            "b.temporal.yaml": "contract: 1\nname: B\nimports: [a.temporal.yaml]\n",
        ]
        let errors = try TestSupport.generate(files, inputs: ["a.temporal.yaml"]).diagnostics
        #expect(errors.count == 1)
        #expect(errors.first?.message == "import cycle: a.temporal.yaml → b.temporal.yaml → a.temporal.yaml")
        #expect(errors.first?.location == SourceLocation(file: "b.temporal.yaml", line: 3, column: 11))
    }

    @Test func missingImportedFile() throws {
        let files = ["dir/a.temporal.yaml": "contract: 1\nname: A\nimports:\n  - ../common.temporal.yaml\n"]
        let error = try #require(try TestSupport.generate(files).diagnostics.first)
        #expect(error.message == "imported file '../common.temporal.yaml' does not exist (looked for common.temporal.yaml)")
        #expect(error.location == SourceLocation(file: "dir/a.temporal.yaml", line: 4, column: 5))
    }

    @Test func missingInputFile() throws {
        let error = try #require(try TestSupport.generate([:], inputs: ["nope.temporal.yaml"]).diagnostics.first)
        #expect(error.message == "cannot read the contract file: no such file")
        #expect(error.location.file == "nope.temporal.yaml")
    }

    @Test func malformedYAML() throws {
        let error = try onlyError("contract: 1\nname: Shop\ntypes:\n  A: { type: string\n")
        #expect(error.message.hasPrefix("malformed YAML:"))
        #expect(error.location.line == 5)
    }

    @Test func duplicateYAMLKey() throws {
        let error = try onlyError(Self.header + "types:\n  A: { type: string }\n  A: { type: integer }\n")
        #expect(error.message == "duplicate key 'A' in a mapping")
        #expect(error.location.line == 5)
    }

    @Test func missingVersionAndName() throws {
        let errors = try TestSupport.diagnostics("taskQueue: q\n").filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["the contract does not state its format version", "the contract has no 'name'"])
        #expect(errors.allSatisfy { $0.location.line == 1 })
    }

    @Test func unsupportedVersion() throws {
        let error = try onlyError("contract: 2\nname: Shop\n")
        #expect(error.message == "unsupported contract format version 2")
        #expect(error.location == SourceLocation(file: "test.temporal.yaml", line: 1, column: 11))
    }

    @Test func recursiveStruct() throws {
        let error = try onlyError(
            Self.header
                + "types:\n  Node: { type: object, properties: { parent: { $ref: Node }, kids: { type: array, items: { $ref: Node } } } }\n"
        )
        #expect(error.message == "type 'Node' contains itself through Node → Node")
    }

    @Test func integerEnumWithoutNames() throws {
        let error = try onlyError(Self.header + "types:\n  Color: { type: integer, enum: [1, 2] }\n")
        #expect(error.message == "integer enum 'Color' has 2 values but 0 names")
        #expect(error.hint?.contains("x-enum-varnames") == true)
    }

    @Test func everyProblemIsReportedInOneRun() throws {
        let text =
            Self.header + """
                types:
                  Order: { type: object, properties: { id: { $ref: Missing } } }
                workflows:
                  A: { signals: [Nope], executionTimeout: soon, idReusePolicy: sometimes }
                signals:
                  S: { output: string }
                queries:
                  Q: {}
                """
        let errors = try TestSupport.diagnostics(text).filter { $0.severity == .error }
        #expect(errors.count == 6, "\(errors.map(\.formatted))")
        #expect(errors == errors.sorted())
    }

    @Test func warningsDoNotFailGeneration() throws {
        let result = try TestSupport.generate(["w.temporal.yaml": "contract: 1\nname: W\nworkflows:\n  A: {}\n"])
        #expect(!result.hasErrors)
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.diagnostics.first?.message == "workflow 'A' has no task queue")
        #expect(!result.files.isEmpty)
    }
}
