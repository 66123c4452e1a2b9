/// A workflow run as a worker interceptor sees it.
public struct ExecuteWorkflowInput: Sendable {
    public var workflowType: String
    public var arguments: [Payload]
    /// The headers the start carried (from the `WorkflowExecutionStarted` event).
    public var headers: [String: Payload]

    public init(workflowType: String, arguments: [Payload], headers: [String: Payload] = [:]) {
        self.workflowType = workflowType
        self.arguments = arguments
        self.headers = headers
    }
}

/// A signal delivered to the workflow.
public struct HandleSignalInput: Sendable {
    public var signalName: String
    public var arguments: [Payload]
    public var headers: [String: Payload]

    public init(signalName: String, arguments: [Payload], headers: [String: Payload] = [:]) {
        self.signalName = signalName
        self.arguments = arguments
        self.headers = headers
    }
}

/// A query the workflow answers.
public struct HandleQueryInput: Sendable {
    public var queryName: String
    public var arguments: [Payload]
    public var headers: [String: Payload]

    public init(queryName: String, arguments: [Payload], headers: [String: Payload] = [:]) {
        self.queryName = queryName
        self.arguments = arguments
        self.headers = headers
    }
}

/// An update the workflow validates and handles.
public struct HandleUpdateInput: Sendable {
    public var updateName: String
    public var updateID: String
    public var arguments: [Payload]
    public var headers: [String: Payload]

    public init(updateName: String, updateID: String, arguments: [Payload], headers: [String: Payload] = [:]) {
        self.updateName = updateName
        self.updateID = updateID
        self.arguments = arguments
        self.headers = headers
    }
}

/// An activity or local activity the workflow schedules.
public struct ScheduleActivityInput: Sendable {
    public var activityType: String
    public var arguments: [Payload]
    public var options: ActivityOptions
    /// Sent with the schedule command; the activity's worker reads them.
    public var headers: [String: Payload]

    public init(activityType: String, arguments: [Payload], options: ActivityOptions, headers: [String: Payload] = [:]) {
        self.activityType = activityType
        self.arguments = arguments
        self.options = options
        self.headers = headers
    }
}

/// A child workflow the workflow starts.
public struct StartChildWorkflowInput: Sendable {
    public var workflowType: String
    public var arguments: [Payload]
    public var options: ChildWorkflowOptions
    /// Sent with the start command; the child's run reads them.
    public var headers: [String: Payload]

    public init(workflowType: String, arguments: [Payload], options: ChildWorkflowOptions, headers: [String: Payload] = [:]) {
        self.workflowType = workflowType
        self.arguments = arguments
        self.options = options
        self.headers = headers
    }
}

/// A durable timer.
public struct StartTimerInput: Sendable {
    public var duration: Duration
    /// The summary the web UI shows for the timer.
    public var summary: String?

    public init(duration: Duration, summary: String? = nil) {
        self.duration = duration
        self.summary = summary
    }
}

/// A signal to another workflow.
public struct SignalExternalWorkflowInput: Sendable {
    public var execution: WorkflowExecution
    public var signalName: String
    public var arguments: [Payload]
    /// Sent with the signal; the receiving workflow's signal handler reads them.
    public var headers: [String: Payload]

    public init(execution: WorkflowExecution, signalName: String, arguments: [Payload], headers: [String: Payload] = [:]) {
        self.execution = execution
        self.signalName = signalName
        self.arguments = arguments
        self.headers = headers
    }
}

/// Continue-as-new: the next run's type, input and options.
public struct ContinueAsNewInput: Sendable {
    public var workflowType: String
    public var arguments: [Payload]
    public var options: ContinueAsNewOptions
    /// Sent to the next run; its run reads them.
    public var headers: [String: Payload]

    public init(workflowType: String, arguments: [Payload], options: ContinueAsNewOptions, headers: [String: Payload] = [:]) {
        self.workflowType = workflowType
        self.arguments = arguments
        self.options = options
        self.headers = headers
    }
}

/// One attempt of an activity, as the worker's interceptors see it.
public struct ExecuteActivityInput: Sendable {
    public var activityType: String
    public var arguments: [Payload]
    /// The headers the schedule command carried.
    public var headers: [String: Payload]

    public init(activityType: String, arguments: [Payload], headers: [String: Payload] = [:]) {
        self.activityType = activityType
        self.arguments = arguments
        self.headers = headers
    }
}
