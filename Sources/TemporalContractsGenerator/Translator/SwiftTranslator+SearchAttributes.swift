/// The typed search attribute keys of a contract, and the closures of a workflow definition that
/// copy input fields into search attributes and memo entries at start.
extension SwiftTranslator {
    /// `enum SearchAttributes` with one typed key per declared (or, for `.proto`, mapped) attribute.
    mutating func searchAttributeKeys(for model: ContractModel) -> SearchAttributeKeysViewModel? {
        let attributes = Self.keyedSearchAttributes(of: model)
        guard !attributes.isEmpty else { return nil }
        // `declared` is the table of them all.
        checkCollisions(
            [("declared", "declared", model.nameLocation)] + attributes.map { (SwiftNaming.memberName($0.name), $0.name, $0.location) },
            what: "search attributes"
        )
        let keys = attributes.enumerated().map { index, attribute in
            let type = QualifiedNames.runtime("SearchAttributeKey") + "<\(Self.valueType(of: attribute.kind))>"
            let constant = SwiftProperty(
                "\(access)static let",
                SwiftNaming.memberName(attribute.name),
                value: .text("\(type).\(attribute.kind.rawValue)(\(SwiftNaming.stringLiteral(attribute.name)))")
            )
            return SearchAttributeKeyViewModel(
                isFirst: index == 0,
                name: attribute.name,
                kind: attribute.kind.rawValue,
                declaration: constant.code(indentation: 8)
            )
        }
        return SearchAttributeKeysViewModel(access: access, keys: keys, declared: declaredTable(attributes))
    }

    /// `static let declared: [String: SearchAttributeKind] = [...]`, one entry a line when the
    /// table does not fit on one.
    func declaredTable(_ attributes: [SearchAttributeModel]) -> String {
        let head = "\(access)static let declared: [\(QualifiedNames.string): \(QualifiedNames.runtime("SearchAttributeKind"))] = "
        let entries = attributes.map { "\(SwiftNaming.stringLiteral($0.name)): .\($0.kind.rawValue)" }
        let flat = head + "[" + entries.joined(separator: ", ") + "]"
        if 8 + flat.count <= SwiftCode.lineLimit { return flat }
        return SwiftCode.joined([head + "["] + entries.map { "    \($0)," } + ["]"], indentation: 8)
    }

    /// The declared attributes, then those only `.proto` mappings name, in order, each once: a
    /// typed mapping's type wins over one inferred from a field.
    static func keyedSearchAttributes(of model: ContractModel) -> [SearchAttributeModel] {
        var attributes = model.searchAttributes
        for inferred in [false, true] {
            for workflow in model.workflows {
                for mapping in workflow.searchAttributeMappings
                where mapping.isKindInferred == inferred && !attributes.contains(where: { $0.name == mapping.name }) {
                    guard let kind = mapping.kind else { continue }
                    attributes.append(SearchAttributeModel(name: mapping.name, kind: kind, location: workflow.location))
                }
            }
        }
        return attributes
    }

    /// The key a mapping writes through; its kind is the one `keyedSearchAttributes` chose.
    static func keyKind(of mapping: InputMappingModel, in model: ContractModel) -> SearchAttributeKindModel? {
        keyedSearchAttributes(of: model).first { $0.name == mapping.name }?.kind
    }

    static func valueType(of kind: SearchAttributeKindModel) -> String {
        switch kind {
        case .keyword, .text: QualifiedNames.string
        case .int: QualifiedNames.swift("Int64")
        case .double: QualifiedNames.swift("Double")
        case .bool: QualifiedNames.swift("Bool")
        case .datetime: QualifiedNames.foundation("Date")
        case .keywordList: "[\(QualifiedNames.string)]"
        }
    }

    /// `makeSearchAttributes:` and `makeMemo:` of a workflow definition, for its mappings.
    func inputMappingArguments(model: ContractModel, _ workflow: WorkflowModel) -> [SwiftCode] {
        var arguments: [SwiftCode] = []
        if !workflow.searchAttributeMappings.isEmpty {
            let assignments = workflow.searchAttributeMappings.map { mapping in
                let key = "attributes[SearchAttributes.\(SwiftNaming.memberName(mapping.name))] = "
                guard let (expression, source) = mapping.expression else {
                    return SwiftCode.text(key + searchAttributeValue(mapping, signature: workflow.signature, model: model))
                }
                // The ID expressions' evaluation: `ids` serves their random functions.
                let value = value(expression, signature: workflow.signature, model: model, isHead: true)
                return SwiftCode.list(head: key + "try \(value).text", items: [.text("of: \(SwiftNaming.stringLiteral(source))")], tail: "")
            }
            let usesIDs = workflow.searchAttributeMappings.contains { $0.expression != nil }
            arguments.append(
                .block(
                    opening: .text("makeSearchAttributes: { input, \(usesIDs ? "ids" : "_") in"),
                    body: [.text("var attributes = \(QualifiedNames.runtime("SearchAttributes"))()")] + assignments + ["return attributes"],
                    closing: "}"
                )
            )
        }
        if !workflow.memoMappings.isEmpty {
            let memoType = "[\(QualifiedNames.string): any \(QualifiedNames.swift("Encodable")) & \(QualifiedNames.swift("Sendable"))]"
            let assignments = workflow.memoMappings.map { mapping in
                SwiftCode.text(
                    "memo[\(SwiftNaming.stringLiteral(mapping.name))] = "
                        + mappedFieldAccess(mapping, signature: workflow.signature, model: model)
                )
            }
            arguments.append(
                .block(
                    opening: "makeMemo: { input in",
                    body: [.text("var memo: \(memoType) = [:]")] + assignments + ["return memo"],
                    closing: "}"
                )
            )
        }
        return arguments
    }

    /// The input field as the key's value type: UUIDs and enums as their text, integers and
    /// numbers widened; an optional field stays optional (nil leaves the attribute unset).
    func searchAttributeValue(_ mapping: InputMappingModel, signature: HandlerSignature, model: ContractModel) -> String {
        let conversion: String? =
            switch (Self.keyKind(of: mapping, in: model) ?? mapping.kind, mapping.fieldType) {
            case (.int, .integer), (.int, .int32): QualifiedNames.swift("Int64")
            case (.double, .float), (.double, .integer), (.double, .int32), (.double, .int64): QualifiedNames.swift("Double")
            default: nil
            }
        var access = mappedFieldAccess(mapping, signature: signature, model: model)
        // A `.proto` date-time is a `Google_Protobuf_Timestamp`.
        if model.format == .proto, mapping.fieldType == .dateTime { access += ".date" }
        guard let conversion else { return access }
        return mapping.isOptional ? "\(access).map { \(conversion)($0) }" : "\(conversion)(\(access))"
    }

    /// The mapped field: UUIDs and enums as their text (`fieldAccess` ends them with a
    /// conversion), chained through an optional field.
    func mappedFieldAccess(_ mapping: InputMappingModel, signature: HandlerSignature, model: ContractModel) -> String {
        let access = fieldAccess(mapping.path, signature: signature, model: model)
        guard mapping.isOptional, let dot = Self.textConversionStart(of: access, type: mapping.fieldType) else { return access }
        return String(access[..<dot]) + "?" + String(access[dot...])
    }

    /// Where the suffix `fieldAccess` adds for a UUID or an enum starts.
    private static func textConversionStart(of access: String, type: TypeReference) -> String.Index? {
        let suffix: String
        switch type {
        case .uuid: suffix = ".uuidString.lowercased()"
        case .named: suffix = ".rawValue"
        default: return nil
        }
        guard access.hasSuffix(suffix) else { return nil }
        return access.index(access.endIndex, offsetBy: -suffix.count)
    }
}
