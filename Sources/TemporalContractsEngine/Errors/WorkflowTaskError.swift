/// A workflow task that cannot complete: the worker reports it as failed (the server retries
/// it) rather than failing the workflow, since the cause is the code or the worker, not the
/// execution.
public struct WorkflowTaskError: Error, CustomStringConvertible, Sendable {
    public let message: String
    /// The history event the failure concerns, if one.
    public let eventID: Int64?

    public init(_ message: String, eventID: Int64? = nil) {
        self.message = message
        self.eventID = eventID
    }

    public var description: String {
        eventID.map { "\(message) (history event \($0))" } ?? message
    }
}

/// A query or update named no handler of the workflow.
public struct UnknownHandlerError: Error, CustomStringConvertible, Sendable {
    public let kind: String
    public let name: String
    public let workflowType: String
    public let known: [String]

    public var description: String {
        "\(kind) '\(name)' is not handled by workflow '\(workflowType)'; it handles: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
    }
}

/// A query handler or update validator tried to change the workflow.
public struct ReadOnlyViolationError: Error, CustomStringConvertible, Sendable {
    public let operation: String
    public let violations: [String]

    public var description: String {
        "\(operation) must not change the workflow: \(violations.joined(separator: "; ")). "
            + "Queries and update validators may only read state."
    }
}
