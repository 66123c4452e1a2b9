import TemporalContractsGenerator

/// Plants known changes into a resolved contract, each of which the breaking check must report
/// exactly once under a predictable rule and element.
struct PlantedChanges {
    struct Expectation: Hashable {
        var rule: CompatibilityRule
        var element: String
    }

    private(set) var expected: [Expectation] = []

    /// Applies `count` changes, spread over kinds, to distinct elements of `model`.
    mutating func plant(_ count: Int, into model: inout ContractModel) {
        let contract = model.name
        let reachable = Self.reachableTypes(of: model)
        var objects = model.types.indices.filter { index in
            guard case .object(let properties) = model.types[index].kind else { return false }
            return reachable.contains(model.types[index].name) && properties.count >= 2
        }
        var enums = model.types.indices.filter { index in
            guard case .stringEnum = model.types[index].kind else { return false }
            return reachable.contains(model.types[index].name)
        }
        var workflows = Array(model.workflows.indices)
        var activities = Array(model.activities.indices)
        var signals = Array(model.signals.indices)
        let kinds = 6
        var removedSignals: [Int] = []
        for index in 0..<count {
            switch index % kinds {
            case 0 where !objects.isEmpty:
                // A field removed from a type some handler reaches.
                let type = objects.removeFirst()
                guard case .object(var properties) = model.types[type].kind else { continue }
                let removed = properties.removeLast()
                model.types[type].kind = .object(properties)
                expected.append(Expectation(rule: .fieldRemoved, element: "\(contract).\(model.types[type].name).\(removed.wireName)"))
            case 1 where !objects.isEmpty:
                // An optional field made required, or a required one made optional.
                let type = objects.removeFirst()
                guard case .object(var properties) = model.types[type].kind else { continue }
                properties[0].isRequired.toggle()
                model.types[type].kind = .object(properties)
                expected.append(
                    Expectation(
                        rule: properties[0].isRequired ? .fieldMadeRequired : .fieldMadeOptional,
                        element: "\(contract).\(model.types[type].name).\(properties[0].wireName)"
                    )
                )
            case 2 where !enums.isEmpty:
                let type = enums.removeFirst()
                guard case .stringEnum(var values) = model.types[type].kind else { continue }
                values.append("planted_value")
                model.types[type].kind = .stringEnum(values)
                expected.append(Expectation(rule: .enumValueAdded, element: "\(contract).\(model.types[type].name).planted_value"))
            case 3 where !workflows.isEmpty:
                let workflow = workflows.removeFirst()
                model.workflows[workflow].wireName += "V2"
                expected.append(Expectation(rule: .workflowNameChanged, element: "\(contract).\(model.workflows[workflow].key)"))
            case 4 where !activities.isEmpty:
                let activity = activities.removeFirst()
                model.activities[activity].startToCloseTimeout = .seconds(4_321)
                expected.append(
                    Expectation(rule: .timeoutChanged, element: "\(contract).\(model.activities[activity].key).startToCloseTimeout")
                )
            case 5 where !signals.isEmpty:
                let signal = signals.removeFirst()
                removedSignals.append(signal)
                expected.append(Expectation(rule: .signalRemoved, element: "\(contract).\(model.signals[signal].key)"))
            default:
                continue
            }
        }
        // A removed signal leaves the workflows' lists too, as it must in a valid contract.
        let removedNames = Set(removedSignals.map { model.signals[$0].wireName })
        for workflow in model.workflows.indices {
            model.workflows[workflow].signals.removeAll { removedNames.contains($0.handler.wireName) }
        }
        for signal in removedSignals.sorted(by: >) { model.signals.remove(at: signal) }
    }

    /// Names of the types some workflow, handler or activity reaches: only their changes matter.
    static func reachableTypes(of model: ContractModel) -> Set<String> {
        let byName = Dictionary(model.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var reached = Set<String>()
        var pending: [TypeReference] = []
        let signatures =
            model.workflows.map(\.signature) + model.activities.map(\.signature)
            + (model.signals + model.queries + model.updates).map(\.signature)
        for signature in signatures {
            pending += signature.inputTypes
            if let output = signature.output { pending.append(output) }
        }
        while let type = pending.popLast() {
            switch type {
            case .array(let element), .map(let element): pending.append(element)
            case .named(let name):
                guard reached.insert(name.name).inserted, let declaration = byName[name.name] else { continue }
                switch declaration.kind {
                case .object(let properties): pending += properties.map(\.type)
                case .alias(let target): pending.append(target)
                case .stringEnum, .integerEnum: break
                }
            default: continue
            }
        }
        return reached
    }
}
