/// The settings workflows and activities share: wire names, task queues, durations, retry and ID policies.
extension ContractResolver {
    mutating func nonEmpty(_ value: Located<String>, what: String) -> String? {
        if value.value.isEmpty {
            diagnostics.error("\(what) is empty", at: value.location)
            return nil
        }
        return value.value
    }

    mutating func wireName(_ explicit: Located<String>?, key: Located<String>) -> String {
        guard let explicit else { return key.value }
        if explicit.value.isEmpty {
            diagnostics.error("'name' is empty", at: explicit.location, hint: "remove it to use the key as the wire name")
            return key.value
        }
        return explicit.value
    }

    mutating func duration(_ text: Located<String>?, what: String) -> Duration? {
        // An explicit zero means "not set" (the server's default), as protoc-gen-go-temporal reads it.
        guard let text, !DurationParser.isZero(text.value) else { return nil }
        guard let duration = DurationParser.parse(text.value) else {
            diagnostics.error(
                "'\(text.value)' is not a valid duration for \(what)",
                at: text.location,
                hint: "write a positive number with a unit: 250ms, 30s, 5m, 1h30m, 2d"
            )
            return nil
        }
        return duration
    }

    mutating func retryPolicy(_ syntax: RetryPolicySyntax?) -> RetryPolicyModel? {
        guard let syntax else { return nil }
        var policy = RetryPolicyModel(
            initialInterval: duration(syntax.initialInterval, what: "'initialInterval'"),
            backoffCoefficient: syntax.backoffCoefficient?.value,
            maximumInterval: duration(syntax.maximumInterval, what: "'maximumInterval'"),
            maximumAttempts: syntax.maximumAttempts?.value,
            nonRetryableErrorTypes: syntax.nonRetryableErrorTypes.map(\.value)
        )
        if let coefficient = syntax.backoffCoefficient, coefficient.value < 1 {
            diagnostics.error(
                "'backoffCoefficient' must be at least 1, found \(coefficient.value)",
                at: coefficient.location,
                hint: "Temporal multiplies the interval by it after each attempt; 2 is the default"
            )
            policy.backoffCoefficient = nil
        }
        if let attempts = syntax.maximumAttempts, attempts.value < 0 {
            diagnostics.error(
                "'maximumAttempts' cannot be negative",
                at: attempts.location,
                hint: "0 means unlimited attempts"
            )
            policy.maximumAttempts = nil
        }
        if let initial = policy.initialInterval, let maximum = policy.maximumInterval, maximum < initial {
            diagnostics.error(
                "'maximumInterval' is shorter than 'initialInterval'",
                at: syntax.maximumInterval!.location,
                hint: "the server rejects such a policy; raise 'maximumInterval'"
            )
        }
        return policy
    }

    mutating func policy<Policy: RawRepresentable & CaseIterable>(
        _ type: Policy.Type,
        _ text: Located<String>,
        what: String
    ) -> Policy? where Policy.RawValue == String {
        if let policy = Policy(rawValue: text.value) { return policy }
        diagnostics.error(
            "unknown \(what) '\(text.value)'",
            at: text.location,
            hint: "one of: " + Policy.allCases.map(\.rawValue).joined(separator: ", ")
        )
        return nil
    }
}
