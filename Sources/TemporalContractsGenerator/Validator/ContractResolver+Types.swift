import Foundation

/// Payload types: declarations, schemas, scalars and `$ref`s to own and imported types.
extension ContractResolver {
    mutating func resolveType(
        _ declaration: TypeDeclarationSyntax,
        in syntax: ContractSyntax,
        contract: String
    )
        -> NamedType?
    {
        let node = declaration.schema
        let kind: NamedType.Kind
        switch node.schema {
        case .object(let properties):
            kind = .object(resolveProperties(properties, in: syntax, contract: contract, owner: declaration.name.value))
        case .enumeration(let enumeration):
            guard let resolved = resolveEnum(enumeration, location: node.location, owner: declaration.name.value) else {
                return nil
            }
            kind = resolved
        default:
            guard let type = resolveSchema(node, in: syntax, contract: contract) else { return nil }
            kind = .alias(type)
        }
        return NamedType(
            name: declaration.name.value,
            description: node.description,
            kind: kind,
            location: declaration.name.location
        )
    }

    mutating func resolveProperties(
        _ properties: [PropertySyntax],
        in syntax: ContractSyntax,
        contract: String,
        owner: String
    ) -> [Property] {
        properties.compactMap { property in
            if case .object = property.type.schema {
                diagnostics.error(
                    "property '\(property.wireName.value)' of '\(owner)' declares an inline object",
                    at: property.type.location,
                    hint: "declare the object under `types:` and write `$ref: TypeName` here"
                )
                return nil
            }
            if case .enumeration = property.type.schema {
                diagnostics.error(
                    "property '\(property.wireName.value)' of '\(owner)' declares an inline enum",
                    at: property.type.location,
                    hint: "declare the enum under `types:` and write `$ref: TypeName` here, so every language names it the same"
                )
                return nil
            }
            guard let type = resolveSchema(property.type, in: syntax, contract: contract) else { return nil }
            return Property(
                wireName: property.wireName.value,
                type: type,
                isRequired: property.isRequired,
                description: property.type.description,
                location: property.wireName.location
            )
        }
    }

    mutating func resolveEnum(_ enumeration: EnumSyntax, location: SourceLocation, owner: String) -> NamedType.Kind? {
        switch enumeration.cases {
        case .strings(let values):
            guard !values.isEmpty else {
                diagnostics.error("enum '\(owner)' has no values", at: location, hint: "list its values under 'enum'")
                return nil
            }
            var seen = Set<String>()
            for value in values where !seen.insert(value.value).inserted {
                diagnostics.error("enum '\(owner)' lists '\(value.value)' twice", at: value.location)
            }
            return .stringEnum(values.map(\.value))
        case .integers(let values, let names):
            guard !values.isEmpty else {
                diagnostics.error("enum '\(owner)' has no values", at: location, hint: "list its values under 'enum'")
                return nil
            }
            guard names.count == values.count else {
                diagnostics.error(
                    "integer enum '\(owner)' has \(values.count) values but \(names.count) names",
                    at: names.first?.location ?? location,
                    hint: "name each value in order with `x-enum-varnames: [red, green, ...]`"
                )
                return nil
            }
            var seen = Set<Int>()
            for value in values where !seen.insert(value.value).inserted {
                diagnostics.error("enum '\(owner)' lists \(value.value) twice", at: value.location)
            }
            return .integerEnum(zip(names, values).map { (name: $0.value, value: $1.value) })
        }
    }

    /// Resolves a schema used as a property, item or handler type.
    mutating func resolveSchema(_ node: SchemaNode, in syntax: ContractSyntax, contract: String) -> TypeReference? {
        switch node.schema {
        case .reference(let name):
            return resolveReference(name, in: syntax, contract: contract)
        case .scalar(let type, let format):
            return resolveScalar(type: type, format: format)
        case .array(let items):
            return resolveSchema(items, in: syntax, contract: contract).map(TypeReference.array)
        case .map(let values):
            return resolveSchema(values, in: syntax, contract: contract).map(TypeReference.map)
        case .object:
            diagnostics.error(
                "an inline object cannot be used here",
                at: node.location,
                hint: "declare the object under `types:` and refer to it by name"
            )
            return nil
        case .enumeration:
            diagnostics.error(
                "an inline enum cannot be used here",
                at: node.location,
                hint: "declare the enum under `types:` and refer to it by name"
            )
            return nil
        case .protoMessage(let fullName, let swiftName):
            return .protoMessage(fullName: fullName, swiftName: swiftName)
        case .protoEmpty:
            return nil
        }
    }

    mutating func resolveScalar(type: Located<String>, format: Located<String>?) -> TypeReference? {
        switch (type.value, format?.value) {
        case ("string", nil): return .string
        case ("string", "date-time"): return .dateTime
        case ("string", "uuid"): return .uuid
        case ("string", "byte"), ("string", "binary"): return .bytes
        case ("string", .some(let other)):
            diagnostics.warning(
                "string format '\(other)' has no Swift type of its own; the property is a String",
                at: format?.location ?? type.location,
                hint: "formats with a Swift type: date-time, uuid, byte"
            )
            return .string
        case ("integer", nil): return .integer
        case ("integer", "int32"): return .int32
        case ("integer", "int64"): return .int64
        case ("number", nil), ("number", "double"): return .double
        case ("number", "float"): return .float
        case ("boolean", nil): return .boolean
        case ("integer", .some(let other)), ("number", .some(let other)), ("boolean", .some(let other)):
            diagnostics.error(
                "format '\(other)' is not supported for type '\(type.value)'",
                at: format?.location ?? type.location,
                hint: type.value == "integer" ? "use int32 or int64" : type.value == "number" ? "use double or float" : "remove 'format'"
            )
            return nil
        case ("object", _), ("array", _):
            return nil
        default:
            diagnostics.error(
                "unknown type '\(type.value)'",
                at: type.location,
                hint: YAMLNodeReader.suggestion(
                    for: type.value,
                    among: ["string", "integer", "number", "boolean", "array", "object"]
                )
            )
            return nil
        }
    }

    /// Type names visible from a contract: its own, then those of its direct imports.
    func visibleTypeNames(from contract: String) -> VisibleTypeNames {
        if let cached = visibleTypeNamesByContract[contract] { return cached }
        return VisibleTypeNames(
            ([contract] + (importsByName[contract] ?? [])).flatMap { owner in
                (syntaxByName[owner]?.types ?? []).map { QualifiedTypeName(contract: owner, name: $0.name.value) }
            }
        )
    }

    mutating func resolveReference(
        _ name: Located<String>,
        in syntax: ContractSyntax,
        contract: String
    )
        -> TypeReference?
    {
        guard !name.value.isEmpty else { return nil }  // already reported where the schema was read
        let visible = visibleTypeNames(from: contract)
        let parts = name.value.split(separator: ".", maxSplits: 1).map(String.init)
        let matches: [QualifiedTypeName]
        if parts.count == 2, parts[0] == contract || importsByName[contract]?.contains(parts[0]) == true {
            matches = (visible.byName[parts[1]] ?? []).filter { $0.contract == parts[0] }
        } else {
            let named = visible.byName[name.value] ?? []
            let own = named.filter { $0.contract == contract }
            matches = own.isEmpty ? named : own
        }
        if matches.count > 1 {
            diagnostics.error(
                "type '\(name.value)' is declared by several imported contracts: "
                    + matches.map(\.contract).joined(separator: ", "),
                at: name.location,
                hint: "qualify it, e.g. `\(matches[0].contract).\(name.value)`"
            )
            return nil
        }
        guard let match = matches.first else {
            let hint: String
            if YAMLContractParser.builtinTypeNames[name.value] != nil {
                hint = "'$ref' names a declared type; for a built-in write `type: \(name.value)`"
            } else {
                let candidates = visible.all.map { $0.contract == contract ? $0.name : "\($0.contract).\($0.name)" }
                hint =
                    candidates.isEmpty
                    ? "declare it under `types:` or import the contract that does"
                    : YAMLNodeReader.suggestion(for: name.value, among: candidates)
                        .replacingOccurrences(of: "allowed keys: ", with: "known types: ")
            }
            diagnostics.error("unknown type '\(name.value)'", at: name.location, hint: hint)
            return nil
        }
        return .named(match)
    }
}
