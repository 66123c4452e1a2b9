/// What each soak workflow must return, computed from its index alone, and the signals and
/// updates the driver sends it: the workflow and the soak's checks share these rules, while the
/// outcome is produced by the workflow on the worker and compared with `expected(for:)`.
public enum ChaosOracle {
    /// The attempts Flaky fails before it succeeds.
    public static func failures(of index: Int) -> Int { index % 3 }

    /// Flaky's result on its last attempt.
    public static func flaky(of index: Int) -> Int { index * 3 }

    /// Mix's result (run as a local activity).
    public static func mix(of index: Int) -> Int { index * 5 + 1 }

    /// The value the workflow's side effect records.
    public static func sideEffect(of index: Int) -> Int { index * 7 }

    /// Added when the run takes the `chaos-bonus` patch (every run of this code does).
    public static let patchBonus = 1_000

    /// The Square child's input.
    public static func childInput(of index: Int) -> Int { index % 50 }

    /// The tags the driver signals.
    public static func tags(of index: Int) -> [String] { ["a-\(index)", "b-\(index)", "c-\(index)"] }

    /// The deposits the driver sends and the workflow accepts: update ID and amount.
    public static func deposits(of index: Int) -> [(id: String, amount: Int)] {
        [("deposit-\(index)-1", index % 7 + 1), ("deposit-\(index)-2", index % 5 + 2)]
    }

    /// A deposit the validator rejects.
    public static func rejectedDeposit(of index: Int) -> (id: String, amount: Int) { ("deposit-\(index)-rejected", 0) }

    /// The outcome the workflow must return.
    public static func expected(for index: Int) -> Chaos.Outcome {
        let child = childInput(of: index)
        return Chaos.Outcome(
            index: index,
            total: flaky(of: index) + mix(of: index) + sideEffect(of: index) + patchBonus + child * child,
            signals: tags(of: index).sorted(),
            deposits: deposits(of: index).map(\.id),
            balance: deposits(of: index).map(\.amount).reduce(0, +),
            patched: true,
            lingerCanceled: true
        )
    }
}
