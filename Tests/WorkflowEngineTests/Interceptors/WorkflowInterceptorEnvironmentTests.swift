import Foundation
import SwiftProtobuf
import TemporalAPI
@_spi(Generated) import TemporalContracts
import TemporalContractsTesting
import Testing

/// Client and worker interceptors end to end in the test environment: a header the client
/// sets on the start reaches the run, its activities (normal and local), its child and the run
/// it continues as.
@Suite("Workflow interceptors in the test environment", .timeLimit(.minutes(1)))
struct WorkflowInterceptorEnvironmentTests {
    /// Runs Echo and a local Echo, starts a Kid child when `generation` is 1, then continues
    /// as generation 0, which ends.
    final class Relay: WorkflowImplementation {
        static let definition = WorkflowDefinition<Int, String>(name: "Relay", input: .single(), output: .single())
        static let kid = WorkflowDefinition<Void, String>(name: "Kid", input: .void, output: .single())

        static var registration: WorkflowRegistration {
            WorkflowRegistration(definition, implementation: Relay.self) { (_: Relay, generation: Int, context) in
                let echoed = try await context.executeActivity(ScriptedWorkflow.echo, input: "run\(generation)", options: ActivityOptions())
                let local = try await context.executeLocalActivity(
                    ScriptedWorkflow.echo,
                    input: "local\(generation)",
                    options: ActivityOptions()
                )
                guard generation > 0 else { return "\(echoed) \(local)" }
                _ = try await context.executeChildWorkflow(kid, input: (), options: ChildWorkflowOptions(id: "kid-of-relay"))
                try context.continueAsNew(definition, input: generation - 1)
            }
        }

        static var kidRegistration: WorkflowRegistration {
            WorkflowRegistration(kid, implementation: Relay.self) { (_: Relay, _: Void, context) in
                try await context.executeActivity(ScriptedWorkflow.echo, input: "kid", options: ActivityOptions())
            }
        }

        init() {}
    }

    @Test("the client's header reaches activities, local activities, the child and the next run")
    func headerTravels() async throws {
        let attempts = CallLog()
        let propagation = TenantPropagation(attempts: attempts)
        let echo = ActivityRegistration(ScriptedWorkflow.echo) { input, _ in input }
        let environment = WorkflowTestEnvironment(
            workflows: [Relay.registration, Relay.kidRegistration],
            activities: [echo],
            clientInterceptors: [propagation],
            workerInterceptors: [propagation]
        )
        do {
            let execution = try await TenantPropagation.$current.withValue("acme") {
                try await environment.client.start(
                    Relay.definition,
                    input: 1,
                    options: WorkflowStartOptions(id: "relay", taskQueue: "interceptors")
                )
            }
            let result = try await environment.client.result(of: Relay.definition, execution: WorkflowExecution(workflowID: "relay"))
            #expect(result == "run0 local0")
            #expect(
                attempts.all.map { $0.split(separator: " ").dropFirst().joined(separator: " ") } == [
                    "acme run1", "acme local1", "acme kid", "acme run0", "acme local0",
                ]
            )
            // The histories hold the headers as the server's would.
            let first = try await environment.history(of: execution)
            let continued = first.events.last { $0.eventType == .workflowExecutionContinuedAsNew }
            #expect(Self.tenant(continued?.workflowExecutionContinuedAsNewEventAttributes.header) == "acme")
            let kid = try await environment.history(of: WorkflowExecution(workflowID: "kid-of-relay"))
            #expect(Self.tenant(kid.events.first?.workflowExecutionStartedEventAttributes.header) == "acme")
        } catch {
            await environment.shutdown()
            throw error
        }
        await environment.shutdown()
    }

    @Test("without interceptors nothing carries a header")
    func noInterceptorsNoHeaders() async throws {
        let echo = ActivityRegistration(ScriptedWorkflow.echo) { input, _ in input }
        try await withWorkflowTestEnvironment(workflows: [Relay.registration, Relay.kidRegistration], activities: [echo]) { environment in
            let execution = try await environment.client.start(
                Relay.definition,
                input: 1,
                options: WorkflowStartOptions(id: "relay", taskQueue: "interceptors")
            )
            _ = try await environment.client.result(of: Relay.definition, execution: WorkflowExecution(workflowID: "relay"))
            let history = try await environment.history(of: execution)
            let headed = history.events.filter { event in
                event.activityTaskScheduledEventAttributes.hasHeader || event.workflowExecutionStartedEventAttributes.hasHeader
                    || event.startChildWorkflowExecutionInitiatedEventAttributes.hasHeader
            }
            #expect(headed.isEmpty)
        }
    }

    static func tenant(_ header: Temporal_Api_Common_V1_Header?) -> String {
        CallLog.text(header?.fields[TenantPropagation.headerKey].map { Payload(metadata: $0.metadata, data: $0.data) })
    }
}
