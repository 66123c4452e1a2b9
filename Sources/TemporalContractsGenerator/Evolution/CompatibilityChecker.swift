/// Compares two versions of a set of contracts the way Temporal sees them: names on the wire,
/// payloads under the default JSON (and protobuf) converter, and the defaults that shape runs.
///
/// Direction decides what breaks. An input (of a workflow, signal, query, update or activity) is
/// written by the old version (old clients, stored histories) and read by the new one; an output is
/// written by the new version and read by the old one. Activity results are stored in histories that
/// new workflow code replays, so they are checked both ways. A type reached both ways gets the worse
/// of the two verdicts, once.
public struct CompatibilityChecker {
    /// Which way a payload travels between the versions.
    enum Direction: Hashable {
        /// Old writes, new reads.
        case input
        /// New writes, old reads.
        case output
    }

    /// A configured acceptance of a change: the rule, the element it concerns, and why.
    public struct Ignore: Hashable, Sendable, Codable {
        public var rule: CompatibilityRule
        public var element: String
        public var reason: String
        public var location: SourceLocation

        public init(rule: CompatibilityRule, element: String, reason: String, location: SourceLocation) {
            self.rule = rule
            self.element = element
            self.reason = reason
            self.location = location
        }
    }

    let old: Version
    let new: Version
    var findings: [FindingKey: CompatibilityFinding] = [:]
    var order: [FindingKey] = []
    var comparedTypes: Set<TypePair> = []

    struct FindingKey: Hashable {
        var rule: CompatibilityRule
        var element: String
    }

    struct TypePair: Hashable {
        var old: String
        var new: String
        var direction: Direction
    }

    init(old: [ContractModel], new: [ContractModel]) {
        self.old = Version(old)
        self.new = Version(new)
    }

    /// Every finding between `old` and `new`, with `ignores` applied.
    public static func check(old: [ContractModel], new: [ContractModel], ignoring ignores: [Ignore] = []) -> CompatibilityReport {
        var checker = CompatibilityChecker(old: old, new: new)
        checker.compareElements()
        var findings = checker.order.compactMap { checker.findings[$0] }
        var used = Set<Ignore>()
        for index in findings.indices {
            if let ignore = ignores.first(where: { $0.rule == findings[index].rule && $0.element == findings[index].element }) {
                findings[index].ignoredBecause = ignore.reason
                used.insert(ignore)
            }
        }
        findings.sort {
            ($0.location.file, $0.location.line, $0.location.column, $0.rule.rawValue, $0.element)
                < ($1.location.file, $1.location.line, $1.location.column, $1.rule.rawValue, $1.element)
        }
        return CompatibilityReport(findings: findings, unusedIgnores: ignores.filter { !used.contains($0) })
    }

    /// Records a finding once per rule and element, keeping the most serious verdict and the first usage.
    mutating func report(_ finding: CompatibilityFinding) {
        let key = FindingKey(rule: finding.rule, element: finding.element)
        if let existing = findings[key] {
            if finding.severity > existing.severity {
                var upgraded = finding
                upgraded.usage = finding.usage ?? existing.usage
                findings[key] = upgraded
            }
            return
        }
        findings[key] = finding
        order.append(key)
    }
}

extension CompatibilityChecker {
    /// One version of the contracts, indexed for lookups.
    struct Version {
        var models: [ContractModel]
        var types: [QualifiedTypeName: NamedType] = [:]
        var protoMessages: [String: ProtoMessageModel] = [:]

        init(_ models: [ContractModel]) {
            self.models = models
            for model in models {
                for type in model.types { types[QualifiedTypeName(contract: model.name, name: type.name)] = type }
                protoMessages.merge(model.protoMessages) { first, _ in first }
            }
        }
    }
}
