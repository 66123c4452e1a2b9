import Foundation
import Logging

/// A `WorkflowContext` for unit tests of workflow logic without a worker or a server: activities
/// run at once through their registrations (mock or real), timers advance a virtual clock instead
/// of waiting, child workflows answer from stubs, and log lines are kept. It does not replay or
/// check determinism; the engine's test environment does. Like the engine's context, use it from
/// one task at a time (it is `Sendable` so workflow code can hand it to `async let` children).
public final class MockWorkflowContext: WorkflowContext, @unchecked Sendable {
    public let info: WorkflowInfo
    public private(set) var now: Date
    public let dataConverter: DataConverter
    public let payloadConverter: any PayloadConverter
    /// The activities workflow code may call, by name.
    private var activities: [String: ActivityRegistration]
    private var children: [String: (Any) async throws -> Any] = [:]
    private var random: WorkflowRandom
    /// Activity names in call order, local ones included.
    public private(set) var activityCalls: [String] = []
    /// Signals sent to other workflows: (workflow ID, signal name).
    public private(set) var externalSignals: [(workflowID: String, signal: String)] = []
    /// Workflows asked to cancel, by workflow ID.
    public private(set) var externalCancellations: [String] = []
    /// The run's search attributes: set them to what the run starts with; upserts change them.
    public var searchAttributes: SearchAttributes = [:]
    /// The run's memo: set it to what the run starts with; upserts change it.
    public var memo: [String: Payload] = [:]
    /// Every `upsertSearchAttributes` call, in order.
    public internal(set) var searchAttributeUpserts: [SearchAttributes] = []
    /// The keys of every `upsertMemo` call, in order.
    public internal(set) var memoUpserts: [Set<String>] = []
    /// Patch IDs `patched` answers false for, to test the code path of old executions.
    public var unpatched: Set<String> = []
    /// What workflow code last set as its current details.
    public var currentDetails = ""
    /// The summary of every timer, in order (nil for a timer without one).
    public private(set) var timerSummaries: [String?] = []
    /// Always false: nothing is replayed.
    public let isReplaying = false
    /// Writes into `logLines`.
    public let logger: Logger
    private let logCapture = LogCapture()

    public init(
        info: WorkflowInfo = WorkflowInfo(
            namespace: "default",
            workflowID: "mock-workflow",
            runID: "mock-run",
            workflowType: "mock",
            taskQueue: "mock"
        ),
        activities: [ActivityRegistration] = [],
        now: Date = Date(timeIntervalSince1970: 1_800_000_000),
        seed: UInt64 = 42,
        dataConverter: DataConverter = .default
    ) {
        self.info = info
        self.now = now
        self.dataConverter = dataConverter
        self.payloadConverter = dataConverter.payloadConverter
        self.activities = Dictionary(activities.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.random = WorkflowRandom(seed: seed)
        self.logger = logCapture.logger(label: "temporal.workflow.mock")
    }

    /// What workflow code logged, as `level: message`.
    public var logLines: [String] { logCapture.lines }

    /// Answers child workflows of `workflow` with `body(input)`.
    public func stubChildWorkflow<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        _ body: @escaping (Input) async throws -> Output
    ) {
        children[workflow.name] = { input in try await body(input as! Input) }
    }

    public func randomUInt64() -> UInt64 {
        random.next()
    }

    public func uuid() -> UUID {
        random.nextUUID()
    }

    public func sleep(for duration: Duration) async throws {
        let (seconds, attoseconds) = duration.components
        now += Double(seconds) + Double(attoseconds) / 1e18
    }

    /// Advances the clock and records `summary` in `timerSummaries`.
    public func sleep(for duration: Duration, summary: String?) async throws {
        timerSummaries.append(summary)
        try await sleep(for: duration)
    }

    public func condition(timeout: Duration?, _ predicate: @escaping () -> Bool) async throws -> Bool {
        if predicate() { return true }
        guard let timeout else {
            throw UnstubbedCallError(
                call: "condition without timeout in workflow '\(info.workflowID)'",
                hint: "nothing changes the state inside MockWorkflowContext; call the handler methods first"
            )
        }
        try await sleep(for: timeout)
        return predicate()
    }

    public func executeActivity<Input, Output>(
        _ activity: ActivityDefinition<Input, Output>,
        input: Input,
        options: ActivityOptions
    ) async throws -> Output {
        activityCalls.append(activity.name)
        guard let registration = activities[activity.name] else {
            throw UnstubbedCallError(
                call: "activity '\(activity.name)'",
                hint: "pass its registration (e.g. `MockActivities().registrations`) to MockWorkflowContext"
            )
        }
        let merged = options.merged(with: activity.defaults)
        let context = MockActivityContext(
            info: ActivityInfo(
                activityID: options.activityID ?? "\(activityCalls.count)",
                activityType: activity.name,
                taskQueue: merged.taskQueue ?? info.taskQueue,
                workflowNamespace: info.namespace,
                workflowID: info.workflowID,
                workflowRunID: info.runID,
                workflowType: info.workflowType,
                scheduledTime: now,
                startedTime: now,
                heartbeatTimeout: merged.heartbeatTimeout
            ),
            dataConverter: dataConverter
        )
        let output = try await registration.execute(try await dataConverter.encode(input, with: activity.input), context)
        return try await dataConverter.decode(output, with: activity.output)
    }

    public func executeLocalActivity<Input, Output>(
        _ activity: ActivityDefinition<Input, Output>,
        input: Input,
        options: ActivityOptions
    ) async throws -> Output {
        try await executeActivity(activity, input: input, options: options)
    }

    public func startChildWorkflow<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        options: ChildWorkflowOptions
    ) async throws -> ChildWorkflowHandle<Output> {
        guard let stub = children[workflow.name] else {
            throw UnstubbedCallError(
                call: "child workflow '\(workflow.name)'",
                hint: "stub it with `context.stubChildWorkflow(<Contract>.Workflows.<workflow>) { input in … }`"
            )
        }
        let id = try options.id ?? workflow.makeID?(input, idSource) ?? uuid().uuidString.lowercased()
        let output = try await stub(input)
        guard let result = output as? Output else {
            throw UnstubbedCallError(call: "child workflow '\(workflow.name)'", hint: "its stub returned another type than \(Output.self)")
        }
        return ChildWorkflowHandle(execution: WorkflowExecution(workflowID: id), result: { result }, cancel: {})
    }

    public func signalExternalWorkflow<SignalInput>(
        _ signal: SignalDefinition<SignalInput>,
        input: SignalInput,
        execution: WorkflowExecution
    ) async throws {
        _ = try await dataConverter.encode(input, with: signal.input)
        externalSignals.append((execution.workflowID, signal.name))
    }

    public func cancelExternalWorkflow(_ execution: WorkflowExecution) async throws {
        externalCancellations.append(execution.workflowID)
    }

    public func sideEffect<Value: Codable & Sendable>(_ body: () throws -> Value) throws -> Value {
        try body()
    }

    public func patched(_ patchID: String) -> Bool {
        !unpatched.contains(patchID)
    }

    public func deprecatePatch(_ patchID: String) {}

    public func continueAsNew<Input, Output>(
        _ workflow: WorkflowDefinition<Input, Output>,
        input: Input,
        options: ContinueAsNewOptions
    ) throws -> Never {
        throw try ContinueAsNewError(workflow, input: input, options: options, using: payloadConverter)
    }

    public func shielded<Value: Sendable>(_ body: @escaping () async throws -> Value) async throws -> Value {
        try await body()
    }
}
