import Foundation

/// The Swift of `${! … }` ID expressions: a chain of `IDExpressionValue` calls that the runtime
/// evaluates with the Bloblang semantics of protoc-gen-go-temporal.
extension SwiftTranslator {
    /// The `makeID:` argument of a definition: a closure from the input and the ID source. Each
    /// `${! … }` expression becomes a constant holding its text (evaluating it may throw), and the
    /// closure returns the template's string with them interpolated.
    func makeIDArgument(_ template: IDTemplate, signature: HandlerSignature, model: ContractModel) -> SwiftCode {
        guard template.hasExpressions else {
            return .text("makeID: { input, _ in \(idExpression(template, signature: signature, model: model)) }")
        }
        var names: [IDTemplate.Segment: String] = [:]
        var used: Set<String> = ["input", "ids"]
        var statements: [SwiftCode] = []
        for segment in template.segments {
            guard case .expression(let expression, let source) = segment, names[segment] == nil else { continue }
            var name = expression.constantName
            var suffix = 2
            while used.contains(name) || SwiftNaming.keywords.contains(name) {
                name = expression.constantName + "\(suffix)"
                suffix += 1
            }
            used.insert(name)
            names[segment] = name
            let value = value(expression, signature: signature, model: model, isHead: true)
            let text = "text(of: \(SwiftNaming.stringLiteral(source)))"
            if "let \(name) = try \(value).text(".count + Self.expressionIndentation <= SwiftCode.lineLimit {
                statements.append(
                    .list(head: "let \(name) = try \(value).text", items: [.text(String(text.dropFirst(5).dropLast()))], tail: "")
                )
            } else {
                // A long chain breaks before each method, one call per line.
                // A long chain breaks before each method, one call per line, and a long first value
                // puts one argument per line.
                let (base, calls) = chain(expression, signature: signature, model: model)
                let head = "let \(name) = try \(base)"
                if head.count + Self.expressionIndentation > SwiftCode.lineLimit, case .field(let path) = expression.innermost,
                    let arguments = protoReading(
                        path,
                        access: fieldAccess(path, signature: signature, model: model),
                        signature: signature,
                        model: model
                    )
                {
                    let type = QualifiedNames.runtime("IDExpressionValue")
                    statements.append(.list(head: "let \(name) = try \(type)", items: arguments.map { .text($0) }, tail: ""))
                } else {
                    statements.append(.text(head))
                }
                statements += (calls + [text]).map { .text(".\($0)") }
            }
        }
        let literal = idExpression(template, signature: signature, model: model, expressionNames: names)
        statements.append(.text("return \(literal)"))
        let source = template.usesRandomness ? "ids" : "_"
        return .block(opening: .text("makeID: { input, \(source) in"), body: statements, closing: "}")
    }

    /// The column where a `makeID` closure's statements start in nested namespaces, with room to spare.
    static let expressionIndentation = 20

    /// An expression as its innermost value and the method calls applied to it, in order.
    func chain(_ expression: IDExpression, signature: HandlerSignature, model: ContractModel) -> (base: String, calls: [String]) {
        guard case .method(let receiver, let method) = expression else {
            return (value(expression, signature: signature, model: model, isHead: true), [])
        }
        let (base, calls) = chain(receiver, signature: signature, model: model)
        return (base, calls + [methodCall(method, signature: signature, model: model)])
    }

    /// The `IDExpressionValue` of an expression. A head value spells the type; arguments use
    /// implicit member syntax, which their parameter type allows.
    func value(_ expression: IDExpression, signature: HandlerSignature, model: ContractModel, isHead: Bool) -> String {
        let type = QualifiedNames.runtime("IDExpressionValue")
        let member = isHead ? type : ""
        switch expression {
        case .field(let path):
            let access = fieldAccess(path, signature: signature, model: model)
            let arguments = protoReading(path, access: access, signature: signature, model: model) ?? [access]
            return (isHead ? type : ".init") + "(\(arguments.joined(separator: ", ")))"
        case .string(let text):
            return member + ".string(\(SwiftNaming.stringLiteral(text)))"
        case .number(let number):
            let literal = number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            return member + ".number(\(literal))"
        case .function(.uuidV4):
            return member + ".string(ids.uuidV4())"
        case .function(.nanoid):
            return member + ".string(ids.nanoid())"
        case .function(.ksuid):
            return member + ".string(ids.ksuid())"
        case .function(.throw(let message)):
            return member + ".throw(\(SwiftNaming.stringLiteral(message)))"
        case .method(let receiver, let method):
            return value(receiver, signature: signature, model: model, isHead: isHead) + "."
                + methodCall(method, signature: signature, model: model)
        }
    }

    /// A method of the subset as a call on `IDExpressionValue`, without the leading dot.
    func methodCall(_ method: IDMethod, signature: HandlerSignature, model: ContractModel) -> String {
        switch method {
        case .or(let fallback): "or(\(value(fallback, signature: signature, model: model, isHead: false)))"
        case .catch(let fallback): "catch(\(value(fallback, signature: signature, model: model, isHead: false)))"
        case .notEmpty: "notEmpty()"
        case .slug: "slug()"
        case .string: "string()"
        case .int64: "int64()"
        case .number: "number()"
        case .lowercase: "lowercase()"
        case .uppercase: "uppercase()"
        }
    }

    /// How a field of a protobuf input reads as protojson has it: zero values absent, 64-bit
    /// integers as strings, enums by value name.
    func protoReading(_ path: [String], access: String, signature: HandlerSignature, model: ContractModel) -> [String]? {
        guard case .single(.protoMessage(let fullName, _)) = signature.input,
            let field = model.protoMessages[fullName]?.fields.first(where: { $0.jsonName == path.first || $0.name == path.first })
        else { return nil }
        switch field.type {
        case "enum":
            let values = field.typeName.flatMap { model.protoMessages[$0]?.enumValues } ?? [:]
            let names = values.keys.sorted().map { "\($0): \(SwiftNaming.stringLiteral(values[$0]!))" }
            return ["protoEnum: \(access).rawValue", "names: [\(names.isEmpty ? ":" : names.joined(separator: ", "))]"]
                + presence(of: field, access: access)
        default:
            return ["protoField: \(access)"] + presence(of: field, access: access)
        }
    }
}

extension SwiftTranslator {
    /// `isPresent: input.hasName` for a field that tracks presence: protojson writes it whenever
    /// it is set, zero or not, and leaves it out only when unset.
    func presence(of field: ProtoMessageModel.Field, access: String) -> [String] {
        guard field.hasPresence, let dot = access.lastIndex(of: ".") else { return [] }
        let property = access[access.index(after: dot)...]
        return ["isPresent: \(access[..<dot]).has\(property.prefix(1).uppercased())\(property.dropFirst())"]
    }
}

extension IDTemplate {
    /// Whether a segment is a `${! … }` expression, whose evaluation may throw.
    var hasExpressions: Bool {
        segments.contains { if case .expression = $0 { true } else { false } }
    }

    /// Whether an expression calls `uuid_v4()`, `nanoid()` or `ksuid()`.
    var usesRandomness: Bool {
        segments.contains { segment in
            guard case .expression(let expression, _) = segment else { return false }
            return expression.usesRandomness
        }
    }
}

extension IDExpression {
    /// The value a method chain starts from.
    var innermost: IDExpression {
        if case .method(let receiver, _) = self { return receiver.innermost }
        return self
    }

    /// A name for the constant holding the expression's text: its first field, else its function.
    var constantName: String {
        if let path = fieldPaths.first, let field = path.last { return SwiftNaming.memberName(field) }
        switch self {
        case .function(.uuidV4): return "uuid"
        case .function(.nanoid): return "nanoid"
        case .function(.ksuid): return "ksuid"
        case .method(let receiver, _): return receiver.constantName
        default: return "part"
        }
    }

    var usesRandomness: Bool {
        switch self {
        case .field, .string, .number, .function(.throw): false
        case .function: true
        case .method(let receiver, let method): receiver.usesRandomness || (method.argument?.usesRandomness ?? false)
        }
    }
}
