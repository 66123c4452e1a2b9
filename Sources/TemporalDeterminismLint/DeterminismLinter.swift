import SwiftParser
import SwiftSyntax

/// Finds the calls in workflow implementations that break replay, before the code runs.
///
/// The linter parses the files it is given, finds the types that implement workflows (see
/// ``init(extraWorkflowProtocols:)``), and reports each replay-unsafe construct inside them and
/// inside extensions of them: the machine's clock, random sources, unrecorded timers, threads and
/// unstructured tasks, file system, network, environment, console output and global mutable
/// state. Code outside workflow types (activities, helpers) is not checked. Values read inside
/// `context.sideEffect { }` are recorded in the history, so clock, random, environment and file
/// reads are allowed there.
///
/// ```swift
/// let diagnostics = try DeterminismLinter().lint(paths: ["Sources/OrderService/ProcessOrder.swift"])
/// for diagnostic in diagnostics { print(diagnostic.formatted()) }
/// ```
public struct DeterminismLinter: Sendable {
    /// Names of protocols that mark workflow types besides the built-in ones.
    public var extraWorkflowProtocols: Set<String>

    /// A linter. A type is workflow code when its declaration or an extension conforms to
    /// `WorkflowImplementation`, to a protocol whose name ends in `Workflow` (every generated
    /// workflow protocol, e.g. `Orders.ProcessOrderWorkflow`), to a protocol declared in the linted
    /// files that refines one of these, or to one of `extraWorkflowProtocols` (simple names).
    public init(extraWorkflowProtocols: Set<String> = []) {
        self.extraWorkflowProtocols = extraWorkflowProtocols
    }

    /// Lints the files at `paths` together: a workflow type declared in one file and extended in
    /// another is checked in both. Diagnostics are ordered by file, line and column.
    public func lint(paths: [String]) throws -> [DeterminismDiagnostic] {
        lint(try paths.map(LintedFile.init(contentsOf:)))
    }

    /// The simple names of the types the linter treats as workflow code in these files (and of
    /// the workflow protocols they declare), to see what a check covers.
    public func workflowTypes(in files: [LintedFile]) -> Set<String> {
        WorkflowDeclarations(trees: files.map { Parser.parse(source: $0.text) }, extraWorkflowProtocols: extraWorkflowProtocols)
            .workflowTypes
    }

    /// Lints the files together; diagnostics are ordered by file, line and column.
    public func lint(_ files: [LintedFile]) -> [DeterminismDiagnostic] {
        let trees = files.map { Parser.parse(source: $0.text) }
        let declarations = WorkflowDeclarations(trees: trees, extraWorkflowProtocols: extraWorkflowProtocols)
        var diagnostics: Set<DeterminismDiagnostic> = []
        for (file, tree) in zip(files, trees) {
            let converter = SourceLocationConverter(fileName: file.path, tree: tree)
            let allowances = AllowanceComments(tree: tree, converter: converter)
            for allowance in allowances.allowances where allowance.reason.isEmpty {
                diagnostics.insert(
                    DeterminismDiagnostic(
                        file: file.path,
                        line: allowance.line,
                        column: allowance.column,
                        rule: .allowanceWithoutReason,
                        construct: AllowanceComments.marker
                    )
                )
            }
            let scanner = WorkflowBodyScanner(declarations: declarations) { node, rule, construct in
                let location = converter.location(for: node.positionAfterSkippingLeadingTrivia)
                guard !allowances.allows(line: location.line) else { return }
                diagnostics.insert(
                    DeterminismDiagnostic(file: file.path, line: location.line, column: location.column, rule: rule, construct: construct)
                )
            }
            scanner.walk(tree)
        }
        return diagnostics.sorted { ($0.file, $0.line, $0.column, $0.rule.rawValue) < ($1.file, $1.line, $1.column, $1.rule.rawValue) }
    }
}
