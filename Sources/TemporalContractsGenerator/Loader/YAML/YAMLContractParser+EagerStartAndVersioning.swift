import Yams

/// A workflow's `enableEagerStart` and `versioningBehavior` keys.
extension YAMLContractParser {
    mutating func readEagerStartAndVersioning(
        _ fields: [String: (key: Located<String>, value: Node)],
        into workflow: inout WorkflowSyntax
    ) {
        workflow.enableEagerStart = fields["enableEagerStart"].flatMap {
            reader.boolean($0.value, context: "'enableEagerStart'")
        }
        workflow.versioningBehavior = fields["versioningBehavior"].flatMap {
            reader.string($0.value, context: "'versioningBehavior'")
        }
    }
}
