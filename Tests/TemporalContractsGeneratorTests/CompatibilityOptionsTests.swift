import Foundation
import Testing

@testable import TemporalContractsGenerator

/// The breaking-change rules of search attributes, memo, versioning and child options on models
/// (the `options` case of ``CompatibilityTests`` shows each rule firing): what must not fire.
struct CompatibilityOptionsTests {
    static let options = CompatibilityTests.evolution.appendingPathComponent("options")
    static let newRules: Set<CompatibilityRule> = [
        .searchAttributeTypeChanged, .searchAttributeRemoved, .searchAttributeMappingRemoved, .searchAttributeMappingChanged,
        .memoMappingRemoved, .memoMappingChanged, .versioningBehaviorChanged, .parentClosePolicyChanged,
    ]

    static func models(_ file: String) throws -> [ContractModel] {
        try ExportTests.yamlModels([options.appendingPathComponent(file)])
    }

    @Test func anUnchangedContractHasNoFindings() throws {
        for file in ["old.temporal.yaml", "new.temporal.yaml"] {
            let models = try Self.models(file)
            #expect(CompatibilityChecker.check(old: models, new: models).findings.isEmpty)
        }
    }

    @Test func reorderedMappingsAndDeclarationsAreNotChanges() throws {
        let old = try Self.models("new.temporal.yaml")
        var new = old
        new[0].searchAttributes.reverse()
        new[0].workflows[0].searchAttributeMappings.reverse()
        new[0].workflows[0].memoMappings.reverse()
        #expect(CompatibilityChecker.check(old: old, new: new).findings.isEmpty)
    }

    /// Search attributes are registered per namespace, so one moving to another contract is no removal.
    @Test func aDeclarationMovedToAnotherContractIsNotRemoved() throws {
        let old = try Self.models("new.temporal.yaml")
        var new = old
        var other = ContractModel(file: "other.temporal.yaml", format: .yaml, name: "Other")
        other.searchAttributes = new[0].searchAttributes
        new[0].searchAttributes = []
        new.append(other)
        let rules = CompatibilityChecker.check(old: old, new: new).findings.map(\.rule)
        #expect(Set(rules).isDisjoint(with: Self.newRules), "\(rules)")
    }

    /// `.proto` contracts declare no attributes: their types come from typed mappings and fields.
    @Test func aProtoMappingRetypedIsATypeChange() throws {
        let old = try ProtoSearchAttributeTests().run(ProtoSearchAttributeTests.contract).models
        let retyped = ProtoSearchAttributeTests.contract.replacingOccurrences(of: "'string.Notes = notes", with: "'keyword.Notes = notes")
        #expect(retyped != ProtoSearchAttributeTests.contract)
        let new = try ProtoSearchAttributeTests().run(retyped).models
        #expect(CompatibilityChecker.check(old: old, new: old).findings.isEmpty)
        let findings = CompatibilityChecker.check(old: old, new: new).findings
        #expect(findings.map(\.rule) == [.searchAttributeTypeChanged])
        #expect(findings.first?.element == "searchAttributes.Notes")
        #expect(findings.first?.severity == .error)
        #expect(findings.first.map { ($0.oldValue, $0.newValue) } ?? (nil, nil) == ("text", "keyword"))
    }

    @Test func droppingAnOptionIsAWarning() throws {
        let old = try Self.models("new.temporal.yaml")
        var new = old
        new[0].workflows[0].versioningBehavior = nil
        new[0].workflows[0].parentClosePolicy = nil
        let findings = CompatibilityChecker.check(old: old, new: new).findings
        #expect(findings.map(\.rule) == [.parentClosePolicyChanged, .versioningBehaviorChanged])
        #expect(findings.allSatisfy { $0.severity == .warning && $0.newValue == "unset" })
    }
}
