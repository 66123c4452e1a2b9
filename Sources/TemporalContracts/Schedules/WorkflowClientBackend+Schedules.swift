extension WorkflowClientBackend {
    /// Creates a schedule of `workflow` through this backend, for generated clients'
    /// `schedule<Workflow>` methods: a `TemporalClient` creates it through its transport, a
    /// `MockWorkflowClient` in its `schedules`; other backends throw.
    public func createSchedule<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        id: String,
        spec: ScheduleSpec,
        policies: SchedulePolicies,
        options: WorkflowStartOptions
    ) async throws -> ScheduleHandle<Input, Output> {
        if let client = self as? TemporalClient {
            return try await client.createSchedule(workflow, input: input, id: id, spec: spec, policies: policies, options: options)
        }
        guard let mock = self as? MockWorkflowClient else {
            throw UnsupportedOptionError("schedules need a TemporalClient or MockWorkflowClient backend, not \(type(of: self))")
        }
        // The mock keeps the action as a server would: the ID resolved once, the input encoded.
        let action = StartWorkflowRequest(
            workflowID: try options.id ?? workflow.makeID?(input, .system) ?? id,
            workflowType: workflow.name,
            taskQueue: options.taskQueue ?? workflow.defaults.taskQueue ?? "",
            input: try await DataConverter.default.encode(input, with: workflow.input),
            executionTimeout: options.executionTimeout ?? workflow.defaults.executionTimeout,
            runTimeout: options.runTimeout ?? workflow.defaults.runTimeout,
            taskTimeout: options.taskTimeout ?? workflow.defaults.taskTimeout,
            retryPolicy: options.retryPolicy ?? workflow.defaults.retryPolicy,
            searchAttributes: (try workflow.makeSearchAttributes?(input, .system) ?? SearchAttributes()).merging(options.searchAttributes)
                .values
        )
        try await mock.schedules.createSchedule(ScheduleRequest(scheduleID: id, spec: spec, action: action, policies: policies))
        return ScheduleHandle(id: id, workflow: workflow, transport: mock.schedules)
    }
}
