import ArgumentParser

/// A comma-separated list of positive counts as one option value (`--sizes 1000,10000`), parsed by
/// ArgumentParser so that a malformed entry is a usage error rather than silently dropped.
public struct CountList: ExpressibleByArgument, Sendable {
    /// The counts, in the order written.
    public var values: [Int]

    /// A list of `values`, for an option's default.
    public init(_ values: [Int]) {
        self.values = values
    }

    public init?(argument: String) {
        let parsed = argument.split(separator: ",", omittingEmptySubsequences: false).map {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        let values = parsed.compactMap { $0 }
        guard !values.isEmpty, values.count == parsed.count, values.allSatisfy({ $0 > 0 }) else { return nil }
        self.values = values
    }

    public var defaultValueDescription: String {
        values.map(String.init).joined(separator: ",")
    }
}
