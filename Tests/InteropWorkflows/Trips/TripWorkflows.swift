import Foundation
import TemporalContracts

/// The Trips workflows implemented in Swift, in the versions a test worker can run.
public enum TripWorkflows {
    /// Which BookTrip a worker runs: the current code, the code before the `loyalty-points`
    /// patch, or an incompatible change.
    public enum Version: String, Sendable, CaseIterable {
        case current, unpatched, reordered
    }

    public static func registrations(_ version: Version = .current) -> [WorkflowRegistration] {
        let bookTrip =
            switch version {
            case .current: BookTripWorkflow.registration
            case .unpatched: UnpatchedBookTripWorkflow.registration
            case .reordered: ReorderedBookTripWorkflow.registration
            }
        return [
            bookTrip, GreetWorkflow.registration, LongLocalWorkflow.registration, MarathonWorkflow.registration,
            TickerWorkflow.registration, AwaitCancelWorkflow.registration, DeliberateWorkflow.registration,
        ]
    }
}

/// Greets the traveler after a one-second timer; Python's PlanTrip runs it as a child.
public final class GreetWorkflow: Trips.GreetWorkflow {
    public init() {}

    public func run(_ input: String, context: any WorkflowContext) async throws -> String {
        try await context.sleep(for: .seconds(1))
        return "Hello, \(input)!"
    }
}

/// Runs Doze as a local activity for longer than the workflow task timeout: the worker must
/// heartbeat the task meanwhile.
public final class LongLocalWorkflow: Trips.LongLocalWorkflow {
    public init() {}

    public func run(seconds: Double, context: any WorkflowContext) async throws -> Double {
        try await Trips.ActivityStubs(context).dozeLocally(seconds: seconds)
    }
}

/// Step activities separated by timers: long enough to be interrupted by a crash mid-way.
public final class MarathonWorkflow: Trips.MarathonWorkflow {
    public init() {}

    public func run(steps: Int, pauseMs: Int, log: String, context: any WorkflowContext) async throws -> Int {
        let activities = Trips.ActivityStubs(context)
        // On the workflow's own queue (the contract's is `trips-swift`), so the steps run on the
        // worker that runs the workflow: the one a test kills.
        let options = ActivityOptions(taskQueue: context.info.taskQueue)
        var sum = 0
        for index in 0..<steps {
            sum += try await activities.step(index: index, log: log, options: options)
            try await context.sleep(for: .milliseconds(pauseMs))
        }
        return sum
    }
}

/// Many short timers at once, so its history spans several pages.
public final class TickerWorkflow: Trips.TickerWorkflow {
    private var ticked = 0
    private var approved = false

    public init() {}

    public func run(ticks: Int, context: any WorkflowContext) async throws -> Int {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<ticks {
                group.addTask { try await context.sleep(for: .milliseconds(1)) }
            }
            for try await _ in group { ticked += 1 }
        }
        try await context.condition { self.approved }
        return ticked
    }

    public func approve(_ input: String, context: any WorkflowContext) async throws { approved = true }

    public func getStatus(context: any WorkflowContext) throws -> Trips.TripStatus {
        Trips.TripStatus(stage: "ticked \(ticked)", stops: [], budget: 0)
    }
}

/// Waits for cancellation, then runs Python's RecordCleanup shielded from it and ends canceled.
public final class AwaitCancelWorkflow: Trips.AwaitCancelWorkflow {
    public init() {}

    public func run(token: String, context: any WorkflowContext) async throws -> String {
        do {
            try await context.condition { false }
            return "unreachable"
        } catch {
            try await context.shielded {
                _ = try await Trips.ActivityStubs(context).recordCleanup(token: token)
            }
            throw error
        }
    }
}

/// Dozes in a local activity, then waits for approval; the Swift twin of Python's Deliberate.
public final class DeliberateWorkflow: Trips.DeliberateWorkflow {
    private var budget = 0
    private var approved = false

    public init() {}

    public func run(seconds: Double, context: any WorkflowContext) async throws -> Int {
        _ = try await Trips.ActivityStubs(context).dozeLocally(seconds: seconds)
        try await context.condition { self.approved }
        return budget
    }

    public func approve(_ input: String, context: any WorkflowContext) async throws { approved = true }

    public func setBudget(_ input: Int, context: any WorkflowContext) async throws -> Int {
        defer { budget = input }
        return budget
    }

    public func validateSetBudget(_ input: Int, context: any WorkflowContext) throws { try TripState.validate(budget: input) }
}
