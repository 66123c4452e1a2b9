import Foundation
import Synchronization
import TemporalContracts

/// Header propagation, as a team would write it: the client puts a `tenant` header on each
/// start; the worker binds it to a task-local for the run and puts it on every activity, child
/// and continue-as-new of that run, so the whole tree of work carries it.
enum TenantHeaderRelay {
    static let key = "tenant"

    struct Client: ClientInterceptor {
        let tenant: String

        func startWorkflow(
            _ request: StartWorkflowRequest,
            next: (StartWorkflowRequest) async throws -> StartWorkflowResponse
        ) async throws -> StartWorkflowResponse {
            var request = request
            request.headers[TenantHeaderRelay.key] = HeaderStampingInterceptor.payload(tenant)
            return try await next(request)
        }
    }

    /// The tenant the current workflow code acts for: bound around the run, as the
    /// Interceptors article shows, so it needs no state in the shared interceptor.
    @TaskLocal static var current: Payload?

    /// The worker side; it also records what each activity attempt received.
    final class Worker: WorkerInterceptor {
        private let received = Mutex([String]())

        /// `<activity input> tenant=<tenant>` per activity attempt, in order.
        var activityCalls: [String] { received.withLock { $0 } }

        func executeWorkflow(
            _ input: ExecuteWorkflowInput,
            context: any WorkflowContext,
            next: (ExecuteWorkflowInput) async throws -> [Payload]
        ) async throws -> [Payload] {
            try await TenantHeaderRelay.$current.withValue(input.headers[TenantHeaderRelay.key]) { try await next(input) }
        }

        private func propagate(_ headers: inout [String: Payload]) {
            if let tenant = TenantHeaderRelay.current { headers[TenantHeaderRelay.key] = tenant }
        }

        func scheduleActivity(
            _ input: ScheduleActivityInput,
            context: any WorkflowContext,
            next: (ScheduleActivityInput) async throws -> [Payload]
        ) async throws -> [Payload] {
            var input = input
            propagate(&input.headers)
            return try await next(input)
        }

        func scheduleLocalActivity(
            _ input: ScheduleActivityInput,
            context: any WorkflowContext,
            next: (ScheduleActivityInput) async throws -> [Payload]
        ) async throws -> [Payload] {
            var input = input
            propagate(&input.headers)
            return try await next(input)
        }

        func startChildWorkflow(
            _ input: StartChildWorkflowInput,
            context: any WorkflowContext,
            next: (StartChildWorkflowInput) async throws -> ChildWorkflowHandle<[Payload]>
        ) async throws -> ChildWorkflowHandle<[Payload]> {
            var input = input
            propagate(&input.headers)
            return try await next(input)
        }

        func continueAsNew(
            _ input: ContinueAsNewInput,
            context: any WorkflowContext,
            next: (ContinueAsNewInput) throws -> Never
        ) throws -> Never {
            var input = input
            propagate(&input.headers)
            try next(input)
        }

        func executeActivity(
            _ input: ExecuteActivityInput,
            context: any ActivityContext,
            next: (ExecuteActivityInput) async throws -> [Payload]
        ) async throws -> [Payload] {
            let argument = input.arguments.first.map { HeaderStampingInterceptor.text($0) } ?? "-"
            let tenant = HeaderStampingInterceptor.text(input.headers[TenantHeaderRelay.key])
            received.withLock { $0.append("\(argument) tenant=\(tenant)") }
            return try await next(input)
        }
    }
}
