/// Fields read by `${! … }` expressions of `.proto` contracts: any singular scalar or enum field of
/// the input message, since the expression sees the input as protojson does.
extension ContractResolver {
    /// The protobuf field types an expression can read, as ``ProtoMessageModel/Field/type`` spells them.
    static let expressionProtoTypes: Set<String> = [
        "string", "bool", "enum", "float", "double", "int32", "sint32", "sfixed32", "uint32", "fixed32", "int64", "sint64",
        "sfixed64", "uint64", "fixed64",
    ]

    /// Why an expression cannot read `path` from a protobuf input, or nil when it can; nil as well
    /// when the input is no protobuf message (the YAML rules of ``checkTemplateField(_:signature:)`` apply).
    func checkProtoExpressionField(_ path: [String], signature: HandlerSignature) -> (message: String, hint: String)?? {
        guard case .single(.protoMessage(let fullName, _)) = signature.input else { return nil }
        guard let message = syntaxByName.values.lazy.compactMap({ $0.protoMessages[fullName] }).first else { return nil }
        let fields = message.fields.map(\.jsonName).joined(separator: ", ")
        guard let field = message.fields.first(where: { $0.jsonName == path.first || $0.name == path.first }) else {
            return .some(("but the input has no field '\(path.first ?? "")'", "fields: \(fields)"))
        }
        guard path.count == 1 else {
            return .some(
                (
                    "a path into a nested message, which the Swift generator does not evaluate",
                    "name a scalar field of \(fullName) itself"
                )
            )
        }
        guard !field.isRepeated, Self.expressionProtoTypes.contains(field.type) else {
            return .some(("which is not a singular scalar or enum field", "name a string, number, bool or enum field"))
        }
        return .some(nil)
    }
}
