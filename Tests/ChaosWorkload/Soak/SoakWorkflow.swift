import Foundation
import TemporalContracts

/// The soak's workflow. Round 0 runs the flaky activity and continues as new; round 1 runs a local
/// activity, a side effect, a patch, a timer, a heartbeating activity that a timer cancels and a
/// child workflow, then waits for the tags and deposits the order expects (`ChaosOracle`).
public final class SoakWorkflow: Chaos.SoakWorkflow {
    private var stage = "starting"
    private var tags: Set<String> = []
    /// One entry per applied update, so an update applied twice shows as a repeated ID.
    private var deposits: [String] = []
    private var balance = 0

    public init() {}

    public func run(_ input: Chaos.Order, context: any WorkflowContext) async throws -> Chaos.Outcome {
        let index = input.index
        let activities = Chaos.ActivityStubs(context)
        // The activities run where the workflow runs: on the queue the soak's workers serve.
        let onQueue = ActivityOptions(taskQueue: context.info.taskQueue)
        if input.round == 0 {
            stage = "round 0"
            let flaky = try await activities.flaky(value: index, failures: ChaosOracle.failures(of: index), options: onQueue)
            try context.continueAsNew(Chaos.Workflows.soak, input: Chaos.Order(index: index, round: 1, carried: flaky))
        }
        stage = "working"
        var total = input.carried ?? 0
        total += try await activities.mixLocally(value: index)
        total += try context.sideEffect { ChaosOracle.sideEffect(of: index) }
        let patched = context.patched("chaos-bonus")
        if patched { total += ChaosOracle.patchBonus }
        try await context.sleep(for: .milliseconds(200))
        let lingerCanceled = try await lingerUntilCanceled(index: index, activities: activities, options: onQueue, context: context)
        total += try await Chaos.ChildWorkflowStubs(context).executeSquare(
            value: ChaosOracle.childInput(of: index),
            options: ChildWorkflowOptions(id: "\(context.info.workflowID)-square", taskQueue: context.info.taskQueue)
        )
        stage = "waiting"
        try await context.condition {
            self.tags.count >= ChaosOracle.tags(of: index).count && self.deposits.count >= ChaosOracle.deposits(of: index).count
        }
        stage = "done"
        return Chaos.Outcome(
            index: index,
            total: total,
            signals: tags.sorted(),
            deposits: deposits,
            balance: balance,
            patched: patched,
            lingerCanceled: lingerCanceled
        )
    }

    /// Starts Linger (which heartbeats until canceled) and cancels it after a timer; true when
    /// the activity ended canceled.
    private func lingerUntilCanceled(
        index: Int,
        activities: Chaos.ActivityStubs,
        options: ActivityOptions,
        context: any WorkflowContext
    ) async throws -> Bool {
        try await withThrowingTaskGroup(of: Bool?.self) { group in
            group.addTask {
                do {
                    _ = try await activities.linger(value: index, options: options)
                    return false
                } catch {
                    if Task.isCancelled { return true }
                    throw error
                }
            }
            group.addTask {
                try await context.sleep(for: .milliseconds(600))
                return nil
            }
            while let finished = try await group.next() {
                if let canceled = finished { return canceled }
                group.cancelAll()
            }
            return false
        }
    }

    public func tag(_ input: String, context: any WorkflowContext) async throws {
        tags.insert(input)
    }

    public func getProgress(context: any WorkflowContext) throws -> Chaos.Progress {
        Chaos.Progress(stage: stage, signals: tags.count, deposits: deposits.count)
    }

    public func makeDeposit(_ input: Chaos.Deposit, context: any WorkflowContext) async throws -> Int {
        deposits.append(input.id)
        balance += input.amount
        return balance
    }

    public func validateMakeDeposit(_ input: Chaos.Deposit, context: any WorkflowContext) throws {
        guard input.amount >= 1 else {
            throw ApplicationError("a deposit must be at least 1, got \(input.amount)", type: "InvalidDeposit")
        }
    }
}
