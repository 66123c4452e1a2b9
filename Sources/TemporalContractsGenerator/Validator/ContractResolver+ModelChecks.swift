/// Rules that need a whole contract, or all of them, resolved.
extension ContractResolver {
    /// Swift structs cannot contain themselves except through an array or a map.
    mutating func checkRecursiveTypes(_ model: ContractModel) {
        let objects = Dictionary(
            model.types.compactMap { type -> (String, NamedType)? in
                if case .object = type.kind { return (type.name, type) }
                return nil
            },
            uniquingKeysWith: { first, _ in first }
        )
        func directReferences(_ type: NamedType) -> [(String, Property)] {
            guard case .object(let properties) = type.kind else { return [] }
            return properties.compactMap { property in
                if case .named(let name) = property.type, name.contract == model.name, objects[name.name] != nil {
                    return (name.name, property)
                }
                return nil
            }
        }
        for type in model.types {
            var stack = directReferences(type).map { ($0.0, $0.1, [type.name]) }
            var visited = Set<String>()
            while let (name, property, path) = stack.popLast() {
                if name == type.name {
                    diagnostics.error(
                        "type '\(type.name)' contains itself through " + (path + [name]).joined(separator: " → "),
                        at: path.count == 1 ? property.location : type.location,
                        hint: "Swift structs cannot contain themselves; hold the nested value in an array"
                    )
                    break
                }
                guard visited.insert(name).inserted, let next = objects[name] else { continue }
                stack.append(contentsOf: directReferences(next).map { ($0.0, $0.1, path + [name]) })
            }
        }
    }

    /// Workflow and activity names must be unique, as workers register them by name, and so must
    /// the names of each kind of handler in a contract; aliases count as names.
    mutating func checkUniqueWireNames(_ models: [ContractModel]) {
        var workflows: [String: NameClaim] = [:]
        var activities: [String: NameClaim] = [:]
        for model in models {
            for workflow in model.workflows {
                claimNames(
                    wireName: workflow.wireName,
                    aliases: workflow.aliases,
                    owner: "workflow '\(workflow.key)'",
                    element: Self.aliasElement("workflow", contract: model.name, key: workflow.key),
                    location: workflow.location,
                    kind: "workflow",
                    in: &workflows,
                    wireNameHint: "give one of them another `name:`; workers register workflows by name"
                )
            }
            for activity in model.activities {
                claimNames(
                    wireName: activity.wireName,
                    aliases: activity.aliases,
                    owner: "activity '\(activity.key)'",
                    element: Self.aliasElement("activity", contract: model.name, key: activity.key),
                    location: activity.location,
                    kind: "activity",
                    in: &activities,
                    wireNameHint: "give one of them another `name:`; workers register activities by name"
                )
            }
            for handlers in [model.signals, model.queries, model.updates] {
                var claims: [String: NameClaim] = [:]
                for handler in handlers {
                    let kind = handler.kind.rawValue
                    claimNames(
                        wireName: handler.wireName,
                        aliases: handler.aliases,
                        owner: "\(kind) '\(handler.key)'",
                        element: Self.aliasElement(kind, contract: model.name, key: handler.key),
                        location: handler.location,
                        kind: kind,
                        in: &claims,
                        wireNameHint: "give one of them another `name:`"
                    )
                }
            }
        }
    }
}
