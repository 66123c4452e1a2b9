/// Activities and their timeouts.
extension ContractResolver {
    mutating func resolveActivity(
        _ activity: ActivitySyntax,
        in syntax: ContractSyntax,
        contract: String,
        model: ContractModel
    ) -> ActivityModel {
        let signature = resolveSignature(
            input: activity.input,
            output: activity.output,
            in: syntax,
            contract: contract,
            owner: "activity '\(activity.key.value)'"
        )
        var resolved = ActivityModel(
            key: activity.key.value,
            wireName: wireName(activity.wireName, key: activity.key),
            signature: signature,
            location: activity.key.location
        )
        resolved.aliases = resolveAliases(
            activity.aliases,
            wireName: resolved.wireName,
            owner: "activity '\(activity.key.value)'",
            element: Self.aliasElement("activity", contract: contract, key: activity.key.value)
        )
        resolved.description = activity.description
        resolved.taskQueue = activity.taskQueue.flatMap { nonEmpty($0, what: "'taskQueue'") }
        resolved.scheduleToCloseTimeout = duration(activity.scheduleToCloseTimeout, what: "'scheduleToCloseTimeout'")
        resolved.scheduleToStartTimeout = duration(activity.scheduleToStartTimeout, what: "'scheduleToStartTimeout'")
        resolved.startToCloseTimeout = duration(activity.startToCloseTimeout, what: "'startToCloseTimeout'")
        resolved.heartbeatTimeout = duration(activity.heartbeatTimeout, what: "'heartbeatTimeout'")
        resolved.retryPolicy = retryPolicy(activity.retryPolicy)
        resolved.waitForCancellation = activity.waitForCancellation
        resolved.priority = priority(activity.priority)
        resolved.summary = activity.summary.flatMap { summary($0) }
        if resolved.scheduleToCloseTimeout == nil, resolved.startToCloseTimeout == nil,
            activity.scheduleToCloseTimeout == nil, activity.startToCloseTimeout == nil
        {
            diagnostics.warning(
                "activity '\(activity.key.value)' has neither 'startToCloseTimeout' nor 'scheduleToCloseTimeout'",
                at: activity.key.location,
                hint: "Temporal requires one of them; callers will have to pass it on every call"
            )
        }
        return resolved
    }
}
