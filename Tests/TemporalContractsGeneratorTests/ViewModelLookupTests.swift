import Foundation
import Mustache
import Testing

@testable import TemporalContractsGenerator

/// The view models answer template lookups through hand-written switches (for speed); every
/// stored property must be reachable, or a template would silently render it empty.
struct ViewModelLookupTests {
    func checkAllPropertiesReachable(_ value: some MustacheParent) {
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let isOptionalNil = (child.value as Any?).map { "\($0)" } == "nil"
            #expect(value.child(named: label) != nil || isOptionalNil, "\(type(of: value)).\(label) is not in child(named:)")
        }
        #expect(value.child(named: "noSuchKey") == nil)
    }

    @Test func everyViewModelOfTheFixturesExposesEveryProperty() throws {
        let path = TestSupport.ordersContract.path
        let (contracts, _) = ContractLoader.load([path])
        let (models, _) = ContractResolver.resolve(contracts)
        var translator = SwiftTranslator(options: GeneratorOptions(), generatorVersion: "test", models: models)
        let orders = try #require(models.first { $0.name == "Orders" })
        let types = translator.types(for: orders)
        checkAllPropertiesReachable(types)
        checkAllPropertiesReachable(types.file)
        for declaration in types.declarations {
            checkAllPropertiesReachable(declaration)
            if let value = declaration.structType {
                checkAllPropertiesReachable(value)
                value.properties.forEach(checkAllPropertiesReachable)
            }
            if let value = declaration.enumType {
                checkAllPropertiesReachable(value)
                value.cases.forEach(checkAllPropertiesReachable)
            }
            if let value = declaration.alias { checkAllPropertiesReachable(value) }
            if let value = declaration.arguments {
                checkAllPropertiesReachable(value)
                value.parameters.forEach(checkAllPropertiesReachable)
            }
        }
        let definitions = translator.definitions(for: orders)
        checkAllPropertiesReachable(definitions)
        for group in definitions.groups {
            checkAllPropertiesReachable(group)
            for definition in group.definitions {
                checkAllPropertiesReachable(definition)
                definition.arguments.forEach(checkAllPropertiesReachable)
            }
        }
    }
}
