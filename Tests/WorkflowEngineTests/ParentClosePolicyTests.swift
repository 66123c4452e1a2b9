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
