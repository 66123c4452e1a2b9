import Foundation
import TemporalContracts
import TemporalContractsTesting
import TemporalContractsTracing
import Testing

/// The trace context travels to child workflows and to the next run after continue-as-new
/// (in-process, swift-otel exporting to the collector process).
@Suite(.serialized)
struct ChildAndContinueAsNewTracingTests {
    @Test func childAndNextRunStayInTheStartersTrace() async throws {
        let collector = try await SpanCollector.start()
        do {
            let tracing = try SwiftTracingBackend(collector: collector, serviceName: "swift-test-environment")
            let interceptor = TracingInterceptor(tracer: tracing.tracer)
            let environment = WorkflowTestEnvironment(
                workflows: [TracedFamilyWorkflow.registration],
                clientInterceptors: [interceptor],
                workerInterceptors: [interceptor]
            )
            let family = TracedFamilyWorkflow.self
            let execution = try await environment.client.start(
                family.parent,
                input: "Kim",
                options: WorkflowStartOptions(id: "traced-family", taskQueue: "tracing")
            )
            let result = try await environment.client.result(
                of: family.nextRun,
                execution: WorkflowExecution(workflowID: execution.workflowID)
            )
            #expect(result == "next run after child of Kim")
            await environment.shutdown()
            let spans = try await collector.waitForSpans { spans in
                spans.named("CompleteWorkflow:TracedNextRun").count >= 1 && spans.named("CompleteWorkflow:TracedChild").count >= 1
            }
            await tracing.shutdown()

            let start = try spans.single("StartWorkflow:TracedParent")
            let startChild = try spans.single("StartChildWorkflow:TracedChild")
            let runChild = try spans.single("RunWorkflow:TracedChild")
            let runNext = try spans.single("RunWorkflow:TracedNextRun")
            #expect(try spans.single("RunWorkflow:TracedParent").parentSpanId == start.spanId)
            #expect(startChild.parentSpanId == start.spanId && startChild.kind == "client")
            #expect(runChild.parentSpanId == startChild.spanId, "\(spans.tree)")
            #expect(try spans.single("CompleteWorkflow:TracedChild").parentSpanId == startChild.spanId)
            // Continue-as-new passes the context the run started under, not a new span.
            #expect(runNext.parentSpanId == start.spanId, "\(spans.tree)")
            #expect(spans.named("CompleteWorkflow:TracedParent").isEmpty, "a continued run did not complete")
            #expect(Set(spans.map(\.traceId)) == [start.traceId], "\(spans.tree)")
        } catch {
            await collector.stop()
            throw error
        }
        await collector.stop()
    }
}
