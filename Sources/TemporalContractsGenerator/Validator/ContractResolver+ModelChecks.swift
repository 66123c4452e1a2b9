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

    /// Workflow and activity names must be unique, as workers register them by name.
    mutating func checkUniqueWireNames(_ models: [ContractModel]) {
        var workflows: [String: SourceLocation] = [:]
        var activities: [String: SourceLocation] = [:]
        for model in models {
            for workflow in model.workflows {
                if let earlier = workflows[workflow.wireName] {
                    diagnostics.error(
                        "workflow name '\(workflow.wireName)' is already used at \(earlier.description)",
                        at: workflow.location,
                        hint: "give one of them another `name:`; workers register workflows by name"
                    )
                } else {
                    workflows[workflow.wireName] = workflow.location
                }
            }
            for activity in model.activities {
                if let earlier = activities[activity.wireName] {
                    diagnostics.error(
                        "activity name '\(activity.wireName)' is already used at \(earlier.description)",
                        at: activity.location,
                        hint: "give one of them another `name:`; workers register activities by name"
                    )
                } else {
                    activities[activity.wireName] = activity.location
                }
            }
            for handlers in [model.signals, model.queries, model.updates] {
                var seen: [String: SourceLocation] = [:]
                for handler in handlers {
                    if let earlier = seen[handler.wireName] {
                        diagnostics.error(
                            "\(handler.kind.rawValue) name '\(handler.wireName)' is already used at \(earlier.description)",
                            at: handler.location,
                            hint: "give one of them another `name:`"
                        )
                    } else {
                        seen[handler.wireName] = handler.location
                    }
                }
            }
        }
    }
}
