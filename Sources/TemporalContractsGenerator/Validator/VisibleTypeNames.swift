/// The type names a contract can see — its own, then those of its direct imports — in that order
/// for hints, and grouped by name so that a `$ref` finds its candidates without scanning them all,
/// which made resolving quadratic in the number of types.
struct VisibleTypeNames {
    /// Every visible name: the contract's own first, then each import's, in declaration order.
    let all: [QualifiedTypeName]
    /// The same names by their unqualified name, each group in the order of `all`.
    let byName: [String: [QualifiedTypeName]]

    init(_ all: [QualifiedTypeName]) {
        self.all = all
        self.byName = Dictionary(grouping: all, by: \.name)
    }
}
