import Foundation

/// protoc-gen-go-temporal's `search_attributes` (`Name = field` lines) and
/// `typed_search_attributes` (`keyword.Name = field` lines): the Bloblang mappings Go teams write,
/// read as one input field per attribute, with the Go tool's conversion methods `int64()`,
/// `float64()`, `bool()`, `string()` and `ts_parse("…")`, or else as a text-valued expression in
/// the Bloblang subset of ID expressions.
extension ProtoContractReader {
    /// The index types of `typed_search_attributes`, by the Go tool's prefix.
    static let typedSearchAttributePrefixes: [String: String] = [
        "keyword": "keyword", "string": "text", "int64": "int", "float64": "double", "bool": "bool", "time": "datetime",
        "keyword_list": "keywordList",
    ]

    mutating func readSearchAttributeMappings(
        _ options: Temporal_V1_WorkflowOptions,
        into workflow: inout WorkflowSyntax,
        at location: SourceLocation
    ) {
        workflow.searchAttributes += searchAttributeMappings(options.searchAttributes, typed: false, at: location)
        workflow.searchAttributes += searchAttributeMappings(options.typedSearchAttributes, typed: true, at: location)
    }

    private mutating func searchAttributeMappings(_ mapping: String, typed: Bool, at location: SourceLocation) -> [InputMappingSyntax] {
        let option = typed ? "typed_search_attributes" : "search_attributes"
        var mappings: [InputMappingSyntax] = []
        for line in mapping.split(whereSeparator: \.isNewline) {
            let statement = line.trimmingCharacters(in: .whitespaces)
            guard !statement.isEmpty, !statement.hasPrefix("#") else { continue }
            let sides = statement.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else {
                diagnostics.error(
                    "\(option) has '\(statement)', which is not an assignment",
                    at: location,
                    hint: typed ? "write `keyword.Name = field`, one per line" : "write `Name = field`, one per line"
                )
                continue
            }
            var name = sides[0]
            var type: Located<String>?
            if typed {
                let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
                guard parts.count == 2, let kind = Self.typedSearchAttributePrefixes[parts[0]] else {
                    diagnostics.error(
                        "typed_search_attributes has '\(name)', which does not start with a type",
                        at: location,
                        hint: "types: " + Self.typedSearchAttributePrefixes.keys.sorted().joined(separator: ", ")
                    )
                    continue
                }
                name = parts[1]
                type = Located(kind, at: location)
            }
            // Anything but a field is a Bloblang expression, which the resolver parses as it
            // parses ID expressions (and reports, located, when it is outside the subset).
            let field = Self.mappedField(sides[1]) ?? "${! \(sides[1]) }"
            mappings.append(InputMappingSyntax(name: Located(name, at: location), field: Located(field, at: location), type: type))
        }
        return mappings
    }

    /// The field path of a mapping's right side, its conversion method dropped (the generated
    /// code converts by the attribute's type); nil for anything else.
    static func mappedField(_ expression: String) -> String? {
        var text = expression
        if text.hasPrefix("this.") { text.removeFirst(5) }
        for method in ["int64()", "float64()", "bool()", "string()"] where text.hasSuffix("." + method) {
            text.removeLast(method.count + 1)
        }
        if let range = text.range(of: ".ts_parse("), text.hasSuffix(")") {
            text = String(text[..<range.lowerBound])
        }
        let isPath = text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            guard let first = part.first, first.isLetter || first == "_" else { return false }
            return part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        }
        return isPath ? text : nil
    }
}
