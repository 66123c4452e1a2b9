import TemporalContracts

/// The dynamic workflow of the interop worker's `-dynamic` queue: serves any workflow type a
/// Python client starts there, records the signals it gets under any name, answers any query
/// with what it recorded, and ends when an update of any name passes `true`.
final class DynamicEchoWorkflow: WorkflowImplementation {
    private var received: [String] = []
    private var done = false

    init() {}

    static let registration = WorkflowRegistration.dynamic(
        DynamicEchoWorkflow.self,
        run: { workflow, input, context in
            let greeting = try input.decode(as: String.self)
            try await context.condition { workflow.done }
            return "\(input.name)(\(greeting)): \(workflow.received.joined(separator: ", "))"
        },
        signal: { workflow, input, _ in workflow.received.append("\(input.name)=\(try input.decode(as: String.self))") },
        query: { workflow, input, _ in "\(input.name): \(workflow.received)" },
        update: { workflow, input, _ in
            workflow.done = try input.decode(as: Bool.self)
            return "\(input.name) after \(workflow.received.count)"
        }
    )

    /// Runs any activity type scheduled on the queue: answers with its name and argument.
    static let activity = ActivityRegistration.dynamic { input, _ in
        "\(input.name) ran with \(try input.decode(as: String.self))"
    }
}
