extension Dictionary where Key == String {
    /// Workflow or activity registrations by every name they answer to: their wire names and
    /// their aliases, so a task for a former type name finds the registration that took it over.
    ///
    /// Wire names are filed first and aliases only where no wire name claims the name, so a
    /// registration renamed to another's former name wins over that alias. Registrations that
    /// share a name keep the first one when `keepingFirst` is true, else the last one.
    package init(
        registrations: some Sequence<Value>,
        keepingFirst: Bool,
        names: (Value) -> (name: String, aliases: [String])
    ) {
        var byWireName: [String: Value] = [:]
        var byAlias: [String: Value] = [:]
        func file(_ registration: Value, under name: String, in table: inout [String: Value]) {
            guard !keepingFirst || table[name] == nil else { return }
            table[name] = registration
        }
        for registration in registrations {
            let (name, aliases) = names(registration)
            file(registration, under: name, in: &byWireName)
            for alias in aliases { file(registration, under: alias, in: &byAlias) }
        }
        self = byAlias.merging(byWireName) { _, wireName in wireName }
    }
}
