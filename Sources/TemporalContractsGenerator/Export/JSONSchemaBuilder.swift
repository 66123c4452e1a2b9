/// Builds the standalone JSON Schema (draft 2020-12) of one contract: every payload type under
/// `$defs`, and the workflows, handlers and activities with the schemas of their payloads under
/// the `x-temporal` annotation.
///
/// The schemas describe the JSON every SDK writes for the contract and the generated Swift reads:
/// exact wire names, `required` as the contract states it, and optional properties that may also
/// be `null` (the Swift and Python SDKs write `null` for an absent optional).
struct JSONSchemaBuilder {
    /// The JSON Schema dialect of every exported document.
    static let dialect = "https://json-schema.org/draft/2020-12/schema"

    let model: ContractModel
    let modelsByName: [String: ContractModel]
    let names: SchemaDefinitionNames

    init(model: ContractModel, models: [ContractModel]) {
        self.model = model
        self.modelsByName = Dictionary(models.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.names = SchemaDefinitionNames(model: model, modelsByName: modelsByName)
    }

    /// `$id` of the contract's schema.
    static func schemaID(of model: ContractModel, options: ExportOptions) -> String {
        guard let base = options.schemaIDBase, !base.isEmpty else { return "urn:temporal-contracts:\(model.name)" }
        return base + (base.hasSuffix("/") ? "" : "/") + ContractExporter.fileName(for: model, format: .jsonSchema)
    }

    func document(options: ExportOptions) -> JSONValue {
        var definitions: [String: JSONValue] = [:]
        for (name, key) in names.namedTypes {
            guard let type = modelsByName[name.contract]?.types.first(where: { $0.name == name.name }) else { continue }
            definitions[key] = definition(of: type)
        }
        for (fullName, key) in names.protoMessages {
            guard let shape = model.protoMessages[fullName] else { continue }
            definitions[key] = protoDefinition(of: shape)
        }
        var document: [String: JSONValue] = [
            "$schema": .string(Self.dialect),
            "$id": .string(Self.schemaID(of: model, options: options)),
            // Not the bare contract name: generators name a model after the root's title, which
            // would clash with a payload type named like the contract.
            "title": .string("\(model.name) contract"),
            "description": .string(
                model.description ?? "The payload types of the \(model.name) Temporal contract, by type name under $defs."
            ),
            "x-temporal": temporalAnnotation(),
        ]
        if !definitions.isEmpty { document["$defs"] = .object(definitions) }
        return .object(document)
    }

    // MARK: Named types

    func definition(of type: NamedType) -> JSONValue {
        var schema: [String: JSONValue]
        switch type.kind {
        case .object(let properties):
            var members: [String: JSONValue] = [:]
            for property in properties {
                var member = self.schema(for: property.type, nullable: !property.isRequired)
                if let description = property.description, case .object(var fields) = member {
                    fields["description"] = .string(description)
                    member = .object(fields)
                }
                members[property.wireName] = member
            }
            schema = ["type": "object", "properties": .object(members)]
            let required = properties.filter(\.isRequired).map { JSONValue.string($0.wireName) }
            if !required.isEmpty { schema["required"] = .array(required) }
        case .stringEnum(let values):
            schema = ["type": "string", "enum": .array(values.map(JSONValue.string))]
        case .integerEnum(let cases):
            // `x-enum-varnames` names the values, as in the contract; generators such as
            // datamodel-code-generator and OpenAPI Generator read it.
            schema = [
                "type": "integer",
                "enum": .array(cases.map { .integer($0.value) }),
                "x-enum-varnames": .array(cases.map { .string($0.name) }),
            ]
        case .alias(let target):
            guard case .object(let fields) = self.schema(for: target, nullable: false) else { return [:] }
            schema = fields
        }
        if let description = type.description { schema["description"] = .string(description) }
        return .object(schema)
    }

    /// The schema of a type where it is used: a `$ref` for named types, inline otherwise. A
    /// nullable one also admits `null`, always as `anyOf` with a `null` branch: generators read
    /// that form best (with a type list such as `["object", "null"]` datamodel-code-generator
    /// drops a map's value type).
    func schema(for type: TypeReference, nullable: Bool = false) -> JSONValue {
        let schema = nonNullSchema(for: type)
        return nullable ? ["anyOf": [schema, ["type": "null"]]] : schema
    }

    private func nonNullSchema(for type: TypeReference) -> JSONValue {
        let schema: [String: JSONValue]
        switch type {
        case .string: schema = ["type": "string"]
        case .integer: schema = ["type": "integer"]
        case .int32: schema = ["type": "integer", "format": "int32"]
        case .int64: schema = ["type": "integer", "format": "int64"]
        case .double: schema = ["type": "number", "format": "double"]
        case .float: schema = ["type": "number", "format": "float"]
        case .boolean: schema = ["type": "boolean"]
        case .bytes: schema = ["type": "string", "contentEncoding": "base64"]
        case .dateTime: schema = ["type": "string", "format": "date-time"]
        case .uuid: schema = ["type": "string", "format": "uuid"]
        case .array(let element): schema = ["type": "array", "items": self.schema(for: element)]
        case .map(let value): schema = ["type": "object", "additionalProperties": self.schema(for: value)]
        case .named(let name):
            return ["$ref": .string("#/$defs/" + (names.namedTypes[name] ?? name.name))]
        case .protoMessage(let fullName, _):
            return protoSchema(forMessage: fullName)
        }
        return .object(schema)
    }

    // MARK: Workflows, handlers, activities

    /// `x-temporal`: what a caller or worker in another language needs beside the types — each
    /// workflow, signal, query, update and activity by wire name, with the schemas of its
    /// arguments (one payload each, in order) and of its result. An annotation: validators
    /// ignore it, and its `$ref`s point into this document's `$defs`.
    func temporalAnnotation() -> JSONValue {
        var annotation: [String: JSONValue] = ["contract": .string(model.name), "format": .string(model.format.rawValue)]
        if let taskQueue = model.taskQueue { annotation["taskQueue"] = .string(taskQueue) }
        annotation["workflows"] = .object(
            Dictionary(
                model.workflows.map { workflow in
                    var entry = payloads(of: workflow.signature, aliases: workflow.aliases)
                    if let taskQueue = workflow.taskQueue { entry["taskQueue"] = .string(taskQueue) }
                    for (group, uses) in [("signals", workflow.signals), ("queries", workflow.queries), ("updates", workflow.updates)]
                    where !uses.isEmpty {
                        entry[group] = .array(uses.map { .string($0.handler.wireName) })
                    }
                    return (workflow.wireName, JSONValue.object(entry))
                },
                uniquingKeysWith: { first, _ in first }
            )
        )
        for (group, kind) in [("signals", HandlerKind.signal), ("queries", .query), ("updates", .update)] {
            annotation[group] = .object(
                Dictionary(
                    handlers(of: kind).map { ($0.wireName, JSONValue.object(payloads(of: $0.signature, aliases: $0.aliases))) },
                    uniquingKeysWith: { first, _ in first }
                )
            )
        }
        annotation["activities"] = .object(
            Dictionary(
                model.activities.map { activity in
                    var entry = payloads(of: activity.signature, aliases: activity.aliases)
                    if let taskQueue = activity.taskQueue { entry["taskQueue"] = .string(taskQueue) }
                    return (activity.wireName, JSONValue.object(entry))
                },
                uniquingKeysWith: { first, _ in first }
            )
        )
        return .object(annotation)
    }

    /// The contract's own handlers of a kind, then those of imported contracts its workflows accept.
    func handlers(of kind: HandlerKind) -> [HandlerModel] {
        let own: [HandlerModel]
        let used: [HandlerUse]
        switch kind {
        case .signal: (own, used) = (model.signals, model.workflows.flatMap(\.signals))
        case .query: (own, used) = (model.queries, model.workflows.flatMap(\.queries))
        case .update: (own, used) = (model.updates, model.workflows.flatMap(\.updates))
        }
        return own + used.map(\.handler).filter { $0.contract != model.name }
    }

    func payloads(of signature: HandlerSignature, aliases: [String]) -> [String: JSONValue] {
        var entry: [String: JSONValue] = [:]
        switch signature.input {
        case .none: entry["arguments"] = []
        case .single(let type): entry["arguments"] = [["schema": schema(for: type)]]
        case .parameters(let parameters):
            entry["arguments"] = .array(parameters.map { ["name": .string($0.name), "schema": schema(for: $0.type)] })
        }
        if let output = signature.output { entry["result"] = schema(for: output) }
        if !aliases.isEmpty { entry["aliases"] = .array(aliases.map(JSONValue.string)) }
        return entry
    }
}
