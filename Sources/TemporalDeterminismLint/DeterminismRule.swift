/// A construct that makes workflow code behave differently when the engine replays its history,
/// with the `WorkflowContext` call that replaces it.
public enum DeterminismRule: String, CaseIterable, Sendable {
    /// `Date()`, `Date.now`, `Date(timeIntervalSinceNow:)`: the machine's clock.
    case wallClock = "wall-clock"
    /// `ContinuousClock`, `SuspendingClock`, `clock_gettime` and friends: the machine's clocks.
    case systemClock = "system-clock"
    /// `UUID()`: a random UUID from the system.
    case uuid = "uuid"
    /// `Int.random(in:)`, `randomElement()`, `shuffled()`, `SystemRandomNumberGenerator`, `arc4random`, `drand48`.
    case random = "random"
    /// `Task.sleep`: a timer the history does not record.
    case taskSleep = "task-sleep"
    /// `Task.detached`: work outside the workflow's executor.
    case detachedTask = "detached-task"
    /// `Task { }`: an unstructured task, which the engine neither orders nor waits for.
    case unstructuredTask = "unstructured-task"
    /// `DispatchQueue`, `DispatchGroup`, `DispatchSemaphore` and the rest of Dispatch.
    case dispatch = "dispatch"
    /// `Thread`: threads and thread sleeps.
    case thread = "thread"
    /// `FileManager` and file handles: the machine's file system.
    case fileSystem = "file-system"
    /// `URLSession`: the network.
    case network = "network"
    /// `ProcessInfo` and `getenv`: the machine's process state and environment.
    case processEnvironment = "process-environment"
    /// `print`, `debugPrint`, `NSLog`: output written again on every replay.
    case consoleOutput = "console-output"
    /// Reads and writes of global or static mutable state, shared by every execution in the worker.
    case globalMutableState = "global-mutable-state"
    /// A `temporal:allow-nondeterminism` comment without a reason.
    case allowanceWithoutReason = "allowance-without-reason"

    /// Why the construct breaks replay.
    public var hazard: String {
        switch self {
        case .wallClock, .systemClock: "reads the machine's clock, which differs when the engine replays the history"
        case .uuid, .random: "draws from the system's random source, which differs when the engine replays the history"
        case .taskSleep: "waits on a timer the history does not record, so the wait is lost on replay and restart"
        case .detachedTask, .unstructuredTask: "runs work the engine neither orders nor awaits, so a replay may interleave it differently"
        case .dispatch, .thread: "runs work on threads the engine neither orders nor records"
        case .fileSystem: "reads or writes the machine's file system, which may differ on replay"
        case .network: "calls the network, whose answer may differ on replay"
        case .processEnvironment: "reads the machine's process state, which may differ on the worker that replays"
        case .consoleOutput: "writes again every time the engine replays the history"
        case .globalMutableState: "is mutable state shared by every workflow execution in the worker, so a replay may see another value"
        case .allowanceWithoutReason: "opts out of the determinism check without saying why"
        }
    }

    /// What to use instead, named after the `WorkflowContext` API.
    public var replacement: String {
        switch self {
        case .wallClock: "use `context.now`, the workflow's time from the history"
        case .systemClock: "use `context.now` for the time and `context.sleep(for:)` for durations to wait"
        case .uuid: "use `context.uuid()`, drawn from the history's seed"
        case .random: "use `context.randomUInt64()`, drawn from the history's seed"
        case .taskSleep: "use `context.sleep(for:)`, a durable timer, or `context.condition(timeout:)`"
        case .detachedTask: "use `async let` or a task group, which the engine runs on the workflow's executor"
        case .unstructuredTask: "use `async let` or a task group, which the engine orders and awaits"
        case .dispatch, .thread:
            "use `async let` or a task group for concurrency, `context.sleep(for:)` to wait, `context.condition` to wait for state"
        case .fileSystem, .network: "do I/O in an activity (`context.executeActivity`), whose result the history records"
        case .processEnvironment:
            "pass the value in the workflow's input, or read it once in `context.sideEffect { }` so replays see the recorded value"
        case .consoleOutput: "use `context.logger`, which is silent while the engine replays"
        case .globalMutableState: "keep state in the workflow instance, or pass it in the input"
        case .allowanceWithoutReason: "say why, e.g. `// temporal:allow-nondeterminism only in a side effect's fallback`"
        }
    }

    /// Whether the construct is allowed inside `context.sideEffect { }`, whose result the history
    /// records: reading the clock, a random value or the environment there is the point of it;
    /// sleeping, threads and output are not.
    var allowedInSideEffect: Bool {
        switch self {
        case .wallClock, .systemClock, .uuid, .random, .processEnvironment, .fileSystem: true
        default: false
        }
    }
}
