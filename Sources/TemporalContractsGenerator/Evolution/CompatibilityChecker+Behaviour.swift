extension CompatibilityChecker {
    /// Handler lists and defaults of matched workflows.
    mutating func compareWorkflowDetails(handlerPairs: [Element.Kind: [String: (old: Element, new: Element)]]) {
        let oldWorkflows = Self.index(old.models) { $0.workflows.map { ($0.key, $0) } }
        let newWorkflows = Self.index(new.models) { $0.workflows.map { ($0.key, $0) } }
        for oldName in (handlerPairs[.workflow] ?? [:]).keys.sorted() {
            guard let pair = handlerPairs[.workflow]?[oldName], let oldWorkflow = oldWorkflows[pair.old.id],
                let newWorkflow = newWorkflows[pair.new.id]
            else { continue }
            let id = pair.new.id
            for (kind, oldUses, newUses) in [
                (Element.Kind.signal, oldWorkflow.signals, newWorkflow.signals),
                (.query, oldWorkflow.queries, newWorkflow.queries),
                (.update, oldWorkflow.updates, newWorkflow.updates),
            ] {
                let newNames = Set(newUses.map(\.handler.wireName))
                for use in oldUses {
                    // A handler that is gone altogether is reported as removed already.
                    guard let counterpart = handlerPairs[kind]?[use.handler.wireName]?.new, !newNames.contains(counterpart.wireName)
                    else { continue }
                    report(
                        CompatibilityFinding(
                            rule: .workflowHandlerRemoved,
                            severity: .error,
                            element: "\(id).\(counterpart.key)",
                            message:
                                "the workflow no longer accepts \(kind.rawValue) '\(counterpart.wireName)'; running executions and clients sending it fail",
                            location: newWorkflow.location,
                            oldValue: use.handler.wireName,
                            hint: "keep it in the workflow's `\(kind.rawValue)s` list while executions may receive it"
                        )
                    )
                }
                let oldCounterparts = Set(oldUses.compactMap { handlerPairs[kind]?[$0.handler.wireName]?.new.wireName })
                for use in newUses where !oldCounterparts.contains(use.handler.wireName) {
                    report(
                        CompatibilityFinding(
                            rule: .workflowHandlerAdded,
                            severity: .info,
                            element: "\(id).\(use.handler.key)",
                            message: "the workflow accepts \(kind.rawValue) '\(use.handler.wireName)'",
                            location: newWorkflow.location,
                            newValue: use.handler.wireName
                        )
                    )
                }
            }
            let location = newWorkflow.location
            compareSetting(.taskQueueChanged, id, "taskQueue", oldWorkflow.taskQueue, newWorkflow.taskQueue, location)
            compareSetting(.idTemplateChanged, id, "id", oldWorkflow.idTemplate?.source, newWorkflow.idTemplate?.source, location)
            compareSetting(
                .idReusePolicyChanged,
                id,
                "idReusePolicy",
                oldWorkflow.idReusePolicy?.rawValue,
                newWorkflow.idReusePolicy?.rawValue,
                location
            )
            compareSetting(
                .idConflictPolicyChanged,
                id,
                "idConflictPolicy",
                oldWorkflow.idConflictPolicy?.rawValue,
                newWorkflow.idConflictPolicy?.rawValue,
                location
            )
            compareDefaults(
                id,
                location,
                timeouts: [
                    ("executionTimeout", oldWorkflow.executionTimeout, newWorkflow.executionTimeout),
                    ("runTimeout", oldWorkflow.runTimeout, newWorkflow.runTimeout),
                    ("taskTimeout", oldWorkflow.taskTimeout, newWorkflow.taskTimeout),
                ],
                retryPolicies: (oldWorkflow.retryPolicy, newWorkflow.retryPolicy)
            )
            compareWorkflowOptions(id, old: oldWorkflow, new: newWorkflow)
        }
    }

    mutating func compareActivityDetails(pairs: [String: (old: Element, new: Element)]) {
        let oldActivities = Self.index(old.models) { $0.activities.map { ($0.key, $0) } }
        let newActivities = Self.index(new.models) { $0.activities.map { ($0.key, $0) } }
        for oldName in pairs.keys.sorted() {
            guard let pair = pairs[oldName], let oldActivity = oldActivities[pair.old.id], let newActivity = newActivities[pair.new.id]
            else { continue }
            let id = pair.new.id
            let location = newActivity.location
            compareSetting(.taskQueueChanged, id, "taskQueue", oldActivity.taskQueue, newActivity.taskQueue, location)
            compareDefaults(
                id,
                location,
                timeouts: [
                    ("scheduleToCloseTimeout", oldActivity.scheduleToCloseTimeout, newActivity.scheduleToCloseTimeout),
                    ("scheduleToStartTimeout", oldActivity.scheduleToStartTimeout, newActivity.scheduleToStartTimeout),
                    ("startToCloseTimeout", oldActivity.startToCloseTimeout, newActivity.startToCloseTimeout),
                    ("heartbeatTimeout", oldActivity.heartbeatTimeout, newActivity.heartbeatTimeout),
                ],
                retryPolicies: (oldActivity.retryPolicy, newActivity.retryPolicy)
            )
        }
    }

    mutating func compareUpdateDetails(pairs: [String: (old: Element, new: Element)]) {
        let oldUpdates = Self.index(old.models) { $0.updates.map { ($0.key, $0) } }
        let newUpdates = Self.index(new.models) { $0.updates.map { ($0.key, $0) } }
        for oldName in pairs.keys.sorted() {
            guard let pair = pairs[oldName], let oldUpdate = oldUpdates[pair.old.id], let newUpdate = newUpdates[pair.new.id],
                oldUpdate.hasValidator != newUpdate.hasValidator
            else { continue }
            report(
                CompatibilityFinding(
                    rule: newUpdate.hasValidator ? .updateValidatorAdded : .updateValidatorRemoved,
                    severity: newUpdate.hasValidator ? .warning : .info,
                    element: "\(pair.new.id).validate",
                    message: newUpdate.hasValidator
                        ? "the update is now validated; updates that were accepted may be rejected"
                        : "the update is no longer validated before it is accepted",
                    location: newUpdate.location,
                    oldValue: String(oldUpdate.hasValidator),
                    newValue: String(newUpdate.hasValidator)
                )
            )
        }
    }

    /// The timeouts and retry policy workflows and activities both default.
    mutating func compareDefaults(
        _ id: String,
        _ location: SourceLocation,
        timeouts: [(String, Duration?, Duration?)],
        retryPolicies: (old: RetryPolicyModel?, new: RetryPolicyModel?)
    ) {
        for (name, oldValue, newValue) in timeouts {
            compareSetting(.timeoutChanged, id, name, oldValue.map(Self.describe), newValue.map(Self.describe), location)
        }
        compareSetting(
            .retryPolicyChanged,
            id,
            "retryPolicy",
            retryPolicies.old.map(Self.describe),
            retryPolicies.new.map(Self.describe),
            location
        )
    }

    /// A warning when a default changed, naming the setting.
    mutating func compareSetting(
        _ rule: CompatibilityRule,
        _ id: String,
        _ setting: String,
        _ oldValue: String?,
        _ newValue: String?,
        _ location: SourceLocation
    ) {
        guard oldValue != newValue else { return }
        report(
            CompatibilityFinding(
                rule: rule,
                severity: .warning,
                element: "\(id).\(setting)",
                message: "`\(setting)` changed",
                location: location,
                oldValue: oldValue ?? "unset",
                newValue: newValue ?? "unset"
            )
        )
    }

    static func index<Value>(_ models: [ContractModel], _ entries: (ContractModel) -> [(String, Value)]) -> [String: Value] {
        var result: [String: Value] = [:]
        for model in models { for (key, value) in entries(model) { result["\(model.name).\(key)"] = value } }
        return result
    }

    static func describe(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0, seconds > 0, seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if attoseconds == 0, seconds > 0, seconds % 60 == 0 { return "\(seconds / 60)m" }
        if attoseconds == 0 { return "\(seconds)s" }
        return "\(Double(seconds) + Double(attoseconds) / 1e18)s"
    }

    static func describe(_ policy: RetryPolicyModel) -> String {
        var parts: [String] = []
        if let value = policy.initialInterval { parts.append("initialInterval \(describe(value))") }
        if let value = policy.backoffCoefficient { parts.append("backoffCoefficient \(value)") }
        if let value = policy.maximumInterval { parts.append("maximumInterval \(describe(value))") }
        if let value = policy.maximumAttempts { parts.append("maximumAttempts \(value)") }
        if !policy.nonRetryableErrorTypes.isEmpty {
            parts.append("nonRetryableErrorTypes [\(policy.nonRetryableErrorTypes.joined(separator: ", "))]")
        }
        return parts.isEmpty ? "server defaults" : parts.joined(separator: ", ")
    }
}
