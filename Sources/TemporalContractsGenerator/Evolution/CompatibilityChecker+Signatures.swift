extension CompatibilityChecker {
    /// Compares inputs (old writes, new reads) and outputs (new writes, old reads) of a matched pair.
    mutating func compareSignatures(_ old: Element, _ new: Element, activityResultsStored: Bool) {
        let usage = "\(new.kind.rawValue) \(new.key)"
        compareInputs(old, new, usage: usage)
        switch (old.signature.output, new.signature.output) {
        case (nil, nil): break
        case (nil, let added?):
            report(
                CompatibilityFinding(
                    rule: .outputAdded,
                    severity: .warning,
                    element: "\(new.id).output",
                    message: "a result is returned where there was none; old callers discard it",
                    location: new.location,
                    newValue: describe(added, in: self.new)
                )
            )
        case (let removed?, nil):
            report(
                CompatibilityFinding(
                    rule: .outputRemoved,
                    severity: .error,
                    element: "\(new.id).output",
                    message: "the result was removed; old callers decoding it fail",
                    location: new.location,
                    oldValue: describe(removed, in: self.old),
                    hint: "keep returning the result (it may gain optional fields), or add a new \(new.kind.rawValue)"
                )
            )
        case (let oldOutput?, let newOutput?):
            let path = PayloadPath(
                anchor: "\(new.id).output",
                usage: "\(usage) output",
                oldLocation: old.location,
                newLocation: new.location
            )
            compareTypes(oldOutput, newOutput, .output, path)
            // Stored activity results are read again by new workflow code on replay.
            if activityResultsStored { compareTypes(oldOutput, newOutput, .input, path) }
        }
    }

    mutating func compareInputs(_ old: Element, _ new: Element, usage: String) {
        let oldInputs = Self.payloads(old.signature.input)
        let newInputs = Self.payloads(new.signature.input)
        if case .single = old.signature.input, case .parameters(let parameters) = new.signature.input, parameters.count != 1 {
            reportShapeChange(old, new, from: "input", to: "\(parameters.count) params")
            return
        }
        if case .parameters(let parameters) = old.signature.input, parameters.count != 1, case .single = new.signature.input {
            reportShapeChange(old, new, from: "\(parameters.count) params", to: "input")
            return
        }
        let oldNames = oldInputs.map(\.name)
        let newNames = newInputs.map(\.name)
        if oldInputs.count == newInputs.count, oldNames != newNames, oldNames.sorted() == newNames.sorted(),
            Set(oldNames).count == oldNames.count
        {
            report(
                CompatibilityFinding(
                    rule: .parametersReordered,
                    severity: .error,
                    element: "\(new.id).params",
                    message: "positional parameters were reordered; old clients send them in the old order",
                    location: new.location,
                    oldValue: oldNames.joined(separator: ", "),
                    newValue: newNames.joined(separator: ", "),
                    hint: "keep the order; add new parameters only as fields of an input type"
                )
            )
            return
        }
        for (index, parameter) in newInputs.enumerated() where index >= oldInputs.count {
            report(
                CompatibilityFinding(
                    rule: .parameterAdded,
                    severity: .error,
                    element: "\(new.id).\(parameter.name)",
                    message: "parameter '\(parameter.name)' was added; old clients and stored histories do not send it",
                    location: new.location,
                    newValue: describe(parameter.type, in: self.new),
                    hint: "take one input type and add an optional field to it, or add a new \(new.kind.rawValue)"
                )
            )
        }
        for (index, parameter) in oldInputs.enumerated() where index >= newInputs.count {
            report(
                CompatibilityFinding(
                    rule: .parameterRemoved,
                    severity: .error,
                    element: "\(new.id).\(parameter.name)",
                    message: "parameter '\(parameter.name)' was removed; old clients and stored histories still send it",
                    location: new.location,
                    oldValue: describe(parameter.type, in: self.old),
                    hint: "keep the parameter and ignore its value"
                )
            )
        }
        for (oldInput, newInput) in zip(oldInputs, newInputs) {
            let single = newInputs.count == 1 && oldInputs.count == 1
            let label = single ? "input" : newInput.name
            let path = PayloadPath(
                anchor: "\(new.id).\(label)",
                usage: "\(usage) \(single ? "input" : "parameter \(label)")",
                oldLocation: old.location,
                newLocation: new.location
            )
            compareTypes(oldInput.type, newInput.type, .input, path)
        }
    }

    mutating func reportShapeChange(_ old: Element, _ new: Element, from: String, to: String) {
        report(
            CompatibilityFinding(
                rule: .inputShapeChanged,
                severity: .error,
                element: "\(new.id).input",
                message: "the payloads changed from \(from) to \(to); old clients send the old number of payloads",
                location: new.location,
                oldValue: from,
                newValue: to,
                hint: "keep the input's shape; add optional fields to the input type instead"
            )
        )
    }

    /// The payloads of an input in wire order, named (`input` for a single one).
    static func payloads(_ input: HandlerSignature.Input) -> [(name: String, type: TypeReference)] {
        switch input {
        case .none: []
        case .single(let type): [("input", type)]
        case .parameters(let parameters): parameters.map { ($0.name, $0.type) }
        }
    }
}
