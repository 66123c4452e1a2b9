import Foundation

/// Parses contract durations: a sequence of `<number><unit>` such as `250ms`, `30s`, `1h30m`.
/// Go's `time.ParseDuration` units (`ns`, `us`, `ms`, `s`, `m`, `h`) plus `d` for days, so a value
/// copied from a Go or Python configuration means the same here.
enum DurationParser {
    static let units: [(suffix: String, nanoseconds: Int64)] = [
        ("ns", 1), ("us", 1_000), ("µs", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000),
        ("m", 60_000_000_000), ("h", 3_600_000_000_000), ("d", 86_400_000_000_000),
    ]

    /// The duration, or nil when the text is not a valid positive duration.
    static func parse(_ text: String) -> Duration? {
        guard let total = nanoseconds(text), total > 0, total < Double(Int64.max) else { return nil }
        return .nanoseconds(Int64(total.rounded()))
    }

    /// Whether the text is a well-formed zero duration (`0s`, `0m0s`), which means "not set".
    static func isZero(_ text: String) -> Bool {
        nanoseconds(text) == 0
    }

    private static func nanoseconds(_ text: String) -> Double? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { return nil }
        var total: Double = 0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { $0.isLetter }
            // Longest match first: "ms" before "m", "ns" before "s".
            guard let unit = units.first(where: { $0.suffix == unitText }) else { return nil }
            rest = rest.dropFirst(unitText.count)
            total += value * Double(unit.nanoseconds)
        }
        return total
    }
}

extension Duration {
    /// Whole nanoseconds, which is all contracts can express.
    var totalNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
