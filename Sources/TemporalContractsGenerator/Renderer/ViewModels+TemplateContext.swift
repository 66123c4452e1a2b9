// The view models of the types and definitions files, thousands per large contract, give their
// template dictionaries directly: building them through `Mirror` took about a fifth of generating
// the 5,000-type benchmark contract. Keys are the property names, as `TemplateContext` would make
// them; a `nil` optional has no key.

/// A view model that builds its own template dictionary instead of being reflected on.
protocol TemplateContextConvertible {
    var templateContext: [String: Any] { get }
}

extension DeclarationViewModel: TemplateContextConvertible {
    var templateContext: [String: Any] {
        var context: [String: Any] = ["isFirst": isFirst]
        if let structType { context["structType"] = structType.templateContext }
        if let enumType { context["enumType"] = enumType.templateContext }
        if let alias { context["alias"] = alias.templateContext }
        if let arguments { context["arguments"] = arguments.templateContext }
        return context
    }
}

extension StructViewModel: TemplateContextConvertible {
    var templateContext: [String: Any] {
        [
            "doc": doc, "name": name, "indefiniteName": indefiniteName, "wireName": wireName, "access": access,
            "properties": properties.map(\.templateContext), "hasProperties": hasProperties,
            "initializer": initializer, "codingKeys": codingKeys, "encodeStatements": encodeStatements,
        ]
    }
}

extension PropertyViewModel: TemplateContextConvertible {
    var templateContext: [String: Any] {
        ["doc": doc, "wireName": wireName, "isOptional": isOptional, "declaration": declaration]
    }
}

extension EnumViewModel: TemplateContextConvertible {
    var templateContext: [String: Any] {
        [
            "doc": doc, "name": name, "wireName": wireName, "access": access, "rawType": rawType,
            "cases": cases.map(\.templateContext),
        ]
    }
}

extension EnumCaseViewModel: TemplateContextConvertible {
    var templateContext: [String: Any] { ["wireValue": wireValue, "declaration": declaration] }
}

extension AliasViewModel: TemplateContextConvertible {
    var templateContext: [String: Any] {
        ["doc": doc, "name": name, "wireName": wireName, "access": access, "declaration": declaration]
    }
}

extension ArgumentsViewModel: TemplateContextConvertible {
    var templateContext: [String: Any] {
        [
            "name": name, "owner": owner, "access": access, "properties": properties.map(\.templateContext),
            "initializer": initializer, "encodeStatements": encodeStatements, "decodeStatements": decodeStatements,
        ]
    }
}

extension DefinitionGroupViewModel: TemplateContextConvertible {
    var templateContext: [String: Any] {
        [
            "isFirst": isFirst, "name": name, "kindPlural": kindPlural, "access": access,
            "definitions": definitions.map(\.templateContext),
        ]
    }
}

extension DefinitionViewModel: TemplateContextConvertible {
    var templateContext: [String: Any] {
        [
            "isFirst": isFirst, "doc": doc, "wireName": wireName, "hasAliases": hasAliases, "kind": kind,
            "hasDefaults": hasDefaults, "declaration": declaration,
        ]
    }
}
