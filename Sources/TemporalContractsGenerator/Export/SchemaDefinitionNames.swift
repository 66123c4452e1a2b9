/// The `$defs` keys of one contract's JSON Schema: every type the contract declares and every type
/// its types and handlers reach in other contracts, so that one document is enough.
///
/// Keys are plain identifiers, never dotted: code generators such as datamodel-code-generator take
/// a dot in a definition name for a module path. The contract's own types keep their names;
/// imported ones are `Contract_Name`; messages of `.proto` contracts are known by the shortest
/// tail of their full name that no other message shares (`SettleInvoiceRequest`, or
/// `v2_SettleInvoiceRequest` beside a `v1` one).
struct SchemaDefinitionNames {
    /// Named types (own and imported) by `$defs` key.
    private(set) var namedTypes: [QualifiedTypeName: String] = [:]
    /// Protobuf messages and enums by full name, well-known types excepted (they are inlined).
    private(set) var protoMessages: [String: String] = [:]

    init(model: ContractModel, modelsByName: [String: ContractModel]) {
        let signatures = Self.signatures(of: model)
        nameNamedTypes(model: model, modelsByName: modelsByName, signatures: signatures)
        nameProtoMessages(model: model, signatures: signatures)
    }

    /// Every signature whose payloads the contract's schema describes: its workflows, the handlers
    /// they accept (imported ones included), its own handlers and its activities.
    static func signatures(of model: ContractModel) -> [HandlerSignature] {
        model.workflows.flatMap { workflow in
            [workflow.signature] + (workflow.signals + workflow.queries + workflow.updates).map(\.handler.signature)
        }
            + (model.signals + model.queries + model.updates).map(\.signature)
            + model.activities.map(\.signature)
    }

    /// The named types a type reference mentions, directly or inside containers.
    static func namedReferences(in type: TypeReference) -> [QualifiedTypeName] {
        switch type {
        case .named(let name): [name]
        case .array(let element), .map(let element): namedReferences(in: element)
        default: []
        }
    }

    static func protoReferences(in type: TypeReference) -> [String] {
        switch type {
        case .protoMessage(let fullName, _): [fullName]
        case .array(let element), .map(let element): protoReferences(in: element)
        default: []
        }
    }

    static func references(of type: NamedType) -> [TypeReference] {
        switch type.kind {
        case .object(let properties): properties.map(\.type)
        case .alias(let target): [target]
        case .stringEnum, .integerEnum: []
        }
    }

    private mutating func nameNamedTypes(model: ContractModel, modelsByName: [String: ContractModel], signatures: [HandlerSignature]) {
        var reached = Set(model.types.map { QualifiedTypeName(contract: model.name, name: $0.name) })
        var pending = Array(reached)
        pending += signatures.flatMap(\.inputTypes).flatMap(Self.namedReferences)
        pending += signatures.compactMap(\.output).flatMap(Self.namedReferences)
        while let next = pending.popLast() {
            reached.insert(next)
            guard let type = modelsByName[next.contract]?.types.first(where: { $0.name == next.name }) else { continue }
            for reference in Self.references(of: type).flatMap(Self.namedReferences) where !reached.contains(reference) {
                pending.append(reference)
            }
        }
        var taken = Set<String>()
        for name in reached.sorted() where name.contract == model.name {
            namedTypes[name] = name.name
            taken.insert(name.name)
        }
        for name in reached.sorted() where name.contract != model.name {
            var key = "\(name.contract)_\(name.name)"
            while taken.contains(key) { key += "_" }
            namedTypes[name] = key
            taken.insert(key)
        }
    }

    private mutating func nameProtoMessages(model: ContractModel, signatures: [HandlerSignature]) {
        let shapes = model.protoMessages
        var reached = Set<String>()
        var pending = signatures.flatMap { $0.inputTypes + ($0.output.map { [$0] } ?? []) }.flatMap(Self.protoReferences)
        while let next = pending.popLast() {
            guard ProtoJSONMapping.wellKnownSchema(next) == nil, reached.insert(next).inserted, let shape = shapes[next] else { continue }
            pending += shape.fields.compactMap { ProtoJSONMapping.referencedType(of: $0, in: shape, shapes: shapes) }
        }
        let names = reached.sorted()
        let parts = Dictionary(uniqueKeysWithValues: names.map { ($0, $0.split(separator: ".").map(String.init)) })
        var depth = Dictionary(uniqueKeysWithValues: names.map { ($0, 1) })
        func key(_ name: String) -> String {
            let components = parts[name] ?? [name]
            return components.suffix(depth[name] ?? 1).joined(separator: "_")
        }
        // Lengthen the tails of clashing names until they differ or are whole.
        while true {
            let clashing = Dictionary(grouping: names, by: key).values.filter { $0.count > 1 }.joined()
                .filter { (depth[$0] ?? 1) < (parts[$0]?.count ?? 1) }
            guard !clashing.isEmpty else { break }
            for name in clashing { depth[name, default: 1] += 1 }
        }
        var taken = Set<String>()
        for name in names {
            var candidate = key(name)
            while taken.contains(candidate) { candidate += "_" }
            protoMessages[name] = candidate
            taken.insert(candidate)
        }
    }
}
