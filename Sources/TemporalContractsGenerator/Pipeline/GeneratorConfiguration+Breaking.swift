import Foundation
import Yams

extension GeneratorConfiguration {
    /// Reads the `breaking:` section: changes a team accepts knowingly.
    ///
    /// ```yaml
    /// breaking:
    ///   ignore:
    ///     - rule: FIELD_REMOVED
    ///       element: Orders.Order.note
    ///       reason: no client has read `note` since 1.3
    /// ```
    static func parseBreaking(_ node: Node, reader: inout YAMLNodeReader) -> [CompatibilityChecker.Ignore] {
        guard let pairs = reader.mapping(node, context: "'breaking'", allowedKeys: ["ignore"]) else { return [] }
        var ignores: [CompatibilityChecker.Ignore] = []
        for (_, value) in pairs {
            for entry in reader.sequence(value, context: "'breaking.ignore'") ?? [] {
                let entryLocation = reader.location(of: entry)
                guard let fields = reader.mapping(entry, context: "an ignore entry", allowedKeys: ["rule", "element", "reason"])
                else { continue }
                var rule: CompatibilityRule?
                var element: String?
                var reason: String?
                for (key, field) in fields {
                    guard let text = reader.string(field, context: "'\(key.value)'") else { continue }
                    switch key.value {
                    case "rule":
                        rule = CompatibilityRule(rawValue: text.value)
                        if rule == nil {
                            reader.diagnostics.error(
                                "unknown rule '\(text.value)'",
                                at: text.location,
                                hint: YAMLNodeReader.suggestion(for: text.value, among: CompatibilityRule.allCases.map(\.rawValue))
                            )
                        }
                    case "element": element = text.value
                    default: reason = text.value.trimmingCharacters(in: .whitespaces).isEmpty ? nil : text.value
                    }
                }
                for (name, value) in [("rule", rule?.rawValue), ("element", element), ("reason", reason)] where value == nil {
                    if name == "rule", fields.contains(where: { $0.key.value == "rule" }) { continue }
                    reader.diagnostics.error(
                        "the ignore entry has no '\(name)'",
                        at: entryLocation,
                        hint: name == "reason"
                            ? "say why the change is safe for this team, so the next reader knows"
                            : "name the rule ID and the element exactly as the breaking report prints them"
                    )
                }
                if let rule, let element, let reason {
                    ignores.append(CompatibilityChecker.Ignore(rule: rule, element: element, reason: reason, location: entryLocation))
                }
            }
        }
        return ignores
    }
}
