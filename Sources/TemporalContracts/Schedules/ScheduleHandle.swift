import Foundation

/// A schedule of one contract workflow: pause, trigger, backfill, update, describe with the input
/// typed, delete. Returned by `TemporalClient.createSchedule` and the generated
/// `Client.scheduleX(_:id:spec:policies:options:)`.
public struct ScheduleHandle<Input: Sendable, Output: Sendable>: Sendable {
    /// The schedule's ID.
    public let id: String
    /// The contract workflow its action starts.
    public let workflow: WorkflowDefinition<Input, Output>
    /// What the calls go through: a server's transport, the test environment, or a mock.
    public let transport: any ScheduleTransport
    /// Encodes an updated input and decodes the described one.
    public let dataConverter: DataConverter

    /// A handle to the existing schedule `id` of `workflow`, through `transport`.
    public init(
        id: String,
        workflow: WorkflowDefinition<Input, Output>,
        transport: any ScheduleTransport,
        dataConverter: DataConverter = .default
    ) {
        self.id = id
        self.workflow = workflow
        self.transport = transport
        self.dataConverter = dataConverter
    }

    /// Stops scheduled actions; `note` says why.
    public func pause(note: String = "paused") async throws {
        try await transport.patchSchedule(id: id, patch: SchedulePatch(pause: note))
    }

    /// Resumes scheduled actions; `note` says why.
    public func unpause(note: String = "unpaused") async throws {
        try await transport.patchSchedule(id: id, patch: SchedulePatch(unpause: note))
    }

    /// Takes one action now, even when paused; `overlap` nil means the schedule's policy.
    public func trigger(overlap: ScheduleOverlapPolicy? = nil) async throws {
        try await transport.patchSchedule(id: id, patch: SchedulePatch(trigger: .some(overlap)))
    }

    /// Takes the actions the spec calls for in `start...end` now, as far as `overlap` (nil: the
    /// schedule's policy) allows.
    public func backfill(from start: Date, to end: Date, overlap: ScheduleOverlapPolicy? = nil) async throws {
        let backfill = ScheduleBackfill(start: start, end: end, overlap: overlap)
        try await transport.patchSchedule(id: id, patch: SchedulePatch(backfills: [backfill]))
    }

    /// The schedule with its input decoded.
    public func describe() async throws -> ScheduleDescription<Input> {
        let details = try await transport.describeSchedule(id: id)
        let action = details.schedule.action
        return ScheduleDescription(
            scheduleID: id,
            input: try await dataConverter.decode(action.input, with: workflow.input),
            workflowType: action.workflowType,
            workflowID: action.workflowID,
            taskQueue: action.taskQueue,
            spec: details.schedule.spec,
            policies: details.schedule.policies,
            state: details.schedule.state,
            info: details.info
        )
    }

    /// Replaces the input, spec and/or policies (nil keeps the current one); the action keeps its
    /// workflow ID, task queue and options. Guarded by the describe's conflict token.
    public func update(input: Input? = nil, spec: ScheduleSpec? = nil, policies: SchedulePolicies? = nil) async throws {
        let details = try await transport.describeSchedule(id: id)
        var schedule = details.schedule
        if let input { schedule.action.input = try await dataConverter.encode(input, with: workflow.input) }
        if let spec { schedule.spec = spec }
        if let policies { schedule.policies = policies }
        schedule.triggerImmediately = false
        try await transport.updateSchedule(schedule, conflictToken: details.conflictToken)
    }

    /// Deletes the schedule; runs it started keep running.
    public func delete() async throws {
        try await transport.deleteSchedule(id: id)
    }
}
