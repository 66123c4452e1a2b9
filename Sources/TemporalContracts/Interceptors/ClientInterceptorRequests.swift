import Foundation

/// A signal-with-start as a client interceptor sees it: the start and the signal, each with its
/// own headers.
public struct SignalWithStartWorkflowRequest: Sendable {
    public var start: StartWorkflowRequest
    public var signal: SignalWorkflowRequest

    public init(start: StartWorkflowRequest, signal: SignalWorkflowRequest) {
        self.start = start
        self.signal = signal
    }
}

/// An update-with-start as a client interceptor sees it: the start and the update, each with
/// its own headers.
public struct UpdateWithStartWorkflowRequest: Sendable {
    public var start: StartWorkflowRequest
    public var update: UpdateWorkflowRequest

    public init(start: StartWorkflowRequest, update: UpdateWorkflowRequest) {
        self.start = start
        self.update = update
    }
}

/// The wait for a workflow's outcome.
public struct WorkflowResultRequest: Sendable {
    public var execution: WorkflowExecution
    /// The workflow type the caller expects, when the caller knows it.
    public var workflowType: String?

    public init(execution: WorkflowExecution, workflowType: String? = nil) {
        self.execution = execution
        self.workflowType = workflowType
    }
}

/// A request to cancel a workflow.
public struct CancelWorkflowRequest: Sendable {
    public var execution: WorkflowExecution
    public var reason: String
    /// Makes retries of the same request idempotent.
    public var requestID: String

    public init(execution: WorkflowExecution, reason: String, requestID: String = UUID().uuidString.lowercased()) {
        self.execution = execution
        self.reason = reason
        self.requestID = requestID
    }
}

/// A request to terminate a workflow.
public struct TerminateWorkflowRequest: Sendable {
    public var execution: WorkflowExecution
    public var reason: String

    public init(execution: WorkflowExecution, reason: String) {
        self.execution = execution
        self.reason = reason
    }
}

/// A request to describe a workflow.
public struct DescribeWorkflowRequest: Sendable {
    public var execution: WorkflowExecution

    public init(execution: WorkflowExecution) {
        self.execution = execution
    }
}

/// A request for one page of a visibility list.
public struct ListWorkflowsRequest: Sendable {
    /// The visibility query; `""` selects every workflow.
    public var query: String
    public var pageSize: Int
    /// Nil for the first page.
    public var nextPageToken: Data?

    public init(query: String, pageSize: Int, nextPageToken: Data? = nil) {
        self.query = query
        self.pageSize = pageSize
        self.nextPageToken = nextPageToken
    }
}
