import Foundation
import TemporalAPI
@_spi(Generated) import TemporalContracts
import TemporalContractsTesting
import Testing

/// The test environment applies a child's parent-close policy when its parent closes, as the
/// server does: terminate (also when the start named none), request cancellation, or abandon.
@Suite("Parent-close policies in the test environment", .timeLimit(.minutes(1)))
struct ParentClosePolicyTests {
    /// Starts Engine's Child (which waits for a Wake signal; a cancellation ends it as canceled)
    /// with the policy named by its input, and completes at once.
    final class LeavingParent: WorkflowImplementation {
        static let definition = WorkflowDefinition<String, String>(name: "LeavingParent", input: .single(), output: .single())
        static var registration: WorkflowRegistration {
            WorkflowRegistration(definition, implementation: LeavingParent.self) { (_: LeavingParent, policy: String, context) in
                let policy: ParentClosePolicy? =
                    switch policy {
                    case "terminate": .terminate
                    case "requestCancel": .requestCancel
                    case "abandon": .abandon
                    default: nil
                    }
                let child = try await Engine.ChildWorkflowStubs(context).startChild(
                    options: ChildWorkflowOptions(id: "child-of-\(context.info.workflowID)", parentClosePolicy: policy)
                )
                return child.execution.workflowID
            }
        }

        init() {}
    }

    @Test(
        "the child ends as the policy says once the parent completed",
        arguments: [
            ("terminate", WorkflowExecutionStatus.terminated), ("requestCancel", .canceled), ("abandon", .running),
            ("unset", .terminated),
        ]
    )
    func policy(_ policy: String, expected: WorkflowExecutionStatus) async throws {
        try await withWorkflowTestEnvironment(workflows: [LeavingParent.registration, ChildWorkflow.registration]) { environment in
            let parent = try await environment.client.start(
                LeavingParent.definition,
                input: policy,
                options: WorkflowStartOptions(id: "parent-\(policy)", taskQueue: "engine-tests")
            )
            let childID = try await environment.client.result(of: LeavingParent.definition, execution: parent)
            let child = WorkflowExecution(workflowID: childID)
            if expected != .running {
                // Wait for the child to end: a result throws once it was terminated or canceled.
                await #expect(throws: (any Error).self) {
                    _ = try await environment.client.result(of: Engine.Workflows.child, execution: child)
                }
            }
            #expect(try await environment.client.describe(child).status == expected)
            let history = try await environment.history(of: child)
            let cancelRequested = history.events.contains { $0.eventType == .workflowExecutionCancelRequested }
            #expect(cancelRequested == (policy == "requestCancel"))
        }
    }
}

/// The test environment records what the commands carry, as the server does: priorities on the
/// activity and child events, summaries on the activity, timer and child events; and the
/// workflow's current details reach the metadata query.
@Suite("Priority and user metadata in the test environment", .timeLimit(.minutes(1)))
struct PriorityAndMetadataEnvironmentTests {
    final class Busy: WorkflowImplementation {
        static let definition = WorkflowDefinition<String, String>(name: "Busy", input: .single(), output: .single())
        static let stamp = ActivityDefinition<String, String>(
            name: "Stamp",
            input: .single(),
            output: .single(),
            defaults: ActivityDefaults(startToCloseTimeout: .seconds(5), priority: Priority(priorityKey: 1), summary: "Stamping")
        )
        static let ward = WorkflowDefinition<Void, String>(
            name: "Child",
            input: .void,
            output: .single(),
            defaults: WorkflowDefaults(priority: Priority(fairnessKey: "wards"), summary: "A ward")
        )
        static var registration: WorkflowRegistration {
            WorkflowRegistration(definition, implementation: Busy.self) { (_: Busy, input: String, context) in
                let stamped = try await context.executeActivity(stamp, input: input, options: ActivityOptions())
                context.currentDetails = "stamped \(stamped)"
                try await context.sleep(for: .seconds(1), summary: "a nap")
                let child = try await context.startChildWorkflow(ward, input: (), options: ChildWorkflowOptions(id: "ward-of-busy"))
                try await context.signalExternalWorkflow(Engine.Signals.wake, input: "up", execution: child.execution)
                return try await child.result()
            }
        }

        init() {}
    }

    @Test func eventsCarryThePrioritiesAndSummaries() async throws {
        let stamp = ActivityRegistration(Busy.stamp) { input, _ in "[\(input)]" }
        try await withWorkflowTestEnvironment(
            workflows: [Busy.registration, ChildWorkflow.registration],
            activities: [stamp]
        ) { environment in
            let run = try await environment.client.start(
                Busy.definition,
                input: "x",
                options: WorkflowStartOptions(id: "busy", taskQueue: "engine-tests")
            )
            #expect(try await environment.client.result(of: Busy.definition, execution: run) == "woke: up")
            let events = try await environment.history(of: run).events
            // A JSON string payload, as the Python SDK sends it.
            func summary(_ event: Temporal_Api_History_V1_HistoryEvent) -> String {
                let payload = event.userMetadata.summary
                #expect(payload.metadata["encoding"] == Data("json/plain".utf8))
                return String(decoding: payload.data, as: UTF8.self)
            }
            let scheduled = try #require(events.first { $0.eventType == .activityTaskScheduled })
            #expect(scheduled.activityTaskScheduledEventAttributes.priority.priorityKey == 1)
            #expect(summary(scheduled) == #""Stamping""#)
            let timer = try #require(events.first { $0.eventType == .timerStarted })
            #expect(summary(timer) == #""a nap""#)
            let initiated = try #require(events.first { $0.eventType == .startChildWorkflowExecutionInitiated })
            #expect(initiated.startChildWorkflowExecutionInitiatedEventAttributes.priority.fairnessKey == "wards")
            #expect(summary(initiated) == #""A ward""#)
        }
    }
}
