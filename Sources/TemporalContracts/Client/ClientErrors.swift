/// A workflow with this ID is already running (or closed, under the ID reuse policy).
public struct WorkflowAlreadyStartedError: Error, Hashable, Sendable, CustomStringConvertible {
    public var workflowID: String
    public var workflowType: String
    public var runID: String?

    public init(workflowID: String, workflowType: String, runID: String? = nil) {
        self.workflowID = workflowID
        self.workflowType = workflowType
        self.runID = runID
    }

    public var description: String {
        "workflow '\(workflowID)' of type '\(workflowType)' is already started" + (runID.map { " (run \($0))" } ?? "")
    }
}

/// No workflow execution matches the ID (and run).
public struct WorkflowNotFoundError: Error, Hashable, Sendable, CustomStringConvertible {
    public var execution: WorkflowExecution

    public init(execution: WorkflowExecution) {
        self.execution = execution
    }

    public var description: String { "workflow '\(execution.workflowID)' was not found" }
}

/// The workflow ended without a result; `cause` is the typed failure (application error,
/// cancellation, termination, timeout).
public struct WorkflowFailedError: Error, Sendable, CustomStringConvertible {
    public var execution: WorkflowExecution
    public var cause: any TemporalFailureError

    public init(execution: WorkflowExecution, cause: any TemporalFailureError) {
        self.execution = execution
        self.cause = cause
    }

    public var description: String { "workflow '\(execution.workflowID)' failed: \(cause.message)" }
}

/// The workflow's query handler threw, or the query is unknown to it.
public struct QueryFailedError: Error, Hashable, Sendable, CustomStringConvertible {
    public var queryName: String
    public var message: String

    public init(queryName: String, message: String) {
        self.queryName = queryName
        self.message = message
    }

    public var description: String { "query '\(queryName)' failed: \(message)" }
}

/// The query was not run because the workflow's state did not allow it (query reject condition).
public struct QueryRejectedError: Error, Hashable, Sendable, CustomStringConvertible {
    public var queryName: String
    public var status: WorkflowExecutionStatus

    public init(queryName: String, status: WorkflowExecutionStatus) {
        self.queryName = queryName
        self.status = status
    }

    public var description: String { "query '\(queryName)' was rejected: the workflow is \(status)" }
}

/// An update was rejected by the workflow's validator or failed in its handler; `cause` is the
/// workflow's error.
public struct WorkflowUpdateFailedError: Error, Sendable, CustomStringConvertible {
    public var updateName: String
    public var updateID: String
    public var cause: any TemporalFailureError

    public init(updateName: String, updateID: String, cause: any TemporalFailureError) {
        self.updateName = updateName
        self.updateID = updateID
        self.cause = cause
    }

    /// The update and the whole cause chain, with each application error's type, so one log line
    /// says why: `update 'SetBudget' (id) failed: InvalidBudget: budget must not be negative`.
    public var description: String { "update '\(updateName)' (\(updateID)) failed: \(cause.chainDescription)" }
}

/// An option the server does not support for this operation, caught before anything is sent.
public struct UnsupportedOptionError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// The activity is no longer running: it completed, timed out, or its workflow closed.
public struct ActivityNotFoundError: Error, Hashable, Sendable, CustomStringConvertible {
    public init() {}

    public var description: String { "the activity is no longer running (completed, timed out, or its workflow closed)" }
}
