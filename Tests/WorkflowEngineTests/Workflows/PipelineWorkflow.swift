import TemporalContracts

/// Step activities, each followed by a one-minute timer: the benchmark's shape.
final class PipelineWorkflow: Engine.PipelineWorkflow {
    func run(steps: Int, context: any WorkflowContext) async throws -> Int {
        let activities = Engine.ActivityStubs(context)
        var total = 0
        for index in 1...max(steps, 1) {
            total += try await activities.step(index: index)
            try await context.sleep(for: .seconds(60))
        }
        return total
    }
}

/// The same workflow changed incompatibly: it sleeps before the first step.
final class ReorderedPipelineWorkflow: Engine.PipelineWorkflow {
    func run(steps: Int, context: any WorkflowContext) async throws -> Int {
        let activities = Engine.ActivityStubs(context)
        var total = 0
        for index in 1...max(steps, 1) {
            try await context.sleep(for: .seconds(60))
            total += try await activities.step(index: index)
        }
        return total
    }
}
