@_spi(Generated) import TemporalContracts

/// The benchmark's workflow, declared by hand as generated code would (python/history_replay.py
/// declares the same type, activity, signal and query names and payload shapes): each iteration
/// runs a `Step` activity and a one-second timer, and every tenth waits for a `Bump` signal, so long
/// histories mix activities, timers and signals. (No patch markers: the Python SDK's core does not
/// announce the `core_patch` markers of these histories on replay, and fails them as nondeterministic.)
final class LongHistory: WorkflowImplementation {
    static let definition = WorkflowDefinition<Int, Int>(
        name: "LongHistory",
        input: .single(),
        output: .single(),
        defaults: WorkflowDefaults(taskQueue: "history-replay")
    )
    static let step = ActivityDefinition<Int, Int>(
        name: "Step",
        input: .single(),
        output: .single(),
        defaults: ActivityDefaults(startToCloseTimeout: .seconds(10))
    )
    static let bump = SignalDefinition<Int>(name: "Bump", input: .single())
    /// How many signals the run waits for so far: the driver sends the next one when it rises.
    static let waiting = QueryDefinition<Void, Int>(name: "Waiting", input: .void, output: .single())

    static var registration: WorkflowRegistration { registration(timer: .seconds(1)) }

    /// The registration with timers of `timer`: the dev-server part records its histories with
    /// short timers, since a real server waits them out.
    static func registration(timer: Duration) -> WorkflowRegistration {
        WorkflowRegistration(
            definition,
            implementation: LongHistory.self,
            run: { workflow, iterations, context in try await workflow.run(iterations: iterations, timer: timer, context: context) }
        ) { table in
            table.signal(bump) { workflow, amount, _ in workflow.bumps += amount }
            table.query(waiting) { workflow, _, _ in workflow.waitingFor }
        }
    }

    static let stepRegistration = ActivityRegistration(step) { index, _ in index * 10 }

    /// Iterations between two signal waits.
    static let signalEvery = 10

    var bumps = 0
    var waitingFor = 0

    init() {}

    func run(iterations: Int, timer: Duration, context: any WorkflowContext) async throws -> Int {
        var total = 0
        for index in 1...max(iterations, 1) {
            total += try await context.executeActivity(Self.step, input: index, options: ActivityOptions())
            try await context.sleep(for: timer)
            if index % Self.signalEvery == 0 {
                let wanted = index / Self.signalEvery
                waitingFor = wanted
                _ = try await context.condition(timeout: nil) { self.bumps >= wanted }
            }
        }
        return total + bumps
    }
}
