import Foundation
import TemporalAPI
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsTesting
import TemporalContractsTracing
import Testing

/// The in-process test environment with the tracing interceptor on its client and worker side,
/// exporting through swift-otel to the collector process; then the run's history replayed with
/// the same interceptor, which must export no span at all.
@Suite(.serialized)
struct TestEnvironmentTracingTests {
    @Test func inProcessRunIsTracedAndItsReplayEmitsNoSpans() async throws {
        let collector = try await SpanCollector.start()
        do {
            let tracing = try SwiftTracingBackend(collector: collector, serviceName: "swift-test-environment")
            let interceptor = TracingInterceptor(tracer: tracing.tracer)
            let registration = TracedGreetingWorkflow.registration(activityTaskQueue: nil)
            let environment = WorkflowTestEnvironment(
                workflows: [registration],
                activities: [TracedGreetingWorkflow.swiftGreet],
                clientInterceptors: [interceptor],
                workerInterceptors: [interceptor]
            )
            let definition = WorkflowDefinition<String, String>(
                name: TracedGreetingWorkflow.workflowType,
                input: .single(),
                output: .single()
            )
            let execution = try await environment.client.start(
                definition,
                input: "Lin",
                options: WorkflowStartOptions(id: "traced-in-process", taskQueue: "tracing")
            )
            #expect(try await environment.client.result(of: definition, execution: execution) == "Hello, Hello, Lin")
            let workflow = TracedGreetingWorkflow.workflowType
            let spans = try await collector.waitForSpans { spans in
                spans.named("StartWorkflow:\(workflow)").count == 1 && spans.named("CompleteWorkflow:\(workflow)").count == 1
                    && spans.named("RunActivity:python_greet").count == 2
            }
            let start = try spans.single("StartWorkflow:\(workflow)")
            let run = try spans.single("RunWorkflow:\(workflow)")
            #expect(run.parentSpanId == start.spanId)
            #expect(spans.named("StartActivity:python_greet").allSatisfy { $0.parentSpanId == start.spanId })
            #expect(
                Set(spans.named("RunActivity:python_greet").map(\.parentSpanId))
                    == Set(spans.named("StartActivity:python_greet").map(\.spanId))
            )
            #expect(Set(spans.map(\.traceId)) == [start.traceId], "\(spans.tree)")

            // The start header is what Python's TracingInterceptor writes: `json/plain`, a compact
            // JSON object with the W3C traceparent of the client's span.
            let history = try await environment.history(of: execution)
            let header = try #require(history.events.first?.workflowExecutionStartedEventAttributes.header.fields["_tracer-data"])
            #expect(header.metadata["encoding"] == Data("json/plain".utf8))
            let traceparent = "00-\(start.traceId)-\(start.spanId)-01"
            #expect(String(decoding: header.data, as: UTF8.self) == #"{"traceparent":""# + traceparent + #""}"#)

            // Replaying the finished run with the same interceptor must add nothing.
            await environment.shutdown()
            let replayer = WorkflowReplayer(workflows: [registration], interceptors: [interceptor])
            try replayer.replay(history, workflowID: execution.workflowID).tearDown()
            await tracing.shutdown()
            try await Task.sleep(for: .seconds(1))
            let afterReplay = try collector.spans()
            #expect(afterReplay.count == spans.count, "the replay exported spans:\n\(afterReplay.tree)")
        } catch {
            await collector.stop()
            throw error
        }
        await collector.stop()
    }
}
