@_spi(Generated) import TemporalContracts

/// The benchmark's workflow, declared by hand as generated code would: it starts, then waits for
/// `Finish`; `Poke` stores a value and the `Read` update returns it (python/waiting_run.py is the
/// same).
final class WaitingRun: WorkflowImplementation {
    static let definition = WorkflowDefinition<String, String>(name: "WaitingRun", input: .single(), output: .single())
    static let poke = SignalDefinition<String>(name: "Poke", input: .single())
    static let finish = SignalDefinition<String>(name: "Finish", input: .single())
    static let read = UpdateDefinition<String, String>(name: "Read", input: .single(), output: .single())

    static var registration: WorkflowRegistration {
        WorkflowRegistration(definition, implementation: WaitingRun.self) { workflow, name, context in
            try await workflow.run(name, context: context)
        } handlers: { handlers in
            handlers.signal(poke) { workflow, value, _ in workflow.value = value }
            handlers.signal(finish) { workflow, _, _ in workflow.finished = true }
            handlers.update(read) { workflow, _, _ in workflow.value }
        }
    }

    private var value = ""
    private var finished = false

    init() {}

    func run(_ name: String, context: any WorkflowContext) async throws -> String {
        try await context.condition { self.finished }
        return value
    }
}
