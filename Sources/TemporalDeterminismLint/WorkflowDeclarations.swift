import SwiftSyntax

/// What the first pass learns from all files before any workflow code is checked: which types are
/// workflows and which variables are global or static mutable state.
///
/// A type is workflow code when its declaration or an extension of it conforms to
/// `WorkflowImplementation`, to a protocol whose name ends in `Workflow` (the generator names every
/// workflow protocol `<Name>Workflow`, e.g. `Orders.ProcessOrderWorkflow`), to a protocol declared in
/// the files that refines one of those, or to a name passed as an extra workflow protocol.
struct WorkflowDeclarations {
    /// Simple names of the workflow types, and of the workflow protocols declared in the files
    /// (their extensions hold default implementations that run as workflow code).
    var workflowTypes: Set<String> = []
    /// Top-level stored `var`s.
    var globalVariables: Set<String> = []
    /// Stored `static var`s, by the simple name of the type that declares them.
    var staticVariables: [String: Set<String>] = [:]

    init(trees: [SourceFileSyntax], extraWorkflowProtocols: Set<String>) {
        let collector = DeclarationCollector(viewMode: .sourceAccurate)
        for tree in trees { collector.walk(tree) }
        globalVariables = collector.globalVariables
        staticVariables = collector.staticVariables
        // Protocols refining workflow protocols, to a fixed point: `protocol Audited: WorkflowImplementation`.
        var protocols = extraWorkflowProtocols.union(["WorkflowImplementation"])
        var changed = true
        while changed {
            changed = false
            for (name, inherited) in collector.protocols where !protocols.contains(name) {
                if inherited.contains(where: { Self.namesWorkflowProtocol($0, known: protocols) }) {
                    protocols.insert(name)
                    changed = true
                }
            }
        }
        workflowTypes = Set(collector.protocols.map(\.name).filter { protocols.contains($0) })
        for (name, inherited) in collector.conformances
        where inherited.contains(where: { Self.namesWorkflowProtocol($0, known: protocols) }) {
            workflowTypes.insert(name)
        }
    }

    /// Whether an inherited type's simple name is a workflow protocol.
    static func namesWorkflowProtocol(_ name: String, known: Set<String>) -> Bool {
        known.contains(name) || (name.hasSuffix("Workflow") && name != "Workflow")
    }

    /// The last component of a type as written, without generic arguments or attributes:
    /// `ProcessOrderWorkflow` for `Orders.ProcessOrderWorkflow`, `Box` for `Box<Int>`.
    static func simpleName(of type: some SyntaxProtocol) -> String {
        var text = type.trimmedDescription
        if let angle = text.firstIndex(of: "<") { text = String(text[..<angle]) }
        let words = text.split(separator: " ")
        let last = words.last.map(String.init) ?? text
        return last.split(separator: ".").last.map(String.init) ?? last
    }
}

/// Collects type conformances, protocol refinements and mutable variables of a file.
private final class DeclarationCollector: SyntaxVisitor {
    var conformances: [(name: String, inherited: [String])] = []
    var protocols: [(name: String, inherited: [String])] = []
    var globalVariables: Set<String> = []
    var staticVariables: [String: Set<String>] = [:]
    private var typeNames: [String] = []

    override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind {
        enterType(node.name.text, node.inheritanceClause)
    }
    override func visitPost(_ node: ClassDeclSyntax) { typeNames.removeLast() }
    override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind {
        enterType(node.name.text, node.inheritanceClause)
    }
    override func visitPost(_ node: StructDeclSyntax) { typeNames.removeLast() }
    override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind {
        enterType(node.name.text, node.inheritanceClause)
    }
    override func visitPost(_ node: ActorDeclSyntax) { typeNames.removeLast() }
    override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind {
        enterType(node.name.text, node.inheritanceClause)
    }
    override func visitPost(_ node: EnumDeclSyntax) { typeNames.removeLast() }
    override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind {
        enterType(WorkflowDeclarations.simpleName(of: node.extendedType), node.inheritanceClause)
    }
    override func visitPost(_ node: ExtensionDeclSyntax) { typeNames.removeLast() }

    override func visit(_ node: ProtocolDeclSyntax) -> SyntaxVisitorContinueKind {
        protocols.append((node.name.text, Self.inherited(node.inheritanceClause)))
        return .skipChildren
    }

    override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind {
        guard node.bindingSpecifier.tokenKind == .keyword(.var) else { return .skipChildren }
        let names = node.bindings.compactMap { binding -> String? in
            guard Self.isStored(binding) else { return nil }
            return binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text
        }
        if node.parent?.parent?.parent?.is(SourceFileSyntax.self) == true {
            globalVariables.formUnion(names)
        } else if let type = typeNames.last, node.modifiers.contains(where: { $0.name.tokenKind == .keyword(.static) }) {
            staticVariables[type, default: []].formUnion(names)
        }
        // Locals inside functions and closures are not shared.
        return .skipChildren
    }

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }

    private func enterType(_ name: String, _ clause: InheritanceClauseSyntax?) -> SyntaxVisitorContinueKind {
        typeNames.append(name)
        let inherited = Self.inherited(clause)
        if !inherited.isEmpty { conformances.append((name, inherited)) }
        return .visitChildren
    }

    private static func inherited(_ clause: InheritanceClauseSyntax?) -> [String] {
        clause?.inheritedTypes.map { WorkflowDeclarations.simpleName(of: $0.type) } ?? []
    }

    /// A binding without accessors, or with observers only, stores its value.
    private static func isStored(_ binding: PatternBindingSyntax) -> Bool {
        guard let accessors = binding.accessorBlock?.accessors else { return true }
        guard case .accessors(let list) = accessors else { return false }
        return list.allSatisfy { [.keyword(.willSet), .keyword(.didSet)].contains($0.accessorSpecifier.tokenKind) }
    }
}
