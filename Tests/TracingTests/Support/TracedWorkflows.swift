import TemporalContracts

/// The Swift workflow of the cross-language scenario: greets through the Python activity
/// `python_greet` twice, so it runs three workflow tasks (and, with the worker's cache off,
/// replays its history in the second and third).
final class TracedGreetingWorkflow: WorkflowImplementation {
    init() {}

    static let workflowType = "SwiftTracedWorkflow"
    static let greet = ActivityDefinition<String, String>(name: "python_greet", input: .single(), output: .single())

    /// Serves any workflow type; the tests start it as ``workflowType``.
    static func registration(activityTaskQueue: String?) -> WorkflowRegistration {
        .dynamic(TracedGreetingWorkflow.self) { _, input, context in
            let name = try input.decode(as: String.self)
            let options = ActivityOptions(taskQueue: activityTaskQueue, startToCloseTimeout: .seconds(60))
            let first = try await context.executeActivity(greet, input: name, options: options)
            return try await context.executeActivity(greet, input: first, options: options)
        }
    }

    /// `python_greet` in Swift, for the in-process test environment.
    static let swiftGreet = ActivityRegistration.dynamic { input, _ in
        "Hello, \(try input.decode(as: String.self))"
    }
}

/// The Python workflow the Swift client starts (`tracing_peer.py`).
enum PythonTracedWorkflow {
    static let definition = WorkflowDefinition<String, String>(name: "PythonTracedWorkflow", input: .single(), output: .single())
}
