import Foundation
import Testing

@testable import TemporalContractsGenerator

/// `aliases`, the former wire names of workflows, handlers and activities: read from YAML and
/// from protoc-gen-go-temporal's workflow options, carried into the model and the generated
/// definitions, and checked so that no two elements of a kind answer to one name.
struct AliasTests {
    static let header = "contract: 1\nname: Shop\ntaskQueue: shop\n"

    /// The errors of validating `text`.
    func errors(_ text: String) throws -> [Diagnostic] {
        try TestSupport.diagnostics(text).filter { $0.severity == .error }
    }

    /// The single error of `text`, asserting there is exactly one.
    func onlyError(_ text: String) throws -> Diagnostic {
        let errors = try errors(text)
        #expect(errors.count == 1, "\(errors.map(\.formatted))")
        return try #require(errors.first)
    }

    // MARK: YAML

    @Test func yamlAliasesAreReadWithTheirLocationsOnEveryKind() throws {
        let text =
            Self.header + """
                workflows:
                  Checkout:
                    aliases: [Purchase, buy-v1]
                activities:
                  Charge:
                    aliases: Bill
                    startToCloseTimeout: 10s
                signals:
                  Cancel: { aliases: [Abort] }
                queries:
                  Status: { aliases: [GetStatus], output: string }
                updates:
                  Rename: { aliases: [SetName], input: string }

                """
        let (syntax, diagnostics) = YAMLContractParser.parse(text, file: "shop.temporal.yaml")
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all.map(\.formatted))")
        let workflow = try #require(syntax.workflows.first)
        #expect(workflow.aliases.map(\.value) == ["Purchase", "buy-v1"])
        #expect(
            workflow.aliases.map(\.location) == [
                SourceLocation(file: "shop.temporal.yaml", line: 6, column: 15),
                SourceLocation(file: "shop.temporal.yaml", line: 6, column: 25),
            ]
        )
        // One string is a one-alias list, as for `imports`.
        #expect(syntax.activities.first?.aliases.map(\.value) == ["Bill"])
        #expect(syntax.signals.first?.aliases.map(\.value) == ["Abort"])
        #expect(syntax.queries.first?.aliases.map(\.value) == ["GetStatus"])
        #expect(syntax.updates.first?.aliases.map(\.value) == ["SetName"])
    }

    @Test func aliasesReachTheModelBesideTheWireName() throws {
        let result = try TestSupport.generate([
            "shop.temporal.yaml": Self.header
                + """
                workflows:
                  Checkout:
                    name: shop.Checkout
                    aliases: [Purchase]
                    signals: [Cancel]
                activities:
                  Charge: { aliases: [Bill], startToCloseTimeout: 10s }
                signals:
                  Cancel: { name: cancel, aliases: [Abort, abort-v1] }

                """
        ])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        let model = try #require(result.models.first)
        #expect(model.workflows.first?.wireName == "shop.Checkout")
        #expect(model.workflows.first?.aliases == ["Purchase"])
        #expect(model.activities.first?.aliases == ["Bill"])
        #expect(model.signals.first?.aliases == ["Abort", "abort-v1"])
        // The workflow's use of the signal carries the handler's aliases too.
        #expect(model.workflows.first?.signals.first?.handler.aliases == ["Abort", "abort-v1"])
    }

    @Test func aMisspeltAliasesKeyIsSuggested() throws {
        let error = try onlyError(Self.header + "workflows:\n  Checkout:\n    alias: [Purchase]\n")
        #expect(error.message == "unknown key 'alias' in workflow 'Checkout'")
        #expect(error.hint == "did you mean 'aliases'?")
    }

    @Test func aliasesMustBeStrings() throws {
        let error = try onlyError(Self.header + "workflows:\n  Checkout:\n    aliases: [{ old: Purchase }]\n")
        #expect(error.message == "an entry of 'aliases' of workflow 'Checkout' must be a string, found a mapping")
        #expect(error.location == SourceLocation(file: "test.temporal.yaml", line: 6, column: 15))
    }

    // MARK: Validation

    @Test func anEmptyAliasIsAnErrorAtTheAlias() throws {
        let error = try onlyError(Self.header + "workflows:\n  Checkout:\n    aliases: [Purchase, \"\"]\n")
        #expect(error.message == "an alias of workflow 'Checkout' is empty")
        #expect(error.hint == "remove the empty entry from 'aliases'")
        #expect(error.formatted.hasPrefix("test.temporal.yaml:6:25: error: "))
    }

    @Test func anAliasEqualToTheCurrentNameIsAnError() throws {
        let error = try onlyError(Self.header + "signals:\n  Cancel:\n    name: cancel\n    aliases: [Abort, cancel]\n")
        #expect(error.message == "alias 'cancel' of signal 'Cancel' is its current name")
        #expect(error.hint?.contains("an alias is a former name") == true)
        #expect(error.location == SourceLocation(file: "test.temporal.yaml", line: 7, column: 22))
    }

    @Test func aRepeatedAliasIsAnErrorAtTheSecondOne() throws {
        let error = try onlyError(
            Self.header + "activities:\n  Charge:\n    startToCloseTimeout: 10s\n    aliases: [Bill, Debit, Bill]\n"
        )
        #expect(error.message == "alias 'Bill' of activity 'Charge' is listed twice")
        #expect(error.hint == "it is also listed at test.temporal.yaml:7:15; remove one")
        #expect(error.location == SourceLocation(file: "test.temporal.yaml", line: 7, column: 28))
    }

    @Test func anAliasNamingAnotherWorkflowIsAnErrorAtTheAlias() throws {
        let error = try onlyError(Self.header + "workflows:\n  Checkout: {}\n  Purchase:\n    aliases: [Checkout]\n")
        #expect(
            error.message == "alias 'Checkout' of workflow 'Purchase' is already the name of workflow 'Checkout' at test.temporal.yaml:5:3"
        )
        #expect(error.hint == "workers serve each workflow under its name and every alias; remove the alias or rename the other workflow")
        #expect(error.location == SourceLocation(file: "test.temporal.yaml", line: 7, column: 15))
    }

    @Test func aNameTakenByAnEarlierAliasIsAnErrorAtTheLaterElement() throws {
        let error = try onlyError(
            Self.header + "queries:\n  Status: { aliases: [State], output: string }\n  State: { output: string }\n"
        )
        #expect(error.message == "query name 'State' is already an alias of query 'Status' at test.temporal.yaml:5:23")
        #expect(error.location == SourceLocation(file: "test.temporal.yaml", line: 6, column: 3))
    }

    @Test func twoElementsSharingAnAliasIsAnError() throws {
        let error = try onlyError(
            Self.header + "updates:\n  Rename: { aliases: [Change] }\n  Retitle:\n    aliases: [Change]\n"
        )
        #expect(error.message == "alias 'Change' of update 'Retitle' is already an alias of update 'Rename' at test.temporal.yaml:5:23")
        #expect(error.location == SourceLocation(file: "test.temporal.yaml", line: 7, column: 15))
    }

    @Test func workflowAliasesCountAcrossContracts() throws {
        let result = try TestSupport.generate([
            "a.temporal.yaml": "contract: 1\nname: A\ntaskQueue: a\nworkflows:\n  Checkout: {}\n",
            "b.temporal.yaml": "contract: 1\nname: B\ntaskQueue: b\nworkflows:\n  Purchase: { aliases: [Checkout] }\n",
        ])
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(
            errors.map(\.message) == [
                "alias 'Checkout' of workflow 'Purchase' is already the name of workflow 'Checkout' at a.temporal.yaml:5:3"
            ]
        )
        #expect(errors.first?.location == SourceLocation(file: "b.temporal.yaml", line: 5, column: 25))
    }

    @Test func kindsDoNotShareNames() throws {
        // A signal and a query may answer to the same name: they are delivered separately.
        let errors = try errors(
            Self.header + "signals:\n  Cancel: { aliases: [Stop] }\nqueries:\n  Stop: { output: string }\n"
                + "activities:\n  Cancel: { startToCloseTimeout: 1s }\nworkflows:\n  Abort: { aliases: [Cancel] }\n"
        )
        #expect(errors.isEmpty, "\(errors.map(\.formatted))")
    }

    @Test func aWorkflowAcceptingTwoHandlersThatAnswerToOneNameIsAnError() throws {
        let result = try TestSupport.generate([
            "common.temporal.yaml": "contract: 1\nname: Common\nsignals:\n  Halt: { aliases: [Stop] }\n",
            "shop.temporal.yaml": Self.header
                + "imports: [common.temporal.yaml]\nsignals:\n  Stop: {}\nworkflows:\n  Checkout:\n    signals: [Stop, Common.Halt]\n",
        ])
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["workflow 'Checkout' accepts two signals that answer to 'Stop'"], "\(errors.map(\.formatted))")
        #expect(errors.first?.location == SourceLocation(file: "shop.temporal.yaml", line: 9, column: 21))
    }

    // MARK: Generated code

    @Test func definitionsCarryTheAliasesAndClientsTheCurrentName() throws {
        let result = try TestSupport.generate([
            "shop.temporal.yaml": Self.header
                + "workflows:\n  Checkout:\n    aliases: [Purchase]\n    input: string\n    signals: [Cancel]\n"
                + "signals:\n  Cancel: { aliases: [Abort] }\n"
        ])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        let definitions = try #require(result.files.first { $0.name == "Shop+Definitions.swift" }).contents
        #expect(definitions.contains(#"name: "Checkout","# + "\n" + #"            aliases: ["Purchase"],"#))
        #expect(definitions.contains(#"name: "Cancel", aliases: ["Abort"], input: .void"#))
        #expect(definitions.contains("/// Workers also serve it under its former names, `aliases`; callers use the wire name."))
        // Clients send through the definitions, whose `name` is the current one; no former name
        // appears anywhere else in the generated code.
        for file in result.files where file.name != "Shop+Definitions.swift" {
            #expect(!file.contents.contains("Purchase") && !file.contents.contains("Abort"), "\(file.name)")
        }
    }
}
