import Foundation
import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsTracing
import TemporalContractsWorker
import TemporalDevServer
import Testing

/// One trace across languages on a real dev server: Python clients, workers and activities with
/// the Python SDK's `TracingInterceptor` (opentelemetry-sdk, OTLP/HTTP) and the Swift client and
/// worker with ``TracingInterceptor`` (swift-otel, OTLP/HTTP), all exporting to one collector
/// process. The Swift worker's workflow cache is off, so every workflow task replays the history
/// before it: replay must not emit a workflow span twice.
@Suite(.serialized)
struct CrossLanguageTracingTests {
    @Test func pythonClientSwiftWorkflowPythonActivityShareOneTrace() async throws {
        try await withScenario { scenario in
            let workflowID = "traced-\(UUID().uuidString)"
            let result = try await PythonTracingPeer.executeWorkflow(
                server: scenario.server,
                collector: scenario.collector,
                type: TracedGreetingWorkflow.workflowType,
                id: workflowID,
                taskQueue: scenario.swiftTaskQueue,
                input: "Ada"
            )
            #expect(result == "Hello, Hello, Ada")

            let workflow = "SwiftTracedWorkflow"
            _ = try await scenario.collector.waitForSpans { spans in
                // At least: duplicates fail the exact counts below, with the tree in the message.
                spans.named("StartWorkflow:\(workflow)").count >= 1 && spans.named("RunWorkflow:\(workflow)").count >= 1
                    && spans.named("StartActivity:python_greet").count >= 2 && spans.named("RunActivity:python_greet").count >= 2
                    && spans.named("CompleteWorkflow:\(workflow)").count >= 1
            }
            // Flush the Swift exporter: any span a replay made would now arrive.
            await scenario.swiftTracing.shutdown()
            try await Task.sleep(for: .seconds(1))
            let spans = try scenario.collector.spans()

            let start = try spans.single("StartWorkflow:\(workflow)")
            let run = try spans.single("RunWorkflow:\(workflow)")
            let complete = try spans.single("CompleteWorkflow:\(workflow)")
            let startActivities = spans.named("StartActivity:python_greet")
            let runActivities = spans.named("RunActivity:python_greet")
            #expect(startActivities.count == 2, "no StartActivity span twice despite the replays:\n\(spans.tree)")
            #expect(runActivities.count == 2, "\(spans.tree)")

            #expect(Set(spans.map(\.traceId)) == [start.traceId], "every span in one trace:\n\(spans.tree)")
            #expect(start.service == "python-client" && start.kind == "client" && start.parentSpanId.isEmpty)
            #expect(start.attributes["temporalWorkflowID"] == workflowID)
            // As in the Python SDK, the workflow's spans parent on the client's span (the context
            // its start headers carry), the same after any replay.
            #expect(run.service == "swift" && run.kind == "server" && run.parentSpanId == start.spanId, "\(spans.tree)")
            #expect(run.attributes["temporalWorkflowID"] == workflowID)
            #expect(run.attributes["temporalRunID"]?.isEmpty == false)
            #expect(complete.service == "swift" && complete.kind == "internal" && complete.parentSpanId == start.spanId)
            for startActivity in startActivities {
                #expect(startActivity.service == "swift" && startActivity.kind == "client")
                #expect(startActivity.parentSpanId == start.spanId, "\(spans.tree)")
                #expect(startActivity.attributes["temporalRunID"] == run.attributes["temporalRunID"])
            }
            #expect(
                Set(runActivities.map(\.parentSpanId)) == Set(startActivities.map(\.spanId)),
                "each activity under its own StartActivity:\n\(spans.tree)"
            )
            for runActivity in runActivities {
                #expect(runActivity.service == "python-worker" && runActivity.kind == "server")
                #expect(runActivity.attributes["temporalWorkflowID"] == workflowID)
                #expect(runActivity.attributes["temporalActivityID"]?.isEmpty == false)
            }
            print("cross-language span tree (Python client → Swift workflow → Python activity):\n\(spans.tree)")
        }
    }

    @Test func swiftClientSpanParentsThePythonWorkflow() async throws {
        try await withScenario { scenario in
            let client = TemporalClient(connection: scenario.connection, interceptors: [scenario.swiftInterceptor])
            let workflowID = "traced-python-\(UUID().uuidString)"
            let execution = try await client.start(
                PythonTracedWorkflow.definition,
                input: "Grace",
                options: WorkflowStartOptions(id: workflowID, taskQueue: scenario.pythonTaskQueue)
            )
            #expect(try await client.result(of: PythonTracedWorkflow.definition, execution: execution) == "Hello, Grace")

            let workflow = "PythonTracedWorkflow"
            let spans = try await scenario.collector.waitForSpans { spans in
                spans.named("StartWorkflow:\(workflow)").count == 1 && spans.named("RunWorkflow:\(workflow)").count == 1
                    && spans.named("RunActivity:python_greet").count == 1 && spans.named("CompleteWorkflow:\(workflow)").count == 1
            }
            let start = try spans.single("StartWorkflow:\(workflow)")
            let run = try spans.single("RunWorkflow:\(workflow)")
            let startActivity = try spans.single("StartActivity:python_greet")
            let runActivity = try spans.single("RunActivity:python_greet")
            #expect(Set(spans.map(\.traceId)) == [start.traceId], "every span in one trace:\n\(spans.tree)")
            #expect(start.service == "swift" && start.kind == "client" && start.parentSpanId.isEmpty)
            #expect(start.attributes["temporalWorkflowID"] == workflowID)
            #expect(run.service == "python-worker" && run.parentSpanId == start.spanId, "\(spans.tree)")
            #expect(startActivity.service == "python-worker" && startActivity.parentSpanId == start.spanId)
            #expect(runActivity.parentSpanId == startActivity.spanId)
            print("cross-language span tree (Swift client → Python workflow):\n\(spans.tree)")
        }
    }
}

/// A dev server, the collector, the Python worker and the Swift worker (cache off) of one test.
struct TracingScenario {
    let server: DevServer
    let collector: SpanCollector
    let connection: TemporalConnection
    let swiftTracing: SwiftTracingBackend
    let swiftInterceptor: TracingInterceptor
    let swiftTaskQueue: String
    let pythonTaskQueue: String
}

/// Starts everything a cross-language test needs, runs `body`, and stops it all.
func withScenario(_ body: (TracingScenario) async throws -> Void) async throws {
    let server = try await DevServer.start(DevServerOptions(searchDirectory: PythonTracingPeer.repositoryRoot))
    var stops: [@Sendable () async -> Void] = [{ await server.stop() }]
    func stopAll() async {
        for stop in stops.reversed() { await stop() }
    }
    do {
        let collector = try await SpanCollector.start()
        stops.append { await collector.stop() }
        let pythonTaskQueue = "tracing-python-\(UUID().uuidString)"
        let python = try await PythonTracingPeer.startWorker(server: server, collector: collector, taskQueue: pythonTaskQueue)
        stops.append { _ = await python.stop(gracePeriod: .seconds(10)) }
        let swiftTracing = try SwiftTracingBackend(collector: collector, serviceName: "swift")
        stops.append { await swiftTracing.shutdown() }
        let connection = try await TemporalConnection.connect(
            TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
        )
        stops.append { await connection.close() }
        let interceptor = TracingInterceptor(tracer: swiftTracing.tracer)
        let swiftTaskQueue = "tracing-swift-\(UUID().uuidString)"
        var options = TemporalWorkerOptions(taskQueue: swiftTaskQueue, interceptors: [interceptor])
        // No cache: each workflow task replays the run's history from the start.
        options.workflows.maxCachedWorkflows = 0
        let worker = try TemporalWorker(
            connection: connection,
            workflows: [TracedGreetingWorkflow.registration(activityTaskQueue: pythonTaskQueue)],
            options: options
        )
        let running = Task { try await worker.run() }
        stops.append {
            worker.shutdown()
            _ = await running.result
        }
        let scenario = TracingScenario(
            server: server,
            collector: collector,
            connection: connection,
            swiftTracing: swiftTracing,
            swiftInterceptor: interceptor,
            swiftTaskQueue: swiftTaskQueue,
            pythonTaskQueue: pythonTaskQueue
        )
        try await body(scenario)
    } catch {
        await stopAll()
        throw error
    }
    await stopAll()
}
