import TemporalContracts

/// A workflow with a signal, a query and an update, that ends by running an activity that fails:
/// the handler spans, their links, and errors recorded on spans.
final class TracedHandlersWorkflow: WorkflowImplementation {
    private var pokes = 0
    private var finished = false

    init() {}

    static let workflowType = "TracedHandlersWorkflow"
    static let definition = WorkflowDefinition<String, String>(name: workflowType, input: .single(), output: .single())
    static let poke = SignalDefinition<String>(name: "poke", input: .single())
    static let pokeCount = QueryDefinition<Void, Int>(name: "pokeCount", input: .void, output: .single())
    static let finish = UpdateDefinition<String, Int>(name: "finish", input: .single(), output: .single())
    static let failingActivity = ActivityDefinition<String, String>(name: "failing_greet", input: .single(), output: .single())

    static let registration = WorkflowRegistration.dynamic(
        TracedHandlersWorkflow.self,
        run: { workflow, input, context in
            let name = try input.decode(as: String.self)
            try await context.condition { workflow.finished }
            let options = ActivityOptions(startToCloseTimeout: .seconds(10), retryPolicy: RetryPolicy(maximumAttempts: 1))
            return try await context.executeActivity(failingActivity, input: name, options: options)
        },
        signal: { workflow, _, _ in workflow.pokes += 1 },
        query: { workflow, _, _ in workflow.pokes },
        update: { workflow, _, _ in
            workflow.finished = true
            return workflow.pokes
        }
    )

    /// Fails every attempt, with a message the span's status carries.
    static let failingGreet = ActivityRegistration.dynamic { _, _ -> String in
        throw ApplicationError("no greeting today", type: "GreetingRefused", isNonRetryable: true)
    }
}
