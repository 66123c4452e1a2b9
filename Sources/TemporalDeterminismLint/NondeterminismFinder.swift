import SwiftSyntax

/// Walks the body of one workflow type (or an extension of it) and reports every replay-unsafe
/// construct, by syntax alone: names are matched as written, not resolved by the type checker.
final class NondeterminismFinder: SyntaxVisitor {
    /// Type names whose every use in workflow code is replay-unsafe.
    static let forbiddenTypes: [String: DeterminismRule] = [
        "DispatchQueue": .dispatch, "DispatchGroup": .dispatch, "DispatchSemaphore": .dispatch,
        "DispatchTime": .dispatch, "DispatchWallTime": .dispatch, "DispatchWorkItem": .dispatch,
        "DispatchSource": .dispatch, "Thread": .thread, "FileManager": .fileSystem, "FileHandle": .fileSystem,
        "URLSession": .network, "ProcessInfo": .processEnvironment, "SystemRandomNumberGenerator": .random,
        "ContinuousClock": .systemClock, "SuspendingClock": .systemClock,
    ]
    /// Free functions of the C library and Foundation that read the machine.
    static let forbiddenFunctions: [String: DeterminismRule] = [
        "arc4random": .random, "arc4random_uniform": .random, "arc4random_buf": .random, "drand48": .random,
        "lrand48": .random, "random": .random, "rand": .random, "getenv": .processEnvironment,
        "clock_gettime": .systemClock, "gettimeofday": .systemClock, "mach_absolute_time": .systemClock,
        "CFAbsoluteTimeGetCurrent": .systemClock, "print": .consoleOutput, "debugPrint": .consoleOutput,
        "NSLog": .consoleOutput, "dump": .consoleOutput,
    ]
    /// Collection methods that draw from the system generator unless given `using:`.
    static let randomMethods: Set<String> = ["random", "randomElement", "shuffled", "shuffle"]

    private let declarations: WorkflowDeclarations
    private let report: (Syntax, DeterminismRule, String) -> Void
    private var typeNames: [String]
    private var sideEffectDepth = 0

    init(
        typeName: String,
        declarations: WorkflowDeclarations,
        report: @escaping (Syntax, DeterminismRule, String) -> Void
    ) {
        self.typeNames = [typeName]
        self.declarations = declarations
        self.report = report
        super.init(viewMode: .sourceAccurate)
    }

    override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visitPost(_ node: ClassDeclSyntax) { typeNames.removeLast() }
    override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visitPost(_ node: StructDeclSyntax) { typeNames.removeLast() }
    override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visitPost(_ node: EnumDeclSyntax) { typeNames.removeLast() }
    override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visitPost(_ node: ActorDeclSyntax) { typeNames.removeLast() }

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        let labels = node.arguments.map { $0.label?.text }
        let hasClosure = node.trailingClosure != nil || labels.contains("operation")
        if let reference = node.calledExpression.as(DeclReferenceExprSyntax.self) {
            let name = reference.baseName.text
            switch name {
            case "Date" where labels.isEmpty && !hasClosure: flag(node, .wallClock, "Date()")
            case "Date" where labels.first == "timeIntervalSinceNow": flag(node, .wallClock, "Date(timeIntervalSinceNow:)")
            case "UUID" where labels.isEmpty && !hasClosure: flag(node, .uuid, "UUID()")
            case "Task" where hasClosure: flag(node, .unstructuredTask, "Task { }")
            default:
                if let rule = Self.forbiddenFunctions[name] { flag(node, rule, labels.isEmpty ? "\(name)()" : "\(name)(...)") }
            }
        } else if let member = node.calledExpression.as(MemberAccessExprSyntax.self) {
            let name = member.declName.baseName.text
            if name == "sideEffect" { sideEffectDepth += 1 }
            if Self.randomMethods.contains(name), !labels.contains("using") {
                let base = member.base?.trimmedDescription ?? ""
                let arguments = labels.map { "\($0 ?? "_"):" }.joined()
                flag(member.declName, .random, "\(base.count <= 40 ? base : "").\(name)(\(arguments))")
            }
        }
        return .visitChildren
    }

    override func visitPost(_ node: FunctionCallExprSyntax) {
        if node.calledExpression.as(MemberAccessExprSyntax.self)?.declName.baseName.text == "sideEffect" { sideEffectDepth -= 1 }
    }

    override func visit(_ node: MemberAccessExprSyntax) -> SyntaxVisitorContinueKind {
        guard let base = node.base?.as(DeclReferenceExprSyntax.self) else { return .visitChildren }
        let baseName = base.baseName.text
        let name = node.declName.baseName.text
        switch (baseName, name) {
        case ("Date", "now"), ("Date", "timeIntervalSinceReferenceDate"): flag(node, .wallClock, "Date.\(name)")
        case ("Task", "sleep"): flag(node, .taskSleep, "Task.sleep")
        case ("Task", "detached"): flag(node, .detachedTask, "Task.detached")
        default:
            let owner = baseName == "Self" ? typeNames.last ?? baseName : baseName
            if declarations.staticVariables[owner]?.contains(name) == true {
                flag(node, .globalMutableState, "\(baseName).\(name)")
            }
        }
        return .visitChildren
    }

    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        // `x.name`: the member's name is not a reference of its own.
        if let member = node.parent?.as(MemberAccessExprSyntax.self), member.declName.id == node.id {
            return .skipChildren
        }
        let name = node.baseName.text
        if let rule = Self.forbiddenTypes[name] {
            flag(node, rule, Self.memberChain(from: node))
        } else if declarations.globalVariables.contains(name), !LexicalShadowing.isShadowed(name, at: node) {
            flag(node, .globalMutableState, name)
        } else if let type = typeNames.last, declarations.staticVariables[type]?.contains(name) == true {
            flag(node, .globalMutableState, name)
        }
        return .skipChildren
    }

    private func enter(_ name: String) -> SyntaxVisitorContinueKind {
        typeNames.append(name)
        return .visitChildren
    }

    private func flag(_ node: some SyntaxProtocol, _ rule: DeterminismRule, _ construct: String) {
        if sideEffectDepth > 0, rule.allowedInSideEffect { return }
        report(Syntax(node), rule, construct)
    }

    /// `ProcessInfo.processInfo.environment` for the `ProcessInfo` in it: the reference with the
    /// members accessed on it, which is what a reader recognises.
    private static func memberChain(from node: DeclReferenceExprSyntax) -> String {
        var expression = ExprSyntax(node)
        while let member = expression.parent?.as(MemberAccessExprSyntax.self), member.base?.id == expression.id {
            expression = ExprSyntax(member)
        }
        return expression.trimmedDescription
    }
}
