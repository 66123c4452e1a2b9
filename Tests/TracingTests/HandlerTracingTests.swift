import Foundation
import TemporalContracts
import TemporalContractsTesting
import TemporalContractsTracing
import Testing

/// Signal, query and update spans and recorded errors, in the in-process test environment with
/// swift-otel exporting to the collector process.
@Suite(.serialized)
struct HandlerTracingTests {
    @Test func handlerSpansLinkTheirCallersAndFailuresAreRecorded() async throws {
        let collector = try await SpanCollector.start()
        do {
            let tracing = try SwiftTracingBackend(collector: collector, serviceName: "swift-test-environment")
            let interceptor = TracingInterceptor(tracer: tracing.tracer)
            let environment = WorkflowTestEnvironment(
                workflows: [TracedHandlersWorkflow.registration],
                activities: [TracedHandlersWorkflow.failingGreet],
                clientInterceptors: [interceptor],
                workerInterceptors: [interceptor]
            )
            let client = environment.client
            let workflow = TracedHandlersWorkflow.self
            let execution = try await client.start(
                workflow.definition,
                input: "Sam",
                options: WorkflowStartOptions(id: "traced-handlers", taskQueue: "tracing")
            )
            try await client.signal(workflow.poke, input: "once", execution: execution)
            #expect(try await client.query(workflow.pokeCount, input: (), execution: execution) == 1)
            let update = try await client.startUpdate(
                workflow.finish,
                input: "now",
                execution: execution,
                options: UpdateOptions(waitFor: .completed)
            )
            #expect(try await update.result() == 1)
            await #expect(throws: WorkflowFailedError.self) {
                try await client.result(of: workflow.definition, execution: execution)
            }
            await environment.shutdown()
            let type = workflow.workflowType
            let spans = try await collector.waitForSpans { spans in
                spans.named("CompleteWorkflow:\(type)").count >= 1 && spans.named("HandleUpdate:finish").count >= 1
                    && spans.named("HandleQuery:pokeCount").count >= 1 && spans.named("RunActivity:failing_greet").count >= 1
            }
            await tracing.shutdown()

            let start = try spans.single("StartWorkflow:\(type)")
            let signal = try spans.single("SignalWorkflow:poke")
            let handleSignal = try spans.single("HandleSignal:poke")
            #expect(signal.kind == "client" && handleSignal.kind == "server")
            // Handlers run in the workflow's context and link to the caller, as in the Python SDK.
            #expect(handleSignal.parentSpanId == start.spanId && handleSignal.links == [signal.spanId], "\(spans.tree)")

            let query = try spans.single("QueryWorkflow:pokeCount")
            let handleQuery = try spans.single("HandleQuery:pokeCount")
            #expect(handleQuery.parentSpanId == query.spanId && handleQuery.links == [start.spanId], "\(spans.tree)")

            let startUpdate = try spans.single("StartWorkflowUpdate:finish")
            let handleUpdate = try spans.single("HandleUpdate:finish")
            #expect(handleUpdate.parentSpanId == start.spanId && handleUpdate.links == [startUpdate.spanId], "\(spans.tree)")

            let runActivity = try spans.single("RunActivity:failing_greet")
            #expect(runActivity.status == 2 && runActivity.events.contains("exception"), "the activity's error is on its span")
            let complete = try spans.single("CompleteWorkflow:\(type)")
            #expect(complete.events.contains("exception"), "the workflow's failure is on CompleteWorkflow")
            // The client's calls outside any span start traces of their own; the workflow's spans
            // stay in the start's trace, a query's handler in the query's.
            let workflowSpans = [handleSignal, handleUpdate, runActivity, complete, try spans.single("RunWorkflow:\(type)")]
            #expect(workflowSpans.allSatisfy { $0.traceId == start.traceId }, "\(spans.tree)")
            #expect(handleQuery.traceId == query.traceId && query.traceId != start.traceId)
        } catch {
            await collector.stop()
            throw error
        }
        await collector.stop()
    }
}
