import TemporalContracts

/// The fallback workflow served for types no registration names: it collects the signals it
/// gets under any name and ends when an update of any name asks it to.
final class DynamicFallbackWorkflow: WorkflowImplementation {
    var notes: [String] = []
    var finished = false

    init() {}

    static let registration = WorkflowRegistration.dynamic(
        DynamicFallbackWorkflow.self,
        run: { workflow, input, context in
            let greeting = try input.decode(as: String.self)
            try await context.condition { workflow.finished }
            return "\(input.name)(\(greeting)): \(workflow.notes.joined(separator: ", "))"
        },
        signal: { workflow, input, _ in workflow.notes.append("\(input.name)=\(try input.decode(as: String.self))") },
        query: { workflow, input, _ in "\(input.name): \(workflow.notes.count)" },
        update: { workflow, input, _ in
            workflow.finished = try input.decode(as: Bool.self)
            return "\(input.name) after \(workflow.notes.count)"
        }
    )
}
