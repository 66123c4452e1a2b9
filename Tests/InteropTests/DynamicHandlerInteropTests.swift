import Foundation
import Testing

/// Dynamic handlers on a real server, driven by Python: the Swift interop worker serves only a
/// dynamic workflow and a dynamic activity on its `-dynamic` queue, so every name Python uses
/// there is one no Swift registration declares.
@Suite(.tripsWorkers, .timeLimit(.minutes(5)))
struct DynamicHandlerInteropTests {
    static let dynamicQueue = TripsEnvironment.swiftQueue + "-dynamic"

    @Test func pythonClientDrivesAnUnregisteredWorkflowTypeServedByTheDynamicWorkflow() async throws {
        let environment = try TripsEnvironment.require()
        let workflowID = "dynamic-\(UUID().uuidString)"
        _ = try await environment.python([
            "start", "--workflow-id", workflowID, "--workflow-type", "MadeUpWorkflow", "--task-queue", Self.dynamicQueue,
            "--args-json", #"["hello"]"#,
        ])
        _ = try await environment.python([
            "signal", "--workflow-id", workflowID, "--signal-name", "MadeUpSignal", "--args-json", #"["ping"]"#,
        ])
        let query = try await environment.python(["query", "--workflow-id", workflowID, "--query-name", "MadeUpQuery"])
        #expect(query["result"] as? String == #"MadeUpQuery: ["MadeUpSignal=ping"]"#)
        let update = try await environment.python([
            "update", "--workflow-id", workflowID, "--update-name", "MadeUpUpdate", "--args-json", "[true]",
        ])
        #expect(update["result"] as? String == "MadeUpUpdate after 1", "\(update)")
        let result = try await environment.python(["result", "--workflow-id", workflowID])
        #expect(result["result"] as? String == "MadeUpWorkflow(hello): MadeUpSignal=ping", "\(result)")
    }

    @Test func pythonWorkflowCallsAnActivityOnlyTheDynamicActivityServes() async throws {
        let environment = try TripsEnvironment.require()
        let workflowID = "dynamic-activity-\(UUID().uuidString)"
        _ = try await environment.python([
            "start", "--workflow-id", workflowID, "--workflow-type", "CallActivity", "--task-queue", TripsEnvironment.pythonQueue,
            "--args-json", #"["MadeUpActivity", "\#(Self.dynamicQueue)", "py"]"#,
        ])
        let result = try await environment.python(["result", "--workflow-id", workflowID])
        #expect(result["result"] as? String == "MadeUpActivity ran with py", "\(result)")
    }
}
