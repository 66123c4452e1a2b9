import SwiftSyntax

/// Whether a name is bound between a reference and the top of the file, so that the reference
/// does not mean a global of that name: parameters of enclosing functions and closures, locals
/// declared before it in enclosing blocks, `if`/`guard`/`while` bindings, `for` patterns and
/// instance properties of enclosing types. Syntax only, so a best effort.
enum LexicalShadowing {
    static func isShadowed(_ name: String, at reference: some SyntaxProtocol) -> Bool {
        var child = Syntax(reference)
        while let scope = child.parent {
            if binds(name, scope: scope, child: child) { return true }
            child = scope
        }
        return false
    }

    private static func binds(_ name: String, scope: Syntax, child: Syntax) -> Bool {
        if let function = scope.as(FunctionDeclSyntax.self) {
            return function.signature.parameterClause.parameters.contains { parameterBinds(name, $0.firstName, $0.secondName) }
        }
        if let initializer = scope.as(InitializerDeclSyntax.self) {
            return initializer.signature.parameterClause.parameters.contains { parameterBinds(name, $0.firstName, $0.secondName) }
        }
        if let signature = scope.as(ClosureExprSyntax.self)?.signature {
            return mentions(name, in: signature.parameterClause)
        }
        if let loop = scope.as(ForStmtSyntax.self) {
            return mentions(name, in: loop.pattern)
        }
        if let conditions = conditions(of: scope), child.id != conditions.id {
            return conditions.contains { mentions(name, in: $0.condition.as(OptionalBindingConditionSyntax.self)?.pattern) }
        }
        // The file's own items are the globals themselves.
        if let items = scope.as(CodeBlockItemListSyntax.self), !(items.parent?.is(SourceFileSyntax.self) ?? false) {
            for item in items {
                if item.id == child.id { break }
                if let variable = item.item.as(VariableDeclSyntax.self),
                    variable.bindings.contains(where: { mentions(name, in: $0.pattern) })
                {
                    return true
                }
                if let guardStatement = item.item.as(GuardStmtSyntax.self),
                    guardStatement.conditions.contains(where: {
                        mentions(name, in: $0.condition.as(OptionalBindingConditionSyntax.self)?.pattern)
                    })
                {
                    return true
                }
            }
            return false
        }
        if let members = scope.as(MemberBlockItemListSyntax.self) {
            return members.contains { member in
                guard let variable = member.decl.as(VariableDeclSyntax.self),
                    !variable.modifiers.contains(where: { $0.name.tokenKind == .keyword(.static) })
                else { return false }
                return variable.bindings.contains { mentions(name, in: $0.pattern) }
            }
        }
        return false
    }

    private static func conditions(of scope: Syntax) -> ConditionElementListSyntax? {
        scope.as(IfExprSyntax.self)?.conditions ?? scope.as(WhileStmtSyntax.self)?.conditions
    }

    private static func parameterBinds(_ name: String, _ firstName: TokenSyntax, _ secondName: TokenSyntax?) -> Bool {
        (secondName ?? firstName).text == name
    }

    private static func mentions(_ name: String, in node: (some SyntaxProtocol)?) -> Bool {
        node?.tokens(viewMode: .sourceAccurate).contains { $0.tokenKind == .identifier(name) } ?? false
    }
}
