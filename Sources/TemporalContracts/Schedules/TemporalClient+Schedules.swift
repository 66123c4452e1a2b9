import Foundation

extension TemporalClient {
    /// The transport's schedule calls; transports without schedules throw.
    func scheduleTransport() throws -> any ScheduleTransport {
        guard let transport = transport as? any ScheduleTransport else {
            throw UnsupportedOptionError("the transport \(type(of: transport)) does not support schedules")
        }
        return transport
    }

    /// Creates a schedule whose action starts `workflow` with `input` and the contract's defaults
    /// under `options` (task queue, timeouts, retry policy, memo, search attributes).
    ///
    /// The action's workflow ID is `options.id`, else the contract's ID template evaluated once,
    /// now, from `input`, else the schedule ID. The server appends the scheduled time to it, so a
    /// run is `<workflow ID>-<RFC 3339 UTC time>`, e.g. `order-42-2026-01-01T10:00:00Z`.
    public func createSchedule<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        id: String,
        spec: ScheduleSpec,
        policies: SchedulePolicies = SchedulePolicies(),
        state: ScheduleState = ScheduleState(),
        triggerImmediately: Bool = false,
        options: WorkflowStartOptions = WorkflowStartOptions()
    ) async throws -> ScheduleHandle<Input, Output> {
        let transport = try scheduleTransport()
        var action = try await startRequest(workflow, input: input, options: options)
        if options.id == nil && workflow.makeID == nil { action.workflowID = id }
        try await transport.createSchedule(
            ScheduleRequest(
                scheduleID: id,
                spec: spec,
                action: action,
                policies: policies,
                state: state,
                triggerImmediately: triggerImmediately
            )
        )
        return ScheduleHandle(id: id, workflow: workflow, transport: transport, dataConverter: dataConverter)
    }

    /// A handle to the existing schedule `id` of `workflow`.
    public func scheduleHandle<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        id: String
    ) throws -> ScheduleHandle<Input, Output> {
        ScheduleHandle(id: id, workflow: workflow, transport: try scheduleTransport(), dataConverter: dataConverter)
    }

    /// The schedules a visibility query selects, e.g. `TemporalSchedulePaused = true`; `""` lists
    /// all. Pages are fetched until `limit` schedules are collected or none remain.
    public func listSchedules(query: String = "", limit: Int? = nil, pageSize: Int = 100) async throws -> [ScheduleListEntry] {
        let transport = try scheduleTransport()
        var schedules: [ScheduleListEntry] = []
        var token: Data?
        repeat {
            let page = try await transport.listSchedules(query: query, pageSize: pageSize, nextPageToken: token)
            schedules += page.schedules
            token = page.nextPageToken
        } while token != nil && schedules.count < (limit ?? .max)
        return limit.map { Array(schedules.prefix($0)) } ?? schedules
    }
}
