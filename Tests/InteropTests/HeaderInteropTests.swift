import Foundation
import Logging
import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsWorker
import TemporalDevServer
import Testing

/// Temporal headers between Swift and the Python SDK on a real dev server: a Swift client's
/// interceptor sets `tenant` on a start, signal, signal-with-start, query, update and
/// update-with-start, and the Python workflow's inbound interceptor reads it from each; a Python
/// client's interceptor sets `tenant` on a start, the Python workflow's outbound interceptor
/// carries it onto an activity, and the Swift worker's activity interceptor reads it.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct HeaderInteropTests {
    /// Sets `tenant` on every call of the client that reaches a workflow.
    struct TenantHeader: ClientInterceptor {
        let tenant: Payload

        init(_ tenant: String) throws {
            self.tenant = try DefaultPayloadConverter().toPayload(tenant)
        }

        func startWorkflow(
            _ request: StartWorkflowRequest,
            next: (StartWorkflowRequest) async throws -> StartWorkflowResponse
        ) async throws -> StartWorkflowResponse {
            var request = request
            request.headers["tenant"] = tenant
            return try await next(request)
        }

        func signalWorkflow(_ request: SignalWorkflowRequest, next: (SignalWorkflowRequest) async throws -> Void) async throws {
            var request = request
            request.headers["tenant"] = tenant
            try await next(request)
        }

        func signalWithStartWorkflow(
            _ request: SignalWithStartWorkflowRequest,
            next: (SignalWithStartWorkflowRequest) async throws -> StartWorkflowResponse
        ) async throws -> StartWorkflowResponse {
            // The start's headers only: the transport sends them for the signal too.
            var request = request
            request.start.headers["tenant"] = tenant
            return try await next(request)
        }

        func updateWithStartWorkflow(
            _ request: UpdateWithStartWorkflowRequest,
            next: (UpdateWithStartWorkflowRequest) async throws -> (StartWorkflowResponse, UpdateWorkflowResponse)
        ) async throws -> (StartWorkflowResponse, UpdateWorkflowResponse) {
            var request = request
            request.start.headers["tenant"] = tenant
            request.update.headers["tenant"] = tenant
            return try await next(request)
        }

        func queryWorkflow(
            _ request: QueryWorkflowRequest,
            next: (QueryWorkflowRequest) async throws -> [Payload]
        ) async throws
            -> [Payload]
        {
            var request = request
            request.headers["tenant"] = tenant
            return try await next(request)
        }

        func updateWorkflow(
            _ request: UpdateWorkflowRequest,
            next: (UpdateWorkflowRequest) async throws -> UpdateWorkflowResponse
        ) async throws -> UpdateWorkflowResponse {
            var request = request
            request.headers["tenant"] = tenant
            return try await next(request)
        }
    }

    /// Notes the `tenant` header of each activity attempt.
    struct ActivityTenants: WorkerInterceptor {
        let seen: SeenTenants

        func executeActivity(
            _ input: ExecuteActivityInput,
            context: any ActivityContext,
            next: (ExecuteActivityInput) async throws -> [Payload]
        ) async throws -> [Payload] {
            let tenant = try input.headers["tenant"].map { try DefaultPayloadConverter().fromPayload($0, as: String.self) }
            seen.append("\(input.activityType) \(tenant ?? "-")")
            return try await next(input)
        }
    }

    final class SeenTenants: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []

        func append(_ entry: String) { lock.withLock { entries.append(entry) } }
        var all: [String] { lock.withLock { entries } }
    }

    typealias Seen = [String: String?]
    static let echo = WorkflowDefinition<String, Seen>(name: "HeaderEcho", input: .single(), output: .single())
    static let finish = SignalDefinition<String>(name: "finish", input: .single())
    static let seenQuery = QueryDefinition<Void, Seen>(name: "seen", input: .void, output: .single())
    static let touch = UpdateDefinition<String, String>(name: "touch", input: .single(), output: .single(), hasValidator: true)
    static let swiftActivity = ActivityDefinition<String, String>(name: "SwiftHeaderActivity", input: .single(), output: .single())

    /// Runs `body` with a dev server, a connection and the Python worker on `pythonQueue`, and
    /// stops them whatever happens.
    private func withPythonPeer(
        pythonQueue: String,
        _ body: (DevServer, TemporalConnection) async throws -> Void
    ) async throws {
        let server = try await DevServer.start(DevServerOptions(searchDirectory: PythonPeer.repositoryRoot))
        var worker: PythonWorker?
        var connection: TemporalConnection?
        do {
            worker = try await PythonWorker.start(
                script: "header_peer.py",
                arguments: ["worker", "--address", server.address, "--namespace", server.namespace, "--task-queue", pythonQueue],
                readyTimeout: .seconds(90)
            )
            let connected = try await TemporalConnection.connect(
                TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
            )
            connection = connected
            try await body(server, connected)
        } catch {
            await connection?.close()
            let tail = worker?.outputTail() ?? ""
            await worker?.stop()
            await server.stop()
            Issue.record("Python worker output:\n\(tail)")
            throw error
        }
        await connection?.close()
        await worker?.stop()
        await server.stop()
    }

    @Test func swiftClientHeadersReachThePythonWorkflowsHandlers() async throws {
        let queue = "headers-python-\(UUID().uuidString)"
        try await withPythonPeer(pythonQueue: queue) { _, connection in
            let client = TemporalClient(connection: connection, interceptors: [try TenantHeader("swift-tenant")])
            let options = WorkflowStartOptions(id: "header-echo-\(UUID().uuidString)", taskQueue: queue)
            let execution = try await client.start(Self.echo, input: "started", options: options)
            let update = try await client.startUpdate(
                Self.touch,
                input: "t",
                execution: execution,
                options: UpdateOptions(waitFor: .completed)
            )
            #expect(try await update.result() == "t")
            let answer = try await client.query(Self.seenQuery, input: (), execution: execution)
            #expect(answer["query"] == .some("swift-tenant"), "\(answer)")
            try await client.signal(Self.finish, input: "done", execution: execution)
            let seen = try await client.result(of: Self.echo, execution: execution)
            #expect(seen["run"] == .some("swift-tenant"), "\(seen)")
            #expect(seen["validator"] == .some("swift-tenant"), "\(seen)")
            #expect(seen["update"] == .some("swift-tenant"), "\(seen)")
            #expect(seen["signal:finish"] == .some("swift-tenant"), "\(seen)")

            // Signal-with-start: one header on the wire, read by the run and by the signal.
            let started = try await client.signalWithStart(
                Self.echo,
                input: "signal-with-start",
                signal: Self.finish,
                signalInput: "done",
                options: WorkflowStartOptions(id: "header-echo-sws-\(UUID().uuidString)", taskQueue: queue)
            )
            let both = try await client.result(of: Self.echo, execution: started)
            #expect(both["run"] == .some("swift-tenant"), "\(both)")
            #expect(both["signal:finish"] == .some("swift-tenant"), "\(both)")

            // Update-with-start: the start's header reaches the run, the update's the handlers.
            let (withUpdate, touched) = try await client.updateWithStart(
                Self.echo,
                input: "update-with-start",
                update: Self.touch,
                updateInput: "u",
                options: WorkflowStartOptions(id: "header-echo-uws-\(UUID().uuidString)", taskQueue: queue),
                updateOptions: UpdateOptions(waitFor: .completed)
            )
            #expect(try await touched.result() == "u")
            try await client.signal(Self.finish, input: "done", execution: withUpdate)
            let updated = try await client.result(of: Self.echo, execution: withUpdate)
            #expect(updated["run"] == .some("swift-tenant"), "\(updated)")
            #expect(updated["update"] == .some("swift-tenant"), "\(updated)")

            // Without the interceptor no header goes out, so the test would notice a fake echo.
            let plain = TemporalClient(connection: connection)
            let bare = try await plain.signalWithStart(
                Self.echo,
                input: "bare",
                signal: Self.finish,
                signalInput: "done",
                options: WorkflowStartOptions(id: "header-echo-bare-\(UUID().uuidString)", taskQueue: queue)
            )
            let none = try await plain.result(of: Self.echo, execution: bare)
            #expect(none["label"] == .some("bare") && none["run"].flatMap { $0 } == nil, "\(none)")
        }
    }

    @Test func pythonHeadersReachASwiftActivityInterceptor() async throws {
        let pythonQueue = "headers-python-\(UUID().uuidString)"
        let swiftQueue = "headers-swift-\(UUID().uuidString)"
        try await withPythonPeer(pythonQueue: pythonQueue) { server, connection in
            let seen = SeenTenants()
            let worker = try TemporalWorker(
                connection: connection,
                workflows: [],
                activities: [ActivityRegistration(Self.swiftActivity) { input, _ in "swift got \(input)" }],
                options: TemporalWorkerOptions(taskQueue: swiftQueue, interceptors: [ActivityTenants(seen: seen)])
            )
            let run = Task { try await worker.run() }
            await worker.waitUntilPolling()
            let output: String
            do {
                output = try await PythonCommand.run(
                    script: "header_peer.py",
                    arguments: [
                        "call-swift", "--address", server.address, "--namespace", server.namespace, "--task-queue", pythonQueue,
                        "--activity-task-queue", swiftQueue, "--tenant", "python-tenant", "--workflow-id",
                        "call-swift-\(UUID().uuidString)",
                    ],
                    timeout: .seconds(120)
                )
            } catch {
                worker.shutdown()
                _ = await run.result
                throw error
            }
            worker.shutdown()
            _ = await run.result

            let line = try #require(output.split(separator: "\n").last, "the Python client printed nothing")
            let result = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(result["activity_result"] as? String == "swift got from-python")
            #expect(result["run_tenant"] as? String == "python-tenant", "the Python client interceptor's header reached the workflow")
            #expect(seen.all == ["SwiftHeaderActivity python-tenant"])
        }
    }
}
