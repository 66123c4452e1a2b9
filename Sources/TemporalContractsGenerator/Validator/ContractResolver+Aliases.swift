/// Former wire names (`aliases:`): workers register a workflow, handler or activity under each of
/// them as well as under its wire name, so every alias must be a name nothing else of its kind
/// answers to.
extension ContractResolver {
    /// What answers to a name among the workflows, the activities, or one kind of handler of a
    /// contract: for reporting a second claim on the name.
    struct NameClaim {
        /// `workflow 'BookTrip'`.
        var owner: String
        var isAlias: Bool
        var location: SourceLocation
    }

    /// The aliases of one element that can be used: empty ones, its own wire name and repeats are
    /// reported and left out. The locations of the rest are kept for `checkUniqueWireNames`.
    mutating func resolveAliases(
        _ aliases: [Located<String>],
        wireName: String,
        owner: String,
        element: String
    ) -> [String] {
        var resolved: [String] = []
        var seen: [String: SourceLocation] = [:]
        for alias in aliases {
            if alias.value.isEmpty {
                diagnostics.error(
                    "an alias of \(owner) is empty",
                    at: alias.location,
                    hint: "remove the empty entry from 'aliases'"
                )
            } else if alias.value == wireName {
                diagnostics.error(
                    "alias '\(alias.value)' of \(owner) is its current name",
                    at: alias.location,
                    hint: "an alias is a former name, which workers serve besides the current one; remove it from 'aliases'"
                )
            } else if let earlier = seen[alias.value] {
                diagnostics.error(
                    "alias '\(alias.value)' of \(owner) is listed twice",
                    at: alias.location,
                    hint: "it is also listed at \(earlier.description); remove one"
                )
            } else {
                seen[alias.value] = alias.location
                resolved.append(alias.value)
            }
        }
        aliasLocations[element] = seen
        return resolved
    }

    /// The key `aliasLocations` files an element's aliases under.
    static func aliasElement(_ kind: String, contract: String, key: String) -> String {
        "\(kind) \(contract).\(key)"
    }

    /// Claims `name` for `owner`, or reports that something else of the kind answers to it
    /// already: a wire name or an alias of an earlier element.
    mutating func claim(
        _ name: String,
        for claim: NameClaim,
        kind: String,
        in claims: inout [String: NameClaim],
        wireNameHint: String
    ) {
        guard let earlier = claims[name] else {
            claims[name] = claim
            return
        }
        let subject = claim.isAlias ? "alias '\(name)' of \(claim.owner)" : "\(kind) name '\(name)'"
        if !claim.isAlias, !earlier.isAlias {
            diagnostics.error("\(subject) is already used at \(earlier.location.description)", at: claim.location, hint: wireNameHint)
            return
        }
        let what = earlier.isAlias ? "an alias of \(earlier.owner)" : "the name of \(earlier.owner)"
        diagnostics.error(
            "\(subject) is already \(what) at \(earlier.location.description)",
            at: claim.location,
            hint: "workers serve each \(kind) under its name and every alias; remove the alias or rename the other \(kind)"
        )
    }

    /// Claims an element's wire name, then each of its aliases.
    mutating func claimNames(
        wireName: String,
        aliases: [String],
        owner: String,
        element: String,
        location: SourceLocation,
        kind: String,
        in claims: inout [String: NameClaim],
        wireNameHint: String
    ) {
        claim(
            wireName,
            for: NameClaim(owner: owner, isAlias: false, location: location),
            kind: kind,
            in: &claims,
            wireNameHint: wireNameHint
        )
        for alias in aliases {
            let aliasLocation = aliasLocations[element]?[alias] ?? location
            claim(
                alias,
                for: NameClaim(owner: owner, isAlias: true, location: aliasLocation),
                kind: kind,
                in: &claims,
                wireNameHint: wireNameHint
            )
        }
    }
}
