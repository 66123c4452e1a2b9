import Foundation
import Synchronization
import TemporalContracts

/// A workflow interceptor for the tests: records what each inbound call saw, and stamps every
/// outbound call with a `stamp` header. The stamp of activities is drawn from `context.uuid()`,
/// so replays must reproduce it; the stamp of the other calls names the call.
final class HeaderStampingInterceptor: WorkerInterceptor {
    /// What the interceptor saw, e.g. `executeWorkflow caller=alice`.
    var seen: [String] { state.withLock { $0.seen } }
    /// The stamps it put on activities, in order, replays included.
    var activityStamps: [String] { state.withLock { $0.activityStamps } }
    /// `executeWorkflow` calls made while not replaying.
    var liveRuns: Int { state.withLock { $0.liveRuns } }

    private let state = Mutex(State())

    private struct State {
        var seen: [String] = []
        var activityStamps: [String] = []
        var liveRuns = 0
    }

    private func record(_ call: String, _ headers: [String: Payload]) {
        let fields = headers.keys.sorted().map { "\($0)=\(CallLog.text(headers[$0]))" }.joined(separator: ",")
        state.withLock { $0.seen.append(fields.isEmpty ? call : "\(call) \(fields)") }
    }

    func executeWorkflow(
        _ input: ExecuteWorkflowInput,
        context: any WorkflowContext,
        next: (ExecuteWorkflowInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        record("executeWorkflow", input.headers)
        if !context.isReplaying { state.withLock { $0.liveRuns += 1 } }
        return try await next(input)
    }

    func handleSignal(
        _ input: HandleSignalInput,
        context: any WorkflowContext,
        next: (HandleSignalInput) async throws -> Void
    ) async throws {
        record("handleSignal \(input.signalName)", input.headers)
        try await next(input)
    }

    func handleQuery(
        _ input: HandleQueryInput,
        context: any WorkflowContext,
        next: (HandleQueryInput) throws -> [Payload]
    ) throws -> [Payload] {
        record("handleQuery \(input.queryName)", input.headers)
        return try next(input)
    }

    func validateUpdate(_ input: HandleUpdateInput, context: any WorkflowContext, next: (HandleUpdateInput) throws -> Void) throws {
        record("validateUpdate \(input.updateName)", input.headers)
        try next(input)
    }

    func handleUpdate(
        _ input: HandleUpdateInput,
        context: any WorkflowContext,
        next: (HandleUpdateInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        record("handleUpdate \(input.updateName)", input.headers)
        return try await next(input)
    }

    func scheduleActivity(
        _ input: ScheduleActivityInput,
        context: any WorkflowContext,
        next: (ScheduleActivityInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        let stamp = context.uuid().uuidString
        state.withLock { $0.activityStamps.append(stamp) }
        var input = input
        input.headers["stamp"] = CallLog.payload(stamp)
        return try await next(input)
    }

    func scheduleLocalActivity(
        _ input: ScheduleActivityInput,
        context: any WorkflowContext,
        next: (ScheduleActivityInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        var input = input
        input.headers["stamp"] = CallLog.payload("local \(input.activityType)")
        return try await next(input)
    }

    func startChildWorkflow(
        _ input: StartChildWorkflowInput,
        context: any WorkflowContext,
        next: (StartChildWorkflowInput) async throws -> ChildWorkflowHandle<[Payload]>
    ) async throws -> ChildWorkflowHandle<[Payload]> {
        var input = input
        input.headers["stamp"] = CallLog.payload("child \(input.workflowType)")
        return try await next(input)
    }

    func startTimer(_ input: StartTimerInput, context: any WorkflowContext, next: (StartTimerInput) async throws -> Void) async throws {
        record("startTimer \(input.duration)", [:])
        try await next(input)
    }

    func signalExternalWorkflow(
        _ input: SignalExternalWorkflowInput,
        context: any WorkflowContext,
        next: (SignalExternalWorkflowInput) async throws -> Void
    ) async throws {
        var input = input
        input.headers["stamp"] = CallLog.payload("signal \(input.signalName)")
        try await next(input)
    }

    func continueAsNew(
        _ input: ContinueAsNewInput,
        context: any WorkflowContext,
        next: (ContinueAsNewInput) throws -> Never
    ) throws -> Never {
        var input = input
        input.headers["stamp"] = CallLog.payload("continue \(input.workflowType)")
        try next(input)
    }

    func executeActivity(
        _ input: ExecuteActivityInput,
        context: any ActivityContext,
        next: (ExecuteActivityInput) async throws -> [Payload]
    ) async throws -> [Payload] {
        record("executeActivity \(input.activityType)", input.headers)
        return try await next(input)
    }
}
