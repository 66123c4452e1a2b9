import Foundation
import Testing

@testable import TemporalContractsGenerator

/// Every public generated declaration is documented: the contract's own description first, then
/// what the declaration is, in prose with the right articles.
struct DocCommentTests {
    /// Declarations of the goldens without a `///` line right above them.
    static func undocumented(_ text: String, name: String) -> [String] {
        var missing: [String] = []
        var inCodingKeys = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("enum CodingKeys") { inCodingKeys = true }
            if inCodingKeys {
                if trimmed == "}" { inCodingKeys = false }
                continue
            }
            let declares = ["public ", "func ", "case "].contains { trimmed.hasPrefix($0) }
            guard declares, index > 0 else { continue }
            if !lines[index - 1].trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                missing.append("\(name):\(index + 1): \(trimmed)")
            }
        }
        return missing
    }

    @Test func everyPublicDeclarationOfTheGoldensIsDocumented() throws {
        var missing: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: TestSupport.goldens.path).sorted() {
            let text = try String(contentsOf: TestSupport.goldens.appendingPathComponent(file), encoding: .utf8)
            missing += Self.undocumented(text, name: file)
        }
        #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
    }

    @Test func theContractsDescriptionComesFirst() throws {
        let text = try String(contentsOf: TestSupport.goldens.appendingPathComponent("Orders+Types.swift"), encoding: .utf8)
        #expect(
            text.contains(
                """
                    /// An order as the shop's checkout submits it.
                    ///
                    /// The `Order` type of the `Orders` contract.
                    public struct Order:
                """
            )
        )
    }

    @Test(arguments: [
        ("Order", "an `Order`"), ("LineItem", "a `LineItem`"), ("HTTPRequest", "an `HTTPRequest`"), ("URLList", "a `URLList`"),
        ("SKU", "an `SKU`"), ("unit", "a `unit`"), ("upgrade", "an `upgrade`"), ("_3ds", "a `_3ds`"), ("Euro", "a `Euro`"),
    ])
    func articles(_ name: String, _ expected: String) {
        #expect(Prose.indefinite(name) == expected)
    }
}
