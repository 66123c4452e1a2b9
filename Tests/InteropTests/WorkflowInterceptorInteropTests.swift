import Foundation
import Logging
import Synchronization
@_spi(Generated) import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsWorker
import TemporalDevServer
import Testing

/// A Swift workflow's interceptors on a real dev server, read by the Python SDK: the run's
/// inbound interceptor reads the header a client interceptor put on the start; the outbound
/// interceptor puts a `request-id` header, drawn from `context.uuid()`, on each activity the
/// workflow schedules on a Python worker, whose activity inbound interceptor reads it. The Swift
/// worker keeps no run cached, so each workflow task replays the run from its history: the
/// interceptor runs again there and must draw the same IDs, or the run would not match.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct WorkflowInterceptorInteropTests {
    static let caller = WorkflowDefinition<String, [String]>(name: "RequestIDCaller", input: .single(), output: .single())
    static let echo = ActivityDefinition<String, String>(
        name: "EchoRequestID",
        input: .single(),
        output: .single(),
        defaults: ActivityDefaults(startToCloseTimeout: .seconds(30))
    )

    /// Calls the Python activity twice, on the task queue its input names.
    final class Caller: WorkflowImplementation {
        init() {}

        static var registration: WorkflowRegistration {
            WorkflowRegistration(caller, implementation: Caller.self) { (_: Caller, pythonQueue: String, context) in
                let options = ActivityOptions(taskQueue: pythonQueue)
                let first = try await context.executeActivity(echo, input: "first", options: options)
                let second = try await context.executeActivity(echo, input: "second", options: options)
                return [first, second]
            }
        }
    }

    /// Stamps each activity with a `request-id` from the workflow's deterministic random source.
    final class RequestIDStamp: WorkerInterceptor {
        struct Stamp: Equatable {
            let requestID: String
            let replaying: Bool
        }

        private let recorded = Mutex([Stamp]())
        private let runs = Mutex(0)
        private let starts = Mutex([String]())

        var stamps: [Stamp] { recorded.withLock { $0 } }
        var liveRuns: Int { runs.withLock { $0 } }
        /// The `tenant` header of each live run's start, as the server recorded it.
        var startTenants: [String] { starts.withLock { $0 } }

        func executeWorkflow(
            _ input: ExecuteWorkflowInput,
            context: any WorkflowContext,
            next: (ExecuteWorkflowInput) async throws -> [Payload]
        ) async throws -> [Payload] {
            if !context.isReplaying {
                runs.withLock { $0 += 1 }
                let tenant = try input.headers["tenant"].map { try context.payloadConverter.fromPayload($0, as: String.self) }
                starts.withLock { $0.append(tenant ?? "-") }
            }
            return try await next(input)
        }

        func scheduleActivity(
            _ input: ScheduleActivityInput,
            context: any WorkflowContext,
            next: (ScheduleActivityInput) async throws -> [Payload]
        ) async throws -> [Payload] {
            let requestID = "req-\(context.uuid().uuidString.lowercased())"
            let stamp = Stamp(requestID: requestID, replaying: context.isReplaying)
            recorded.withLock { $0.append(stamp) }
            var input = input
            input.headers["request-id"] = try context.payloadConverter.toPayload(requestID)
            return try await next(input)
        }
    }

    /// Sets `tenant` on each start.
    struct TenantOnStart: ClientInterceptor {
        func startWorkflow(
            _ request: StartWorkflowRequest,
            next: (StartWorkflowRequest) async throws -> StartWorkflowResponse
        ) async throws -> StartWorkflowResponse {
            var request = request
            request.headers["tenant"] = try DefaultPayloadConverter().toPayload("acme")
            return try await next(request)
        }
    }

    @Test func aSwiftWorkflowsOutboundHeaderReachesAPythonActivityInterceptor() async throws {
        let pythonQueue = "workflow-interceptor-python-\(UUID().uuidString)"
        let swiftQueue = "workflow-interceptor-swift-\(UUID().uuidString)"
        let server = try await DevServer.start(DevServerOptions(searchDirectory: PythonPeer.repositoryRoot))
        var python: PythonWorker?
        var connection: TemporalConnection?
        do {
            python = try await PythonWorker.start(
                script: "workflow_interceptor_peer.py",
                arguments: ["--address", server.address, "--namespace", server.namespace, "--task-queue", pythonQueue],
                readyTimeout: .seconds(90)
            )
            let connected = try await TemporalConnection.connect(
                TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
            )
            connection = connected
            try await run(on: connected, swiftQueue: swiftQueue, pythonQueue: pythonQueue)
        } catch {
            await connection?.close()
            let tail = python?.outputTail() ?? ""
            await python?.stop()
            await server.stop()
            Issue.record("Python worker output:\n\(tail)")
            throw error
        }
        await connection?.close()
        await python?.stop()
        await server.stop()
    }

    private func run(on connection: TemporalConnection, swiftQueue: String, pythonQueue: String) async throws {
        let stamp = RequestIDStamp()
        var options = TemporalWorkerOptions(taskQueue: swiftQueue, interceptors: [stamp])
        // No cache: every workflow task replays the run from the history the server sends.
        options.workflows.maxCachedWorkflows = 0
        let worker = try TemporalWorker(connection: connection, workflows: [Caller.registration], options: options)
        let running = Task { try await worker.run() }
        await worker.waitUntilPolling()
        let results: [String]
        do {
            let client = TemporalClient(connection: connection, interceptors: [TenantOnStart()])
            let execution = try await client.start(
                Self.caller,
                input: pythonQueue,
                options: WorkflowStartOptions(id: "request-id-caller-\(UUID().uuidString)", taskQueue: swiftQueue)
            )
            results = try await client.result(of: Self.caller, execution: execution)
        } catch {
            worker.shutdown()
            _ = await running.result
            throw error
        }
        worker.shutdown()
        _ = await running.result

        let live = stamp.stamps.filter { !$0.replaying }.map(\.requestID)
        let replayed = stamp.stamps.filter(\.replaying).map(\.requestID)
        #expect(live.count == 2 && Set(live).count == 2, "\(stamp.stamps)")
        #expect(results == live.enumerated().map { "\($0.offset == 0 ? "first" : "second") request-id=\($0.element)" })
        // The second task replayed the first one's schedule, the third both: the same IDs again.
        #expect(Set(replayed) == Set(live) && replayed.filter { $0 == live.first }.count >= 2, "\(stamp.stamps)")
        #expect(stamp.liveRuns == 1)
        #expect(stamp.startTenants == ["acme"], "the client's start header reached the Swift run through the server")
    }
}
