@_spi(Generated) import TemporalContracts

/// The ten-activity workload's workflow, declared by hand as generated code would: ten sequential
/// Echo activities, each fed the previous result, then the last result (the Python side in
/// python/one_activity.py is the same).
final class TenActivities: WorkflowImplementation {
    static let definition = WorkflowDefinition<String, String>(name: "TenActivities", input: .single(), output: .single())

    static var registration: WorkflowRegistration {
        WorkflowRegistration(definition, implementation: TenActivities.self) { workflow, text, context in
            try await workflow.run(text, context: context)
        }
    }

    init() {}

    func run(_ text: String, context: any WorkflowContext) async throws -> String {
        var result = text
        for _ in 0..<10 {
            result = try await context.executeActivity(OneActivity.echo, input: result, options: ActivityOptions())
        }
        return result
    }
}
