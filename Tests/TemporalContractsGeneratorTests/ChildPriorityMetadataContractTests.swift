import Foundation
import Testing

@testable import TemporalContractsGenerator

/// A workflow's `parentClosePolicy`, `waitForCancellation`, `priority`, `summary` and `details`,
/// and an activity's `waitForCancellation`, `priority` and `summary`, in YAML and (where
/// protoc-gen-go-temporal has them) as `.proto` options: read, checked with located errors, and
/// carried by the generated definitions' defaults.
struct ChildPriorityMetadataContractTests {
    static func yaml(workflow: String = "", activity: String = "") -> String {
        """
        contract: 1
        name: Shop
        taskQueue: shop
        workflows:
          Buy:
            description: Buys what is in the cart.
            input: string
            output: string
        \(workflow)
          Browse:
            input: string
        activities:
          Pay:
            input: string
            startToCloseTimeout: 10s
        \(activity)
        """
    }

    func definitions(_ result: GeneratorPipeline.Result) throws -> String {
        try #require(result.files.first { $0.name == "Shop+Definitions.swift" }).contents
    }

    @Test func yamlKeysReachTheModelAndTheGeneratedDefaults() throws {
        let workflow = """
                parentClosePolicy: abandon
                waitForCancellation: false
                priority: { priorityKey: 1, fairnessKey: "tenant \\"a\\"", fairnessWeight: 2.5 }
                summary: Buying
                details: "**Cart** checkout"
            """
        let activity = """
                waitForCancellation: true
                priority: { fairnessKey: payments }
                summary: Charging the card
            """
        let result = try TestSupport.generate(["shop.temporal.yaml": Self.yaml(workflow: workflow, activity: activity)])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        let model = try #require(result.models.first)
        let buy = try #require(model.workflows.first { $0.key == "Buy" })
        #expect(buy.parentClosePolicy == .abandon)
        #expect(buy.waitForCancellation == false)
        #expect(buy.priority == PriorityModel(priorityKey: 1, fairnessKey: #"tenant "a""#, fairnessWeight: 2.5))
        #expect(buy.summary == "Buying")
        #expect(buy.details == "**Cart** checkout")
        let pay = try #require(model.activities.first)
        #expect(pay.waitForCancellation == true)
        #expect(pay.priority == PriorityModel(fairnessKey: "payments"))
        #expect(pay.summary == "Charging the card")

        let code = try definitions(result)
        #expect(code.contains("parentClosePolicy: .abandon,"))
        #expect(code.contains("childCancellationType: .tryCancel,"))
        #expect(code.contains(#"priority: TemporalContracts.Priority(priorityKey: 1, fairnessKey: "tenant \"a\"", fairnessWeight: 2.5)"#))
        #expect(code.contains(#"summary: "Buying""#))
        #expect(code.contains(#"details: "**Cart** checkout""#))
        #expect(code.contains("cancellationType: .waitCancellationCompleted,"))
        #expect(code.contains(#"priority: TemporalContracts.Priority(fairnessKey: "payments")"#))
        #expect(code.contains(#"summary: "Charging the card""#))
        let markdown = try #require(try DocumentationTests.render(result.models, .markdown)["Shop.md"])
        #expect(markdown.contains("Parent-close policy"), "\(markdown)")
        #expect(markdown.contains("priority key 1"))
        #expect(markdown.contains("Charging the card"))
        // Browse sets none of them.
        let browse = try #require(model.workflows.first { $0.key == "Browse" })
        #expect(browse.parentClosePolicy == nil && browse.waitForCancellation == nil && browse.priority == nil)
        #expect(browse.summary == nil && browse.details == nil)
    }

    @Test func theDescriptionIsTheDefaultDetailsAndAnEmptyDetailsSendsNone() throws {
        let described = try TestSupport.generate(["shop.temporal.yaml": Self.yaml()])
        #expect(try definitions(described).contains(#"details: "Buys what is in the cart.""#))
        let silenced = try TestSupport.generate(["shop.temporal.yaml": Self.yaml(workflow: #"    details: """#)])
        #expect(!silenced.hasErrors)
        #expect(try #require(silenced.models.first).workflows.first?.details == nil)
        #expect(try !definitions(silenced).contains("details:"))
    }

    @Test(
        "bad values are located errors with a hint",
        arguments: [
            ("    parentClosePolicy: kill", "unknown 'parentClosePolicy' 'kill'", 9, "one of: terminate, abandon, requestCancel"),
            ("    priority: { priorityKey: 0 }", "'priorityKey' must be between 1 and 5, found 0", 9, "1 is served first"),
            ("    priority: { priorityKey: 6 }", "'priorityKey' must be between 1 and 5, found 6", 9, "1 is served first"),
            ("    priority: { fairnessWeight: 0 }", "'fairnessWeight' must be a positive number, found 0.0", 9, "the weight is"),
            ("    priority: { fairnessWeight: -1.5 }", "'fairnessWeight' must be a positive number, found -1.5", 9, "the weight is"),
            ("    summary: \"two\\nlines\"", "'summary' spans more than one line", 9, "the web UI shows"),
        ]
    )
    func badValues(_ keys: String, message: String, line: Int, hint: String) throws {
        let diagnostics = try TestSupport.diagnostics(Self.yaml(workflow: keys), file: "shop.temporal.yaml")
        let error = try #require(diagnostics.first { $0.severity == .error }, "\(diagnostics.map(\.formatted))")
        #expect(error.message == message)
        #expect(error.location.file == "shop.temporal.yaml")
        #expect(error.location.line == line)
        #expect(error.location.column > 1)
        #expect(error.hint?.hasPrefix(hint) == true, "\(error.hint ?? "")")
    }

    @Test func anUnknownPriorityKeyIsALocatedErrorWithASuggestion() throws {
        let diagnostics = try TestSupport.diagnostics(Self.yaml(workflow: "    priority: { priority: 1 }"), file: "shop.temporal.yaml")
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("'priority'"), "\(error.message)")
        #expect(error.location.line == 9)
    }

    @Test func protoOptionsAreReadWithoutAnUnsupportedWarning() throws {
        let proto = """
            syntax = "proto3";
            package shop.v1;
            import "temporal/v1/temporal.proto";
            message Order { string order_id = 1; }
            service Shop {
              // Buys what is in the cart.
              rpc Buy(Order) returns (Order) {
                option (temporal.v1.workflow) = {
                  task_queue: "shop"
                  parent_close_policy: PARENT_CLOSE_POLICY_REQUEST_CANCEL
                  wait_for_cancellation: true
                  priority: { priority_key: 2 fairness_key: "shoppers" fairness_weight: 0.5 }
                };
              }
              rpc Pay(Order) returns (Order) {
                option (temporal.v1.activity) = {
                  start_to_close_timeout: { seconds: 10 }
                  wait_for_cancellation: true
                  priority: { priority_key: 5 }
                };
              }
              rpc Ship(Order) returns (Order) {
                option (temporal.v1.workflow) = { task_queue: "shop" priority: { priority_key: 9 } };
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
        #expect(!result.diagnostics.contains { $0.message.contains("not supported") }, "\(result.diagnostics.map(\.message))")
        // Ship's priority key is out of range: a located error naming the method's file.
        let error = try #require(result.diagnostics.first { $0.severity == .error }, "\(result.diagnostics.map(\.formatted))")
        #expect(error.message == "'priorityKey' must be between 1 and 5, found 9")
        #expect(error.location.file.hasSuffix("shop.proto"))
        #expect(error.location.line > 0)
        let model = try #require(result.models.first)
        let buy = try #require(model.workflows.first { $0.key == "Buy" })
        #expect(buy.parentClosePolicy == .requestCancel)
        #expect(buy.waitForCancellation == true)
        #expect(buy.priority == PriorityModel(priorityKey: 2, fairnessKey: "shoppers", fairnessWeight: 0.5))
        #expect(buy.details == "Buys what is in the cart.")
        let pay = try #require(model.activities.first { $0.key == "Pay" })
        #expect(pay.waitForCancellation == true)
        #expect(pay.priority == PriorityModel(priorityKey: 5))
    }
}

/// An update's `waitForStage`, in YAML and as `wait_for_stage` (or the deprecated `wait_policy`).
struct UpdateWaitStageContractTests {
    static func yaml(_ stage: String) -> String {
        """
        contract: 1
        name: Shop
        taskQueue: shop
        workflows:
          Buy:
            input: string
            updates: [AddItem]
        updates:
          AddItem:
            input: string
            output: int
            waitForStage: \(stage)
        """
    }

    @Test func theStageReachesTheGeneratedDefinition() throws {
        let result = try TestSupport.generate(["shop.temporal.yaml": Self.yaml("completed")])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        #expect(try #require(result.models.first).updates.first?.waitForStage == .completed)
        let code = try #require(result.files.first { $0.name == "Shop+Definitions.swift" }).contents
        #expect(code.contains("waitForStage: .completed"))
    }

    @Test(arguments: [
        ("admitted", "'waitForStage' cannot be admitted", "servers do not hold a call"),
        ("done", "unknown 'waitForStage' 'done'", "one of: admitted, accepted, completed"),
    ])
    func badStagesAreLocatedErrors(_ stage: String, message: String, hint: String) throws {
        let diagnostics = try TestSupport.diagnostics(Self.yaml(stage), file: "shop.temporal.yaml")
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.message == message)
        #expect(error.hint?.hasPrefix(hint) == true)
        #expect(error.location.line == 12)
        #expect(error.location.column == 19)
    }

    @Test func protoWaitForStageAndTheDeprecatedWaitPolicyAreRead() throws {
        let proto = """
            syntax = "proto3";
            package shop.v1;
            import "temporal/v1/temporal.proto";
            message Order { string order_id = 1; }
            service Shop {
              rpc Buy(Order) returns (Order) {
                option (temporal.v1.workflow) = { task_queue: "shop" update: [{ ref: "AddItem" }, { ref: "Remove" }] };
              }
              rpc AddItem(Order) returns (Order) {
                option (temporal.v1.update) = { wait_for_stage: WAIT_POLICY_COMPLETED };
              }
              rpc Remove(Order) returns (Order) {
                option (temporal.v1.update) = { wait_policy: WAIT_POLICY_ACCEPTED };
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
        let updates = try #require(result.models.first).updates
        #expect(updates.first { $0.key == "AddItem" }?.waitForStage == .completed)
        #expect(updates.first { $0.key == "Remove" }?.waitForStage == .accepted)
    }
}

/// A workflow's update entry: `validate` overrides the update's, `idConflictPolicy` is the
/// conflict policy of its update-with-start; in YAML and as the `.proto` update options.
struct UpdateReferenceOptionsContractTests {
    static func yaml(_ entry: String) -> String {
        """
        contract: 1
        name: Shop
        taskQueue: shop
        workflows:
          Buy:
            input: string
            updates: [\(entry)]
          Sell:
            input: string
            updates: [AddItem]
        updates:
          AddItem:
            input: string
            output: int
            validate: true
        """
    }

    @Test func validateOverridesTheUpdatesAndThePolicyReachesUpdateWithStart() throws {
        let result = try TestSupport.generate([
            "shop.temporal.yaml": Self.yaml("{ ref: AddItem, start: true, validate: false, idConflictPolicy: fail }")
        ])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        let workflows = try #require(result.models.first).workflows
        let buy = try #require(workflows.first { $0.key == "Buy" }?.updates.first)
        #expect(buy.handler.hasValidator == false)
        #expect(buy.idConflictPolicy == .fail)
        // The other workflow keeps the update's own validator.
        #expect(try #require(workflows.first { $0.key == "Sell" }?.updates.first).handler.hasValidator)
        let client = try #require(result.files.first { $0.name == "Shop+Client.swift" }).contents
        #expect(client.contains("options: options.defaulting(idConflictPolicy: .fail)"))
        let workflowsCode = try #require(result.files.first { $0.name == "Shop+Workflows.swift" }).contents
        #expect(workflowsCode.components(separatedBy: "func validateAddItem").count == 2, "only Sell's protocol requires the validator")
    }

    @Test func aPolicyWithoutStartIsAWarningAndAnUnknownOneAnError() throws {
        let unused = try TestSupport.diagnostics(Self.yaml("{ ref: AddItem, idConflictPolicy: fail }"), file: "shop.temporal.yaml")
        let warning = try #require(unused.first { $0.severity == .warning && $0.message.contains("idConflictPolicy") })
        #expect(warning.location.line == 7)
        let unknown = try TestSupport.diagnostics(
            Self.yaml("{ ref: AddItem, start: true, idConflictPolicy: keep }"),
            file: "shop.temporal.yaml"
        )
        let error = try #require(unknown.first { $0.severity == .error })
        #expect(error.message == "unknown 'idConflictPolicy' 'keep'")
        #expect(error.location.line == 7)
    }

    @Test func protoUpdateValidateAndConflictPolicyAreReadWithoutAWarning() throws {
        let proto = """
            syntax = "proto3";
            package shop.v1;
            import "temporal/v1/temporal.proto";
            message Order { string order_id = 1; }
            service Shop {
              rpc Buy(Order) returns (Order) {
                option (temporal.v1.workflow) = {
                  task_queue: "shop"
                  update: [{ ref: "AddItem" start: true validate: false workflow_id_conflict_policy: WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING }]
                };
              }
              rpc AddItem(Order) returns (Order) {
                option (temporal.v1.update) = { validate: true };
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
        let use = try #require(result.models.first?.workflows.first?.updates.first)
        #expect(use.handler.hasValidator == false)
        #expect(use.idConflictPolicy == .useExisting)
    }
}
