/// Workflow and update ID templates, whose fields must be required scalars of the input.
extension ContractResolver {
    /// Parses and checks an ID template: `{field}` placeholders (YAML contracts only) and `${! … }`
    /// expressions (both formats; for `.proto` contracts, as protoc-gen-go-temporal writes them).
    mutating func resolveIDTemplate(
        _ template: Located<String>,
        signature: HandlerSignature,
        owner: String,
        format: ContractFormat = .yaml
    )
        -> IDTemplate?
    {
        let segments: [IDTemplate.Segment]
        switch IDExpressionParser.parseTemplate(template.value, fieldPlaceholders: format == .yaml) {
        case .success(let parsed):
            segments = parsed
        case .failure(let failure):
            diagnostics.error(
                "the ID template of \(owner) cannot be read: \(failure.message) (at character \(failure.offset + 1) of '\(template.value)')",
                at: template.location,
                hint: failure.hint
            )
            return nil
        }
        var valid = true
        let paths = segments.flatMap { segment -> [(path: [String], isExpression: Bool)] in
            switch segment {
            case .literal: []
            case .field(let path): [(path, false)]
            case .expression(let expression, _): expression.fieldPaths.map { ($0, true) }
            }
        }
        for (path, isExpression) in paths {
            let protoCheck = isExpression ? checkProtoExpressionField(path, signature: signature) : nil
            if let problem = protoCheck ?? checkTemplateField(path, signature: signature, allowsOptionalLeaf: isExpression) {
                diagnostics.error(
                    "the ID template of \(owner) names '\(path.joined(separator: "."))', \(problem.message)",
                    at: template.location,
                    hint: problem.hint
                )
                valid = false
            }
        }
        return valid ? IDTemplate(source: template.value, segments: segments) : nil
    }

    /// Why a template field cannot be read from the input, or nil when it can.
    /// With `allowsOptionalLeaf` (fields of `${! … }` expressions, where an absent value is `null`
    /// for `.or(…)` to replace) the last field may be an optional string, integer or boolean.
    func checkTemplateField(
        _ path: [String],
        signature: HandlerSignature,
        allowsOptionalLeaf: Bool = false
    ) -> (message: String, hint: String)? {
        var type: TypeReference
        var remaining = path[...]
        switch signature.input {
        case .none:
            return ("but the input has no fields", "remove the placeholder, or give the workflow an input")
        case .single(let input):
            type = input
        case .parameters(let parameters):
            guard let parameter = parameters.first(where: { $0.name == remaining.first }) else {
                return (
                    "which is not a parameter",
                    "parameters: " + parameters.map(\.name).joined(separator: ", ")
                )
            }
            type = parameter.type
            remaining = remaining.dropFirst()
        }
        for field in remaining {
            let fields = self.fields(of: type)
            guard let property = fields.first(where: { $0.wireName == field }) else {
                let names = fields.map(\.wireName)
                return (
                    "but the input has no field '\(field)'",
                    names.isEmpty ? "its type has no fields" : "fields: " + names.joined(separator: ", ")
                )
            }
            let isOptionalLeaf =
                allowsOptionalLeaf && field == remaining.last && [.string, .integer, .int32, .int64, .boolean].contains(property.type)
            guard property.isRequired || isOptionalLeaf else {
                return ("which is optional", "an ID needs a value: make '\(field)' required or use another field")
            }
            type = property.type
        }
        switch type {
        case .string, .integer, .int32, .int64, .uuid, .boolean: return nil
        case .named(let name):
            if case .enumeration = namedKind(name) { return nil }
            return ("which is not a scalar", "name a string, integer, UUID or enum field")
        case .protoMessage:
            return ("which is not a scalar", "name a string or integer field of the message")
        default:
            return ("which is not a scalar", "name a string, integer, UUID or enum field")
        }
    }

    func namedKind(_ name: QualifiedTypeName) -> SchemaSyntax? {
        syntaxByName[name.contract]?.types.first { $0.name.value == name.name }?.schema.schema
    }

    /// The properties of a type as the syntax declares them (wire name, required, type).
    func fields(of type: TypeReference) -> [(wireName: String, isRequired: Bool, type: TypeReference)] {
        switch type {
        case .named(let name):
            guard let syntax = syntaxByName[name.contract],
                case .object(let properties)? = namedKind(name)
            else { return [] }
            var scratch = ContractResolver()
            scratch.syntaxByName = syntaxByName
            scratch.importsByName = importsByName
            scratch.visibleTypeNamesByContract = visibleTypeNamesByContract
            return properties.compactMap { property in
                guard let resolved = scratch.resolveSchema(property.type, in: syntax, contract: name.contract) else {
                    return nil
                }
                return (property.wireName.value, property.isRequired, resolved)
            }
        case .protoMessage(let fullName, _):
            for syntax in syntaxByName.values {
                if let properties = syntax.protoMessageFields[fullName] {
                    return properties.compactMap { property in
                        guard case .scalar(let type, let format) = property.type.schema else {
                            return (property.wireName.value, true, .protoMessage(fullName: "", swiftName: ""))
                        }
                        var scratch = ContractResolver()
                        guard let resolved = scratch.resolveScalar(type: type, format: format) else { return nil }
                        return (property.wireName.value, true, resolved)
                    }
                }
            }
            return []
        default:
            return []
        }
    }
}
