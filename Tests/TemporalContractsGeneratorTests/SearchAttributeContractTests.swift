import Foundation
import Testing

@testable import TemporalContractsGenerator

/// The contract's `searchAttributes` declarations and the workflow mappings of input fields to
/// search attributes and memo entries: what the validator accepts, the located errors it gives,
/// and the Swift it generates.
struct SearchAttributeContractTests {
    static let header = """
        contract: 1
        name: Shop
        taskQueue: shop
        searchAttributes:
          CustomerId: keyword
          Total: double
        types:
          Order:
            type: object
            required: [customer_id, total, count]
            properties:
              customer_id: { type: string }
              total: { type: number }
              count: { type: integer }
              note: { type: string }
        workflows:
          Buy:
            input: Order

        """

    func errors(_ workflowLines: String, header: String = header) throws -> [Diagnostic] {
        try TestSupport.diagnostics(header + workflowLines).filter { $0.severity == .error }
    }

    @Test func validMappingsResolveIntoTheModel() throws {
        let text = Self.header + "    searchAttributes: { CustomerId: customer_id, Total: total }\n    memo: { note: note }\n"
        let (inputs, loadDiagnostics) = ContractLoader.load(["shop.temporal.yaml"]) { _ in text }
        let (models, diagnostics) = ContractResolver.resolve(inputs)
        #expect(!loadDiagnostics.hasErrors && !diagnostics.hasErrors, "\(diagnostics.all.map(\.formatted))")
        let model = try #require(models.first)
        #expect(model.searchAttributes.map(\.name) == ["CustomerId", "Total"])
        #expect(model.searchAttributes.map(\.kind) == [.keyword, .double])
        let workflow = try #require(model.workflows.first)
        #expect(workflow.searchAttributeMappings.map(\.path) == [["customer_id"], ["total"]])
        #expect(workflow.memoMappings.map(\.name) == ["note"])
        #expect(workflow.memoMappings.first?.isOptional == true)
    }

    @Test func anUnknownAttributeTypeIsLocatedWithTheTypes() throws {
        let errors = try errors("", header: Self.header.replacingOccurrences(of: "Total: double", with: "Total: money"))
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.message == "search attribute 'Total' has the unknown type 'money'")
        #expect(error.location.line == 6)
        #expect(error.hint == "types: keyword, text, int, double, bool, datetime, keywordList")
    }

    @Test func anUndeclaredAttributeIsLocatedWithTheDeclarationToWrite() throws {
        let errors = try errors("    searchAttributes:\n      Region: customer_id\n")
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.message == "workflow 'Buy' sets search attribute 'Region', which the contract does not declare")
        #expect(error.location.line == 20)
        #expect(error.location.column == 7)
        #expect(error.hint?.contains("`Region: keyword`") == true)
    }

    @Test func aMissingFieldIsLocatedWithTheFieldsThereAre() throws {
        let errors = try errors("    searchAttributes:\n      CustomerId: customer\n")
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.message == "workflow 'Buy' sets search attribute 'CustomerId' from 'customer', but the input has no field 'customer'")
        #expect(error.location.line == 20)
        #expect(error.location.column == 19)
        #expect(error.hint == "fields: customer_id, total, count, note")
    }

    @Test func aFieldOfAnotherTypeIsLocatedWithWhatFits() throws {
        let errors = try errors("    searchAttributes:\n      Total: customer_id\n")
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.message == "workflow 'Buy' sets search attribute 'Total' (double) from 'customer_id', whose type does not fit it")
        #expect(error.hint == "a double attribute takes a number field")
    }

    @Test func aMemoEntryMustNameAField() throws {
        let errors = try errors("    memo:\n      n: notes\n")
        #expect(errors.map(\.message) == ["workflow 'Buy' sets memo entry 'n' from 'notes', but the input has no field 'notes'"])
    }

    @Test func anExpressionSetsAKeywordAndIsRefusedForOtherTypes() throws {
        let text = Self.header + "    searchAttributes:\n      CustomerId: '${! note.or(\"anonymous\").slug() }'\n"
        let result = try TestSupport.generate(["shop.temporal.yaml": text])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        let definitions = try #require(result.files.first { $0.name == "Shop+Definitions.swift" }).contents
        #expect(definitions.contains("makeSearchAttributes: { input, ids in"))
        #expect(definitions.contains("try TemporalContracts.IDExpressionValue(input.note).or(.string(\"anonymous\")).slug()"))

        let refused = try errors("    searchAttributes:\n      Total: '${! note.slug() }'\n")
        #expect(refused.map(\.message) == ["workflow 'Buy' sets search attribute 'Total' (double) from an expression, which computes text"])
        let unknown = try errors("    searchAttributes:\n      CustomerId: '${! missing.slug() }'\n")
        #expect(unknown.first?.message.hasSuffix("which reads 'missing', but the input has no field 'missing'") == true)
        let outside = try errors("    searchAttributes:\n      CustomerId: '${! note.map_each(x -> x) }'\n")
        #expect(outside.count == 1)
        #expect(outside.first?.location.line == 20)
    }

    @Test func generatedCodeHasTypedKeysAndTheStartMappings() throws {
        let text = Self.header + "    searchAttributes: { CustomerId: customer_id, Total: total }\n    memo: { note: note }\n"
        let result = try TestSupport.generate(["shop.temporal.yaml": text])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        let definitions = try #require(result.files.first { $0.name == "Shop+Definitions.swift" }).contents
        #expect(
            definitions.contains(
                "public static let customerID = TemporalContracts.SearchAttributeKey<Swift.String>.keyword(\"CustomerId\")"
            )
        )
        #expect(definitions.contains("public static let total = TemporalContracts.SearchAttributeKey<Swift.Double>.double(\"Total\")"))
        #expect(definitions.contains("attributes[SearchAttributes.customerID] = input.customerID"))
        #expect(definitions.contains("memo[\"note\"] = input.note"))
    }
}
