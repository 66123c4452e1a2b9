import SwiftSyntax

/// Finds the workflow types and their extensions in a file and hands each body to a
/// ``NondeterminismFinder``.
final class WorkflowBodyScanner: SyntaxVisitor {
    private let declarations: WorkflowDeclarations
    private let report: (Syntax, DeterminismRule, String) -> Void

    init(declarations: WorkflowDeclarations, report: @escaping (Syntax, DeterminismRule, String) -> Void) {
        self.declarations = declarations
        self.report = report
        super.init(viewMode: .sourceAccurate)
    }

    override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind { scan(node.name.text, node.memberBlock) }
    override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind { scan(node.name.text, node.memberBlock) }
    override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind { scan(node.name.text, node.memberBlock) }
    override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind { scan(node.name.text, node.memberBlock) }
    override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind {
        scan(WorkflowDeclarations.simpleName(of: node.extendedType), node.memberBlock)
    }

    /// Checks a workflow type's members (nested types included); other types are searched for
    /// nested workflow types.
    private func scan(_ name: String, _ members: MemberBlockSyntax) -> SyntaxVisitorContinueKind {
        guard declarations.workflowTypes.contains(name) else { return .visitChildren }
        NondeterminismFinder(typeName: name, declarations: declarations, report: report).walk(members)
        return .skipChildren
    }
}
