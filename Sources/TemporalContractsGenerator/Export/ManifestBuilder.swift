import Foundation

/// Builds the manifest of one contract: everything a tool or a CI job needs to know about it —
/// workflows, handlers and activities with wire names, aliases, Swift names, payload type
/// references and start defaults — in the format `Schemas/contract-manifest.schema.json`
/// publishes.
///
/// Lists keep the contract's order; optional values are left out when the contract does not set
/// them; durations are seconds.
struct ManifestBuilder {
    /// `$id` of the manifest format's JSON Schema, which every manifest names as its `$schema`.
    static let schemaID = "https://swift-temporal-contracts.dev/schemas/contract-manifest.schema.json"

    let model: ContractModel
    let modelsByName: [String: ContractModel]
    let names: SchemaDefinitionNames

    init(model: ContractModel, models: [ContractModel]) {
        self.model = model
        self.modelsByName = Dictionary(models.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.names = SchemaDefinitionNames(model: model, modelsByName: modelsByName)
    }

    func document(options: ExportOptions, generatorVersion: String) -> JSONValue {
        var document: [String: JSONValue] = [
            "$schema": .string(Self.schemaID),
            "manifestVersion": .integer(ContractExporter.manifestVersion),
            "generator": ["name": "temporal-contracts", "version": .string(generatorVersion)],
            "name": .string(model.name),
            "format": .string(model.format.rawValue),
            "file": .string(Self.relativePath(model.file, to: options.baseDirectory)),
            "jsonSchema": .string(JSONSchemaBuilder.schemaID(of: model, options: options)),
            "imports": .array(model.importedContracts.map(JSONValue.string)),
            "workflows": .array(model.workflows.map(workflow)),
            "signals": .array(model.signals.map(handler)),
            "queries": .array(model.queries.map(handler)),
            "updates": .array(model.updates.map(handler)),
            "activities": .array(model.activities.map(activity)),
            "types": .array(model.types.map { namedType($0) }),
            "searchAttributes": .array(model.searchAttributes.map(searchAttribute)),
        ]
        document["description"] = model.description.map(JSONValue.string)
        document["taskQueue"] = model.taskQueue.map(JSONValue.string)
        if model.format == .proto {
            document["protoMessages"] = .array(model.protoMessages.keys.sorted().compactMap { model.protoMessages[$0].map(protoMessage) })
        }
        return .object(document)
    }

    /// `file` relative to `base` when it lies inside it.
    static func relativePath(_ file: String, to base: String?) -> String {
        guard let base, !base.isEmpty, file.hasPrefix("/") else { return file }
        let root = ContractLoader.normalize(base)
        let path = ContractLoader.normalize(file)
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    // MARK: Workflows, handlers, activities

    func workflow(_ workflow: WorkflowModel) -> JSONValue {
        var entry = common(
            key: workflow.key,
            wireName: workflow.wireName,
            aliases: workflow.aliases,
            description: workflow.description,
            swiftName: "\(model.name).Workflows.\(Self.member(SwiftNaming.memberName(workflow.key)))",
            signature: workflow.signature
        )
        entry["signals"] = .array(workflow.signals.map(handlerUse))
        entry["queries"] = .array(workflow.queries.map(handlerUse))
        entry["updates"] = .array(workflow.updates.map(handlerUse))
        entry["idTemplate"] = workflow.idTemplate.map(idTemplate)
        entry["taskQueue"] = workflow.taskQueue.map(JSONValue.string)
        entry["executionTimeout"] = workflow.executionTimeout.map(Self.seconds)
        entry["runTimeout"] = workflow.runTimeout.map(Self.seconds)
        entry["taskTimeout"] = workflow.taskTimeout.map(Self.seconds)
        entry["retryPolicy"] = workflow.retryPolicy.map(retryPolicy)
        entry["idReusePolicy"] = workflow.idReusePolicy.map { .string($0.rawValue) }
        entry["idConflictPolicy"] = workflow.idConflictPolicy.map { .string($0.rawValue) }
        addStartOptions(of: workflow, to: &entry)
        return .object(entry)
    }

    func handler(_ handler: HandlerModel) -> JSONValue {
        var entry = common(
            key: handler.key,
            wireName: handler.wireName,
            aliases: handler.aliases,
            description: handler.description,
            swiftName: "\(handler.contract).\(Self.group(of: handler.kind)).\(Self.member(SwiftNaming.memberName(handler.key)))",
            signature: handler.signature
        )
        entry["kind"] = .string(handler.kind.rawValue)
        entry["validator"] = .bool(handler.hasValidator)
        entry["waitForStage"] = handler.waitForStage.map { .string($0.rawValue) }
        entry["idTemplate"] = handler.idTemplate.map(idTemplate)
        return .object(entry)
    }

    func handlerUse(_ use: HandlerUse) -> JSONValue {
        var entry: [String: JSONValue] = [
            "contract": .string(use.handler.contract),
            "key": .string(use.handler.key),
            "wireName": .string(use.handler.wireName),
            "withStart": .bool(use.withStart),
        ]
        entry["idConflictPolicy"] = use.idConflictPolicy.map { .string($0.rawValue) }
        return .object(entry)
    }

    func activity(_ activity: ActivityModel) -> JSONValue {
        var entry = common(
            key: activity.key,
            wireName: activity.wireName,
            aliases: activity.aliases,
            description: activity.description,
            swiftName: "\(model.name).Activities.\(Self.member(SwiftNaming.memberName(activity.key)))",
            signature: activity.signature
        )
        entry["taskQueue"] = activity.taskQueue.map(JSONValue.string)
        entry["scheduleToCloseTimeout"] = activity.scheduleToCloseTimeout.map(Self.seconds)
        entry["scheduleToStartTimeout"] = activity.scheduleToStartTimeout.map(Self.seconds)
        entry["startToCloseTimeout"] = activity.startToCloseTimeout.map(Self.seconds)
        entry["heartbeatTimeout"] = activity.heartbeatTimeout.map(Self.seconds)
        entry["retryPolicy"] = activity.retryPolicy.map(retryPolicy)
        addScheduleOptions(of: activity, to: &entry)
        return .object(entry)
    }

    /// The members workflows, handlers and activities share.
    func common(
        key: String,
        wireName: String,
        aliases: [String],
        description: String?,
        swiftName: String,
        signature: HandlerSignature
    ) -> [String: JSONValue] {
        var entry: [String: JSONValue] = [
            "key": .string(key),
            "wireName": .string(wireName),
            "aliases": .array(aliases.map(JSONValue.string)),
            "swiftName": .string(swiftName),
            "input": input(signature.input),
        ]
        entry["description"] = description.map(JSONValue.string)
        entry["output"] = signature.output.map(typeReference)
        return entry
    }

    /// A Swift member name as tools compare it: without the backticks a keyword needs in code.
    static func member(_ name: String) -> String {
        SwiftNaming.unescaped(name)
    }

    static func group(of kind: HandlerKind) -> String {
        switch kind {
        case .signal: "Signals"
        case .query: "Queries"
        case .update: "Updates"
        }
    }

    func input(_ input: HandlerSignature.Input) -> JSONValue {
        switch input {
        case .none: return ["kind": "none"]
        case .single(let type): return ["kind": "single", "type": typeReference(type)]
        case .parameters(let parameters):
            return [
                "kind": "parameters",
                "parameters": .array(
                    parameters.map {
                        [
                            "name": .string($0.name), "swiftName": .string(Self.member(SwiftNaming.memberName($0.name))),
                            "type": typeReference($0.type),
                        ]
                    }
                ),
            ]
        }
    }

    func idTemplate(_ template: IDTemplate) -> JSONValue {
        [
            "source": .string(template.source),
            "segments": .array(
                template.segments.map { segment in
                    switch segment {
                    case .literal(let text): ["literal": .string(text)]
                    case .field(let path): ["field": .array(path.map(JSONValue.string))]
                    case .expression(_, let source): ["expression": .string(source)]
                    }
                }
            ),
        ]
    }

    func retryPolicy(_ policy: RetryPolicyModel) -> JSONValue {
        var entry: [String: JSONValue] = ["nonRetryableErrorTypes": .array(policy.nonRetryableErrorTypes.map(JSONValue.string))]
        entry["initialInterval"] = policy.initialInterval.map(Self.seconds)
        entry["backoffCoefficient"] = policy.backoffCoefficient.map(JSONValue.number)
        entry["maximumInterval"] = policy.maximumInterval.map(Self.seconds)
        entry["maximumAttempts"] = policy.maximumAttempts.map(JSONValue.integer)
        return .object(entry)
    }

    /// A duration in seconds: whole seconds as integers, fractions exact to the nanosecond.
    static func seconds(_ duration: Duration) -> JSONValue {
        let nanoseconds = duration.totalNanoseconds
        if nanoseconds % 1_000_000_000 == 0 { return .integer(Int(nanoseconds / 1_000_000_000)) }
        return .number(Double(nanoseconds) / 1_000_000_000)
    }

    // MARK: Types

    func typeReference(_ type: TypeReference) -> JSONValue {
        switch type {
        case .string: ["kind": "string"]
        case .integer: ["kind": "integer"]
        case .int32: ["kind": "int32"]
        case .int64: ["kind": "int64"]
        case .double: ["kind": "double"]
        case .float: ["kind": "float"]
        case .boolean: ["kind": "boolean"]
        case .bytes: ["kind": "bytes"]
        case .dateTime: ["kind": "dateTime"]
        case .uuid: ["kind": "uuid"]
        case .array(let element): ["kind": "array", "items": typeReference(element)]
        case .map(let value): ["kind": "map", "values": typeReference(value)]
        case .named(let name):
            [
                "kind": "named",
                "contract": .string(name.contract),
                "name": .string(name.name),
                "swiftName": .string("\(name.contract).\(swiftTypeName(name))"),
                "jsonSchemaDef": .string(names.namedTypes[name] ?? name.name),
            ]
        case .protoMessage(let fullName, let swiftName):
            protoReference(fullName: fullName, swiftName: swiftName)
        }
    }

    func protoReference(fullName: String, swiftName: String) -> JSONValue {
        var entry: [String: JSONValue] = ["kind": "protoMessage", "fullName": .string(fullName), "swiftName": .string(swiftName)]
        entry["jsonSchemaDef"] = names.protoMessages[fullName].map(JSONValue.string)
        return .object(entry)
    }

    /// The Swift name generated code gives a contract type (without its namespace).
    func swiftTypeName(_ name: QualifiedTypeName) -> String {
        guard let owner = modelsByName[name.contract] else { return SwiftNaming.typeName(name.name) }
        return SwiftTranslator.typeName(name.name, in: owner, options: GeneratorOptions())
    }

    func namedType(_ type: NamedType) -> JSONValue {
        let name = QualifiedTypeName(contract: model.name, name: type.name)
        var entry: [String: JSONValue] = [
            "name": .string(type.name),
            "swiftName": .string("\(model.name).\(swiftTypeName(name))"),
            "jsonSchemaDef": .string(names.namedTypes[name] ?? type.name),
        ]
        entry["description"] = type.description.map(JSONValue.string)
        switch type.kind {
        case .object(let properties):
            entry["kind"] = "object"
            entry["properties"] = .array(
                properties.map { property in
                    var member: [String: JSONValue] = [
                        "wireName": .string(property.wireName),
                        "swiftName": .string(Self.member(SwiftNaming.memberName(property.wireName))),
                        "type": typeReference(property.type),
                        "required": .bool(property.isRequired),
                    ]
                    member["description"] = property.description.map(JSONValue.string)
                    return .object(member)
                }
            )
        case .stringEnum(let values):
            entry["kind"] = "stringEnum"
            entry["values"] = .array(
                values.map { ["value": .string($0), "swiftName": .string(Self.member(SwiftTranslator.caseName($0)))] }
            )
        case .integerEnum(let cases):
            entry["kind"] = "integerEnum"
            entry["values"] = .array(
                cases.map {
                    [
                        "value": .integer($0.value), "name": .string($0.name),
                        "swiftName": .string(Self.member(SwiftTranslator.caseName($0.name))),
                    ]
                }
            )
        case .alias(let target):
            entry["kind"] = "alias"
            entry["type"] = typeReference(target)
        }
        return .object(entry)
    }

    func protoMessage(_ shape: ProtoMessageModel) -> JSONValue {
        var entry: [String: JSONValue] = ["fullName": .string(shape.fullName), "kind": .string(shape.isEnum ? "enum" : "message")]
        entry["jsonSchemaDef"] = names.protoMessages[shape.fullName].map(JSONValue.string)
        if shape.isEnum {
            entry["values"] = .array(
                shape.enumValues.sorted { $0.key < $1.key }.map { ["number": .integer($0.key), "name": .string($0.value)] }
            )
        } else {
            entry["fields"] = .array(
                shape.fields.map { field in
                    var member: [String: JSONValue] = [
                        "name": .string(field.name),
                        "number": .integer(field.number),
                        "jsonName": .string(field.jsonName),
                        "type": .string(field.type),
                        "repeated": .bool(field.isRepeated),
                    ]
                    member["typeName"] = field.typeName.map(JSONValue.string)
                    return .object(member)
                }
            )
        }
        return .object(entry)
    }
}
