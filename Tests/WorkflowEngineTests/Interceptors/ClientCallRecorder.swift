import Foundation
import Synchronization
import TemporalContracts

/// A client interceptor for the tests: logs `name>call` before and `name<call` after each call,
/// sets the header `tenant` when told to, and notes the `tenant` each start carried when it
/// reached this interceptor.
final class ClientCallRecorder: ClientInterceptor {
    let name: String
    let log: CallLog
    /// Written into every start, signal, query and update; nil leaves the headers alone.
    let tenant: String?
    /// Calls this interceptor refuses by throwing `Refused` before `next`.
    let refusing: Set<String>

    struct Refused: Error {}

    init(_ name: String, log: CallLog, tenant: String? = nil, refusing: Set<String> = []) {
        self.name = name
        self.log = log
        self.tenant = tenant
        self.refusing = refusing
    }

    private func around<Value>(_ call: String, _ body: () async throws -> Value) async throws -> Value {
        log.append("\(name)>\(call)")
        if refusing.contains(call) { throw Refused() }
        let value = try await body()
        log.append("\(name)<\(call)")
        return value
    }

    private func stamp(_ headers: inout [String: Payload], call: String) {
        if let seen = headers["tenant"] { log.append("\(name) saw \(CallLog.text(seen)) on \(call)") }
        if let tenant { headers["tenant"] = CallLog.payload(tenant) }
    }

    func startWorkflow(
        _ request: StartWorkflowRequest,
        next: (StartWorkflowRequest) async throws -> StartWorkflowResponse
    ) async throws -> StartWorkflowResponse {
        try await around("start") {
            var request = request
            stamp(&request.headers, call: "start")
            return try await next(request)
        }
    }

    func signalWorkflow(_ request: SignalWorkflowRequest, next: (SignalWorkflowRequest) async throws -> Void) async throws {
        try await around("signal") {
            var request = request
            stamp(&request.headers, call: "signal")
            try await next(request)
        }
    }

    func signalWithStartWorkflow(
        _ request: SignalWithStartWorkflowRequest,
        next: (SignalWithStartWorkflowRequest) async throws -> StartWorkflowResponse
    ) async throws -> StartWorkflowResponse {
        try await around("signalWithStart") {
            var request = request
            stamp(&request.signal.headers, call: "signalWithStart")
            return try await next(request)
        }
    }

    func queryWorkflow(_ request: QueryWorkflowRequest, next: (QueryWorkflowRequest) async throws -> [Payload]) async throws -> [Payload] {
        try await around("query") {
            var request = request
            stamp(&request.headers, call: "query")
            return try await next(request)
        }
    }

    func updateWorkflow(
        _ request: UpdateWorkflowRequest,
        next: (UpdateWorkflowRequest) async throws -> UpdateWorkflowResponse
    ) async throws -> UpdateWorkflowResponse {
        try await around("update") {
            var request = request
            stamp(&request.headers, call: "update")
            return try await next(request)
        }
    }

    func updateWithStartWorkflow(
        _ request: UpdateWithStartWorkflowRequest,
        next: (UpdateWithStartWorkflowRequest) async throws -> (StartWorkflowResponse, UpdateWorkflowResponse)
    ) async throws -> (StartWorkflowResponse, UpdateWorkflowResponse) {
        try await around("updateWithStart") { try await next(request) }
    }

    func workflowResult(
        _ request: WorkflowResultRequest,
        next: (WorkflowResultRequest) async throws -> WorkflowOutcome
    ) async throws
        -> WorkflowOutcome
    {
        try await around("result") { try await next(request) }
    }

    func cancelWorkflow(_ request: CancelWorkflowRequest, next: (CancelWorkflowRequest) async throws -> Void) async throws {
        try await around("cancel") { try await next(request) }
    }

    func terminateWorkflow(_ request: TerminateWorkflowRequest, next: (TerminateWorkflowRequest) async throws -> Void) async throws {
        try await around("terminate") { try await next(request) }
    }

    func describeWorkflow(
        _ request: DescribeWorkflowRequest,
        next: (DescribeWorkflowRequest) async throws -> WorkflowExecutionDescription
    ) async throws -> WorkflowExecutionDescription {
        try await around("describe") { try await next(request) }
    }

    func listWorkflows(
        _ request: ListWorkflowsRequest,
        next: (ListWorkflowsRequest) async throws -> WorkflowExecutionPage
    ) async throws
        -> WorkflowExecutionPage
    {
        try await around("list") { try await next(request) }
    }
}

/// What the test interceptors saw, in order, from any task.
final class CallLog: Sendable {
    private let entries = Mutex<[String]>([])

    var all: [String] { entries.withLock { $0 } }

    func append(_ entry: String) {
        entries.withLock { $0.append(entry) }
    }

    /// `text` as every SDK's default converter writes a string (`json/plain`).
    static func payload(_ text: String) -> Payload {
        (try? DefaultPayloadConverter().toPayload(text)) ?? Payload()
    }

    /// The string in a header, or `-` when there is none or it is not a string.
    static func text(_ payload: Payload?) -> String {
        guard let payload, let text = try? DefaultPayloadConverter().fromPayload(payload, as: String.self) else { return "-" }
        return text
    }
}
