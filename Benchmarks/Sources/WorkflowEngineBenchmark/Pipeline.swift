@_spi(Generated) import TemporalContracts

/// The benchmark's workflow, declared by hand as generated code would: 10 Step activities, each
/// followed by a one-minute timer (the Python side in python/replay_pipeline.py is the same).
final class Pipeline: WorkflowImplementation {
    static let definition = WorkflowDefinition<Int, Int>(
        name: "Pipeline",
        input: .single(),
        output: .single(),
        defaults: WorkflowDefaults(taskQueue: "benchmark")
    )
    static let step = ActivityDefinition<Int, Int>(
        name: "Step",
        input: .single(),
        output: .single(),
        defaults: ActivityDefaults(startToCloseTimeout: .seconds(10))
    )

    static var registration: WorkflowRegistration {
        WorkflowRegistration(definition, implementation: Pipeline.self) { workflow, steps, context in
            try await workflow.run(steps: steps, context: context)
        }
    }

    static let stepRegistration = ActivityRegistration(step) { index, _ in index * 10 }

    init() {}

    func run(steps: Int, context: any WorkflowContext) async throws -> Int {
        var total = 0
        for index in 1...max(steps, 1) {
            total += try await context.executeActivity(Self.step, input: index, options: ActivityOptions())
            try await context.sleep(for: .seconds(60))
        }
        return total
    }
}
