import Foundation
import Testing

@testable import TemporalContractsGenerator

/// The view models that build their template dictionaries by hand (for speed) give exactly the
/// keys `Mirror` would: a property added to one of them and forgotten in its `templateContext`
/// would otherwise render as empty in the templates without any error.
struct TemplateContextConvertibleTests {
    @Test func handWrittenContextsHaveTheKeysOfTheStoredProperties() throws {
        let files =
            [TestSupport.ordersContract, TestSupport.collisionsContract].map(\.path)
            + ["aliases", "interop", "naming"].map { TestSupport.fixtures.appendingPathComponent("valid/\($0).temporal.yaml").path }
        let (contracts, loadDiagnostics) = ContractLoader.load(files)
        #expect(!loadDiagnostics.hasErrors)
        let (models, diagnostics) = ContractResolver.resolve(contracts)
        #expect(!diagnostics.hasErrors)
        var translator = SwiftTranslator(options: GeneratorOptions(), generatorVersion: "test", models: models)
        var checked: Set<String> = []
        for model in models {
            for declaration in translator.types(for: model).declarations {
                check(declaration, &checked)
                if let structType = declaration.structType {
                    check(structType, &checked)
                    for property in structType.properties { check(property, &checked) }
                }
                if let enumType = declaration.enumType {
                    check(enumType, &checked)
                    for enumCase in enumType.cases { check(enumCase, &checked) }
                }
                if let alias = declaration.alias { check(alias, &checked) }
                if let arguments = declaration.arguments {
                    check(arguments, &checked)
                    for property in arguments.properties { check(property, &checked) }
                }
            }
            for group in translator.definitions(for: model).groups {
                check(group, &checked)
                for definition in group.definitions { check(definition, &checked) }
            }
        }
        // Every conforming view model was seen, so none escapes the check.
        #expect(
            checked == [
                "DeclarationViewModel", "StructViewModel", "PropertyViewModel", "EnumViewModel", "EnumCaseViewModel",
                "AliasViewModel", "ArgumentsViewModel", "DefinitionGroupViewModel", "DefinitionViewModel",
            ]
        )
    }

    /// The labels `TemplateContext` would read through `Mirror`: stored properties, `nil` ones left out.
    private func check(_ value: any TemplateContextConvertible, _ checked: inout Set<String>) {
        let reflected = Set(
            Mirror(reflecting: value).children.compactMap { child -> String? in
                if let optional = child.value as? any OptionalValue, optional.wrapped == nil { return nil }
                return child.label
            }
        )
        #expect(Set(value.templateContext.keys) == reflected, "\(type(of: value))")
        checked.insert("\(type(of: value))")
    }
}
