import Foundation
import TemporalContracts

/// The tenant-propagation interceptor of the Interceptors article: the client writes the
/// caller's `current` tenant into the `tenant` header; the workflow binds it for the run and
/// copies it onto the activities, local activities, children and the run it continues as; each
/// activity attempt binds it again and is noted in `attempts` as
/// `<activity type> <tenant or -> <first argument if a string, or ->`.
struct TenantPropagation: ClientInterceptor, WorkerInterceptor {
    @TaskLocal static var current: String?

    static let headerKey = "tenant"

    let attempts: CallLog

    static func read(_ headers: [String: Payload]) -> String? {
        headers[headerKey].map { CallLog.text($0) }
    }

    static func writing(into headers: inout [String: Payload]) {
        if let current { headers[headerKey] = CallLog.payload(current) }
    }

    func startWorkflow(
        _ request: StartWorkflowRequest,
        next: (StartWorkflowRequest) async throws -> StartWorkflowResponse
    ) async throws -> StartWorkflowResponse {
        var request = request
        Self.writing(into: &request.headers)
        return try await next(request)
    }

    func executeWorkflow(
        _ input: ExecuteWorkflowInput,
        context: any WorkflowContext,
        next: (ExecuteWorkflowInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        try await Self.$current.withValue(Self.read(input.headers)) { try await next(input) }
    }

    func scheduleActivity(
        _ input: ScheduleActivityInput,
        context: any WorkflowContext,
        next: (ScheduleActivityInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        var input = input
        Self.writing(into: &input.headers)
        return try await next(input)
    }

    func scheduleLocalActivity(
        _ input: ScheduleActivityInput,
        context: any WorkflowContext,
        next: (ScheduleActivityInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        var input = input
        Self.writing(into: &input.headers)
        return try await next(input)
    }

    func startChildWorkflow(
        _ input: StartChildWorkflowInput,
        context: any WorkflowContext,
        next: (StartChildWorkflowInput) async throws -> ChildWorkflowHandle<[Payload]>
    ) async throws -> ChildWorkflowHandle<[Payload]> {
        var input = input
        Self.writing(into: &input.headers)
        return try await next(input)
    }

    func continueAsNew(
        _ input: ContinueAsNewInput,
        context: any WorkflowContext,
        next: (ContinueAsNewInput) throws -> Never
    ) throws -> Never {
        var input = input
        Self.writing(into: &input.headers)
        try next(input)
    }

    func executeActivity(
        _ input: ExecuteActivityInput,
        context: any ActivityContext,
        next: (ExecuteActivityInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        let tenant = Self.read(input.headers)
        attempts.append("\(input.activityType) \(tenant ?? "-") \(CallLog.text(input.arguments.first))")
        return try await Self.$current.withValue(tenant) { try await next(input) }
    }
}
