import Yams

/// `searchAttributes:` of the contract (name → type) and of workflows (name → input field),
/// and `memo:` of workflows (key → input field).
extension YAMLContractParser {
    mutating func searchAttributeDeclarations(_ node: Node) -> [SearchAttributeDeclarationSyntax] {
        reader.namedEntries(node, context: "'searchAttributes'").compactMap { name, value in
            reader.string(value, context: "the type of search attribute '\(name.value)'").map {
                SearchAttributeDeclarationSyntax(name: name, type: $0)
            }
        }
    }

    mutating func inputMappings(_ node: Node, context: String) -> [InputMappingSyntax] {
        reader.namedEntries(node, context: context).compactMap { name, value in
            reader.string(value, context: "the input field of '\(name.value)' in \(context)").map {
                InputMappingSyntax(name: name, field: $0)
            }
        }
    }
}
