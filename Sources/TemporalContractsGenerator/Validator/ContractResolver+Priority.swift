/// `priority`: the key within the server's range, a positive weight.
extension ContractResolver {
    mutating func priority(_ syntax: PrioritySyntax?) -> PriorityModel? {
        guard let syntax else { return nil }
        var model = PriorityModel()
        if let key = syntax.priorityKey {
            if PriorityModel.priorityKeys.contains(key.value) {
                model.priorityKey = key.value
            } else {
                diagnostics.error(
                    "'priorityKey' must be between \(PriorityModel.priorityKeys.lowerBound) and \(PriorityModel.priorityKeys.upperBound), found \(key.value)",
                    at: key.location,
                    hint: "1 is served first, 5 last; leave it out for the server's default (3)"
                )
            }
        }
        if let fairnessKey = syntax.fairnessKey {
            model.fairnessKey = nonEmpty(fairnessKey, what: "'fairnessKey'")
        }
        if let weight = syntax.fairnessWeight {
            if weight.value > 0, weight.value.isFinite {
                model.fairnessWeight = weight.value
            } else {
                diagnostics.error(
                    "'fairnessWeight' must be a positive number, found \(weight.value)",
                    at: weight.location,
                    hint: "the weight is the fairness key's share of the queue; leave it out for the default (1)"
                )
            }
        }
        return model == PriorityModel() ? nil : model
    }
}
