import Foundation
import TemporalContracts

/// The visibility queries the test environment answers: `Name = 'value'` comparisons joined by
/// `AND`, on search attributes and on `WorkflowId`, `WorkflowType` and `ExecutionStatus`. A
/// real server answers the full language; anything else here is refused with that hint.
struct VisibilityQuery {
    /// The required value of each name.
    let comparisons: [(name: String, value: String)]

    init(_ query: String) throws {
        var comparisons: [(String, String)] = []
        let clauses = query.components(separatedBy: " AND ").map { $0.trimmingCharacters(in: .whitespaces) }
        for clause in clauses where !clause.isEmpty {
            let parts = clause.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 2,
                let quote = parts[1].first, quote == "'" || quote == "\"", parts[1].last == quote
            else {
                throw UnsupportedOptionError(
                    "the test environment answers list queries of the form `Name = 'value' AND …` only, not `\(clause)`; "
                        + "other visibility queries need a real server"
                )
            }
            comparisons.append((parts[0], String(parts[1].dropFirst().dropLast())))
        }
        self.comparisons = comparisons
    }

    /// Whether a run with these properties is selected.
    func matches(_ description: WorkflowExecutionDescription) -> Bool {
        let attributes = description.typedSearchAttributes
        return comparisons.allSatisfy { name, value in
            switch name {
            case "WorkflowId": return description.execution.workflowID == value
            case "WorkflowType": return description.workflowType == value
            case "ExecutionStatus": return "\(description.status)".lowercased() == value.lowercased()
            default:
                switch attributes[name] {
                case .keyword(let text), .text(let text): return text == value
                case .keywordList(let values): return values.contains(value)
                case .int(let number): return "\(number)" == value
                case .double(let number): return "\(number)" == value
                case .bool(let flag): return "\(flag)" == value
                case .date(let seconds): return RFC3339.date(from: value)?.timeIntervalSince1970 == seconds
                case nil: return false
                }
            }
        }
    }
}
