import Foundation
import Testing

@testable import TemporalContractsGenerator

/// The collisions fixture (`Fixtures/valid/collisions.temporal.yaml`, compiled by GeneratedCodeTests)
/// names types like everything generated code could mistake them for. These tests derive those
/// names from the runtime's sources and from generated code, so a new public runtime type or a new
/// generated declaration fails here until the fixture names it too.
struct CollisionFixtureTests {
    /// The fixture's type names, as the contract writes them.
    static func fixtureTypeNames() throws -> Set<String> {
        let (contracts, _) = ContractLoader.load([TestSupport.collisionsContract.path])
        let (models, diagnostics) = ContractResolver.resolve(contracts)
        #expect(!diagnostics.hasErrors, "\(diagnostics.errors.map(\.formatted))")
        let model = try #require(models.first { $0.name == "Collisions" })
        return Set(model.types.map(\.name))
    }

    /// Every `public struct/enum/class/protocol/actor/typealias` name in `Sources/TemporalContracts`,
    /// nested ones included.
    static func runtimePublicTypeNames() throws -> Set<String> {
        let root = TestSupport.packageRoot.appendingPathComponent("Sources/TemporalContracts")
        let declaration =
            #/(?m)^[ \t]*(?:@\w+[ \t]+)*public[ \t]+(?:(?:final|indirect)[ \t]+)*(?:struct|enum|class|protocol|actor|typealias)[ \t]+([A-Za-z_][A-Za-z0-9_]*)/#
        var names = Set<String>()
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: declaration) { names.insert(String(match.1)) }
        }
        return names
    }

    /// The types generated code declares in a namespace whatever the contract (not a contract type,
    /// not a name derived from a workflow or handler), read from the Orders contract's output.
    static func fixedGeneratedTypeNames() throws -> Set<String> {
        let result = try GeneratorPipeline().run(GeneratorPipeline.Inputs(yamlFiles: [TestSupport.ordersContract.path]))
        let orders = try #require(result.models.first { $0.name == "Orders" })
        let declaration = #/(?m)^    (?:public )?(?:final )?(?:struct|enum|class|protocol|typealias) ([A-Za-z_][A-Za-z0-9_]*)/#
        var names = Set<String>()
        for file in result.files where file.name.hasPrefix("Orders+") {
            for match in file.contents.matches(of: declaration) { names.insert(String(match.1)) }
        }
        let derived = names.filter { $0.hasSuffix("Handle") || $0.hasSuffix("Workflow") || $0.hasSuffix("Arguments") }
        return names.subtracting(orders.types.map { SwiftNaming.typeName($0.name) }).subtracting(derived)
    }

    @Test func theFixtureNamesEveryPublicTypeOfTheRuntime() throws {
        let runtime = try Self.runtimePublicTypeNames()
        #expect(runtime.count > 50, "the scan of Sources/TemporalContracts found too little: \(runtime.sorted())")
        let missing = runtime.subtracting(try Self.fixtureTypeNames())
        #expect(
            missing.isEmpty,
            "add these public runtime types to \(TestSupport.collisionsContract.lastPathComponent) and run Scripts/update-goldens.sh: \(missing.sorted())"
        )
    }

    @Test func theFixtureNamesEveryTypeGeneratedCodeDeclaresAndTheGeneratorReservesThem() throws {
        let generated = try Self.fixedGeneratedTypeNames()
        #expect(generated.contains("Client") && generated.contains("Workflows") && generated.contains("MockActivities"))
        #expect(generated.subtracting(SwiftNaming.generatedTypeNames).isEmpty, "not reserved: \(generated.sorted())")
        let missing = generated.union(["CodingKeys"]).subtracting(try Self.fixtureTypeNames())
        #expect(missing.isEmpty, "add to the collisions fixture: \(missing.sorted())")
    }

    @Test func theFixtureNamesEveryModuleGeneratedCodeQualifiesWith() throws {
        var modules = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: TestSupport.goldens.path) {
            let text = try String(contentsOf: TestSupport.goldens.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: #/(?m)^import (\w+)/#) { modules.insert(String(match.1)) }
        }
        modules.insert("Swift")
        #expect(modules.subtracting(SwiftNaming.moduleNames).isEmpty, "not reserved: \(modules.sorted())")
        let missing = SwiftNaming.moduleNames.subtracting(try Self.fixtureTypeNames())
        #expect(missing.isEmpty, "add to the collisions fixture: \(missing.sorted())")
    }

    @Test func typesThatWouldHideWhatGeneratedCodeNamesAreRenamedAndNoOthers() throws {
        let result = try GeneratorPipeline().run(GeneratorPipeline.Inputs(yamlFiles: [TestSupport.collisionsContract.path]))
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        let types = try #require(result.files.first { $0.name == "Collisions+Types.swift" }).contents
        for renamed in ["Client_", "Workflows_", "CodingKeys_", "Swift_", "TemporalContracts_", "Common_", "Type_", "Self_", "Any_"] {
            #expect(types.contains("public typealias \(renamed) =") || types.contains("public struct \(renamed):"), "\(renamed)")
        }
        for kept in ["Payload", "RetryPolicy", "Result", "Error", "String", "Optional", "Data", "Sendable", "WorkflowStartOptions"] {
            #expect(types.contains(" \(kept) =") || types.contains(" \(kept):"), "\(kept)")
        }
    }
}
