import Foundation

/// Search attributes the contract declares, and the workflow mappings of input fields to search
/// attributes and memo entries: each mapping must name a field of the input, and a search
/// attribute a declared one whose index type fits the field.
extension ContractResolver {
    mutating func resolveSearchAttributes(_ declarations: [SearchAttributeDeclarationSyntax]) -> [SearchAttributeModel] {
        declarations.compactMap { declaration in
            guard !declaration.name.value.isEmpty else {
                diagnostics.error("a search attribute has an empty name", at: declaration.name.location)
                return nil
            }
            guard let kind = SearchAttributeKindModel(rawValue: declaration.type.value) else {
                diagnostics.error(
                    "search attribute '\(declaration.name.value)' has the unknown type '\(declaration.type.value)'",
                    at: declaration.type.location,
                    hint: "types: " + SearchAttributeKindModel.allCases.map(\.rawValue).joined(separator: ", ")
                )
                return nil
            }
            return SearchAttributeModel(name: declaration.name.value, kind: kind, location: declaration.name.location)
        }
    }

    mutating func resolveSearchAttributeMappings(
        _ mappings: [InputMappingSyntax],
        signature: HandlerSignature,
        model: ContractModel,
        owner: String
    ) -> [InputMappingModel] {
        mappings.compactMap { mapping in
            if let expression = Self.expressionSource(of: mapping.field.value) {
                return resolveExpressionMapping(mapping, expression: expression, signature: signature, model: model, owner: owner)
            }
            guard let (path, field) = resolveMappedField(mapping, signature: signature, owner: owner, what: "search attribute") else {
                return nil
            }
            let declared = model.searchAttributes.first { $0.name == mapping.name.value }
            let stated = mapping.type.flatMap { SearchAttributeKindModel(rawValue: $0.value) }
            guard let kind = stated ?? declared?.kind ?? (model.format == .proto ? Self.inferredKind(of: field.type) : nil) else {
                diagnostics.error(
                    "\(owner) sets search attribute '\(mapping.name.value)', which the contract does not declare",
                    at: mapping.name.location,
                    hint: "declare it under the contract's top-level 'searchAttributes:' with its type, e.g. "
                        + "`\(mapping.name.value): keyword`"
                )
                return nil
            }
            if let declared, declared.kind != kind {
                diagnostics.error(
                    "\(owner) sets search attribute '\(mapping.name.value)' as \(kind.rawValue), but the contract declares it "
                        + declared.kind.rawValue,
                    at: mapping.type?.location ?? mapping.name.location,
                    hint: "use the declared type, or change the declaration"
                )
                return nil
            }
            guard Self.kind(kind, fits: field.type, isEnum: isStringEnum(field.type)) else {
                diagnostics.error(
                    "\(owner) sets search attribute '\(mapping.name.value)' (\(kind.rawValue)) from '\(mapping.field.value)', "
                        + "whose type does not fit it",
                    at: mapping.field.location,
                    hint: Self.fittingFields(for: kind)
                )
                return nil
            }
            var resolved = InputMappingModel(
                name: mapping.name.value,
                kind: kind,
                path: path,
                fieldType: field.type,
                isOptional: field.isOptional
            )
            resolved.isKindInferred = stated == nil && declared == nil
            return resolved
        }
    }

    mutating func resolveMemoMappings(
        _ mappings: [InputMappingSyntax],
        signature: HandlerSignature,
        owner: String
    ) -> [InputMappingModel] {
        mappings.compactMap { mapping in
            guard let (path, field) = resolveMappedField(mapping, signature: signature, owner: owner, what: "memo entry") else {
                return nil
            }
            return InputMappingModel(name: mapping.name.value, kind: nil, path: path, fieldType: field.type, isOptional: field.isOptional)
        }
    }

    /// The path of a mapping's field and the field's type; nil (with an error) when the input
    /// has no such field.
    private mutating func resolveMappedField(
        _ mapping: InputMappingSyntax,
        signature: HandlerSignature,
        owner: String,
        what: String
    ) -> ([String], (type: TypeReference, isOptional: Bool))? {
        let source = mapping.field.value.trimmingCharacters(in: .whitespaces)
        if Self.expressionSource(of: source) != nil {
            diagnostics.error(
                "\(owner) sets \(what) '\(mapping.name.value)' from an expression, which only keyword and text search attributes take",
                at: mapping.field.location,
                hint: "name an input field, e.g. `customer.id`; compute other values in the workflow and upsert them"
            )
            return nil
        }
        let path = source.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains(where: \.isEmpty) else {
            diagnostics.error(
                "\(owner) sets \(what) '\(mapping.name.value)' from '\(mapping.field.value)', which is not a field path",
                at: mapping.field.location,
                hint: "write field names separated by dots, e.g. `customer.id`"
            )
            return nil
        }
        switch mappedField(path, signature: signature) {
        case .success(let field):
            return (path, field)
        case .failure(let problem):
            diagnostics.error(
                "\(owner) sets \(what) '\(mapping.name.value)' from '\(mapping.field.value)', \(problem.message)",
                at: mapping.field.location,
                hint: problem.hint
            )
            return nil
        }
    }

    /// The text inside `${! … }`, when the mapping is one expression.
    static func expressionSource(of value: String) -> String? {
        let text = value.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("${!"), text.hasSuffix("}") else { return nil }
        return String(text.dropFirst(3).dropLast()).trimmingCharacters(in: .whitespaces)
    }

    /// A `${! … }` mapping, parsed by the ID expression parser: it computes text, so only a
    /// keyword or text attribute takes it, and every field it reads must exist.
    private mutating func resolveExpressionMapping(
        _ mapping: InputMappingSyntax,
        expression source: String,
        signature: HandlerSignature,
        model: ContractModel,
        owner: String
    ) -> InputMappingModel? {
        let expression: IDExpression
        switch IDExpressionParser.parseExpression(source) {
        case .success(let parsed): expression = parsed
        case .failure(let failure):
            diagnostics.error(
                "\(owner) sets search attribute '\(mapping.name.value)' from `${! \(source) }`, which has \(failure.message)",
                at: mapping.field.location,
                hint: failure.hint
            )
            return nil
        }
        let declared = model.searchAttributes.first { $0.name == mapping.name.value }
        let stated = mapping.type.flatMap { SearchAttributeKindModel(rawValue: $0.value) }
        let kind = stated ?? declared?.kind ?? (model.format == .proto ? .keyword : nil)
        guard let kind, kind == .keyword || kind == .text else {
            diagnostics.error(
                kind == nil
                    ? "\(owner) sets search attribute '\(mapping.name.value)', which the contract does not declare"
                    : "\(owner) sets search attribute '\(mapping.name.value)' (\(kind!.rawValue)) from an expression, which computes text",
                at: mapping.name.location,
                hint: kind == nil
                    ? "declare it under the contract's top-level 'searchAttributes:' with its type, e.g. `\(mapping.name.value): keyword`"
                    : "map a keyword or text attribute from an expression, or map this one from a field"
            )
            return nil
        }
        for path in expression.fieldPaths {
            if case .failure(let problem) = mappedField(path, signature: signature) {
                diagnostics.error(
                    "\(owner) sets search attribute '\(mapping.name.value)' from `${! \(source) }`, which reads '\(path.joined(separator: "."))', "
                        + problem.message,
                    at: mapping.field.location,
                    hint: problem.hint
                )
                return nil
            }
        }
        var resolved = InputMappingModel(name: mapping.name.value, kind: kind, path: [], fieldType: .string, isOptional: false)
        resolved.expression = (expression, source)
        resolved.isKindInferred = stated == nil && declared == nil
        return resolved
    }

    /// Why a mapped field cannot be read from the input.
    struct MappedFieldProblem: Error {
        var message: String
        var hint: String
    }

    /// The type a path reaches in the input, and whether a field on the way is optional.
    func mappedField(_ path: [String], signature: HandlerSignature) -> Result<(type: TypeReference, isOptional: Bool), MappedFieldProblem> {
        if case .single(.protoMessage(let fullName, _)) = signature.input { return protoMappedField(path, in: fullName) }
        var type: TypeReference
        var remaining = path[...]
        var isOptional = false
        switch signature.input {
        case .none:
            return .failure(
                MappedFieldProblem(message: "but the workflow has no input", hint: "give the workflow an input, or remove the mapping")
            )
        case .single(let input):
            type = input
        case .parameters(let parameters):
            guard let parameter = parameters.first(where: { $0.name == remaining.first }) else {
                return .failure(
                    MappedFieldProblem(
                        message: "which is not a parameter",
                        hint: "parameters: " + parameters.map(\.name).joined(separator: ", ")
                    )
                )
            }
            type = parameter.type
            remaining = remaining.dropFirst()
        }
        for field in remaining {
            let fields = self.fields(of: type)
            guard let property = fields.first(where: { $0.wireName == field }) else {
                let names = fields.map(\.wireName)
                return .failure(
                    MappedFieldProblem(
                        message: "but the input has no field '\(field)'",
                        hint: names.isEmpty ? "its type has no fields" : "fields: " + names.joined(separator: ", ")
                    )
                )
            }
            // Only the last field may be optional: the generated code reads one optional value.
            if isOptional {
                return .failure(
                    MappedFieldProblem(message: "which is inside an optional field", hint: "map a field reached through required fields")
                )
            }
            isOptional = !property.isRequired
            type = property.type
        }
        return .success((type, isOptional))
    }

    /// The type a path of JSON names reaches in a `.proto` input message: the shapes the reader
    /// recorded know doubles, repeated fields and timestamps, which ID templates never needed.
    func protoMappedField(_ path: [String], in fullName: String) -> Result<(type: TypeReference, isOptional: Bool), MappedFieldProblem> {
        let messages = syntaxByName.values.reduce(into: [String: ProtoMessageModel]()) { all, syntax in
            all.merge(syntax.protoMessages) { first, _ in first }
        }
        var message = messages[fullName]
        for (index, name) in path.enumerated() {
            let fields = message?.fields ?? []
            guard let field = fields.first(where: { $0.jsonName == name || $0.name == name }) else {
                return .failure(
                    MappedFieldProblem(
                        message: "but the input has no field '\(name)'",
                        hint: fields.isEmpty ? "its type has no fields" : "fields: " + fields.map(\.jsonName).joined(separator: ", ")
                    )
                )
            }
            if index < path.count - 1 {
                guard field.type == "message", !field.isRepeated, let typeName = field.typeName else {
                    return .failure(MappedFieldProblem(message: "but '\(name)' is not a message", hint: "map a field of the input message"))
                }
                message = messages[typeName]
                continue
            }
            let scalar: TypeReference? =
                switch field.type {
                case "string": .string
                case "int32", "sint32", "sfixed32", "uint32", "fixed32": .int32
                case "int64", "sint64", "sfixed64", "uint64", "fixed64": .int64
                case "double": .double
                case "float": .float
                case "bool": .boolean
                case "message" where field.typeName == "google.protobuf.Timestamp": .dateTime
                default: nil
                }
            guard let scalar else {
                return .failure(
                    MappedFieldProblem(
                        message: "which is a \(field.typeName ?? field.type)",
                        hint: "map a string, integer, double, bool or google.protobuf.Timestamp field, or a repeated string"
                    )
                )
            }
            // Repeated fields are the only proto3 fields that may be empty rather than unset.
            return .success((field.isRepeated ? .array(scalar) : scalar, false))
        }
        return .failure(MappedFieldProblem(message: "which is empty", hint: "name a field"))
    }

    func isStringEnum(_ type: TypeReference) -> Bool {
        guard case .named(let name) = type, case .enumeration(let enumeration)? = namedKind(name),
            case .strings = enumeration.cases
        else { return false }
        return true
    }

    /// Whether values of a field of `type` can be written to an attribute of `kind`.
    static func kind(_ kind: SearchAttributeKindModel, fits type: TypeReference, isEnum: Bool) -> Bool {
        switch (kind, type) {
        case (.keyword, .string), (.keyword, .uuid), (.text, .string): true
        case (.keyword, .named), (.text, .named): isEnum
        case (.int, .integer), (.int, .int32), (.int, .int64): true
        case (.double, .double), (.double, .float): true
        case (.bool, .boolean): true
        case (.datetime, .dateTime): true
        case (.keywordList, .array(.string)): true
        default: false
        }
    }

    /// The index type of a `.proto` field with no declaration, as protoc-gen-go-temporal infers it.
    static func inferredKind(of type: TypeReference) -> SearchAttributeKindModel? {
        switch type {
        case .string, .uuid: .keyword
        case .integer, .int32, .int64: .int
        case .double, .float: .double
        case .boolean: .bool
        case .dateTime: .datetime
        case .array(.string): .keywordList
        default: nil
        }
    }

    static func fittingFields(for kind: SearchAttributeKindModel) -> String {
        switch kind {
        case .keyword: "a keyword takes a string, UUID or string-enum field"
        case .text: "a text attribute takes a string or string-enum field"
        case .int: "an int attribute takes an integer field"
        case .double: "a double attribute takes a number field"
        case .bool: "a bool attribute takes a boolean field"
        case .datetime: "a datetime attribute takes a date-time field"
        case .keywordList: "a keyword list takes an array of strings"
        }
    }
}
