/// One difference between two versions of a contract that matters to running executions or peers.
public struct CompatibilityFinding: Hashable, Sendable, Codable {
    /// How a change affects what is already deployed.
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        /// Breaks running executions, stored histories or peers.
        case error
        /// Changes behaviour; nothing fails to decode.
        case warning
        /// Safe, listed so the change is visible.
        case info

        private var rank: Int {
            switch self {
            case .error: 2
            case .warning: 1
            case .info: 0
            }
        }

        /// Orders by seriousness: `info < warning < error`.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var rule: CompatibilityRule
    public var severity: Severity
    /// The changed element, stable across runs: `Orders.ProcessOrder`, `Orders.LineItem.unit_price`,
    /// `example.v1.Order.items`; ignore entries name it.
    public var element: String
    /// Where a payload change is reached from, e.g. `workflow ProcessOrder input: order.items[].unit_price`.
    public var usage: String?
    public var message: String
    /// In the new contract, or in the old one for what was removed.
    public var location: SourceLocation
    public var oldValue: String?
    public var newValue: String?
    /// How to evolve the contract instead.
    public var hint: String?
    /// Why the team accepted this change, when a configured ignore entry matched it.
    public var ignoredBecause: String?

    public init(
        rule: CompatibilityRule,
        severity: Severity,
        element: String,
        usage: String? = nil,
        message: String,
        location: SourceLocation,
        oldValue: String? = nil,
        newValue: String? = nil,
        hint: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.element = element
        self.usage = usage
        self.message = message
        self.location = location
        self.oldValue = oldValue
        self.newValue = newValue
        self.hint = hint
    }

    /// `path:line:column: error: [RULE] element: message (old: …, new: …)`, plus the usage and hint lines.
    public var formatted: String {
        var text = "\(location.description): \(severity.rawValue): [\(rule.rawValue)] \(element): \(message)"
        switch (oldValue, newValue) {
        case (let old?, let new?): text += " (old: \(old), new: \(new))"
        case (let old?, nil): text += " (old: \(old))"
        case (nil, let new?): text += " (new: \(new))"
        case (nil, nil): break
        }
        if let usage { text += "\n    used by: \(usage)" }
        if let hint { text += "\n    instead: \(hint)" }
        if let ignoredBecause { text += "\n    ignored: \(ignoredBecause)" }
        return text
    }
}
