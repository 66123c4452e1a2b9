/// The start and schedule options of issue 14 in the manifest: what a peer in another language
/// needs to start, schedule and index runs the way the generated Swift does.
extension ManifestBuilder {
    /// A declared search attribute: its name and index type.
    func searchAttribute(_ attribute: SearchAttributeModel) -> JSONValue {
        ["name": .string(attribute.name), "type": .string(attribute.kind.rawValue)]
    }

    /// A search attribute or memo entry the client sets at start: from an input field, or (text
    /// search attributes) from a `${! … }` expression.
    func inputMapping(_ mapping: InputMappingModel) -> JSONValue {
        var entry: [String: JSONValue] = ["name": .string(mapping.name)]
        entry["type"] = mapping.kind.map { .string($0.rawValue) }
        if let expression = mapping.expression {
            entry["expression"] = .string(expression.source)
        } else {
            entry["field"] = .array(mapping.path.map(JSONValue.string))
            entry["fieldType"] = typeReference(mapping.fieldType)
            entry["optional"] = .bool(mapping.isOptional)
        }
        return .object(entry)
    }

    func priority(_ priority: PriorityModel) -> JSONValue {
        var entry: [String: JSONValue] = [:]
        entry["priorityKey"] = priority.priorityKey.map(JSONValue.integer)
        entry["fairnessKey"] = priority.fairnessKey.map(JSONValue.string)
        entry["fairnessWeight"] = priority.fairnessWeight.map(JSONValue.number)
        return .object(entry)
    }

    /// Adds a workflow's search attributes, memo, child, priority, eager-start, versioning and
    /// user-metadata defaults to its entry.
    func addStartOptions(of workflow: WorkflowModel, to entry: inout [String: JSONValue]) {
        entry["searchAttributes"] = .array(workflow.searchAttributeMappings.map(inputMapping))
        entry["memo"] = .array(workflow.memoMappings.map(inputMapping))
        entry["enableEagerStart"] = workflow.enableEagerStart.map(JSONValue.bool)
        entry["versioningBehavior"] = workflow.versioningBehavior.map { .string($0.rawValue) }
        entry["parentClosePolicy"] = workflow.parentClosePolicy.map { .string($0.rawValue) }
        entry["waitForCancellation"] = workflow.waitForCancellation.map(JSONValue.bool)
        entry["priority"] = workflow.priority.map(priority)
        entry["summary"] = workflow.summary.map(JSONValue.string)
        entry["details"] = workflow.details.map(JSONValue.string)
    }

    /// Adds an activity's cancellation, priority and user-metadata defaults to its entry.
    func addScheduleOptions(of activity: ActivityModel, to entry: inout [String: JSONValue]) {
        entry["waitForCancellation"] = activity.waitForCancellation.map(JSONValue.bool)
        entry["priority"] = activity.priority.map(priority)
        entry["summary"] = activity.summary.map(JSONValue.string)
    }
}
