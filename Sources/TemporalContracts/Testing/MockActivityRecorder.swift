import Foundation
import Logging
import Synchronization

/// Backs generated mock activities: per-activity stub closures and the calls received. An
/// activity without a stub throws `UnstubbedCallError` naming it.
public final class MockActivityRecorder: Sendable {
    private struct State {
        var calls: [MockCall] = []
        var stubs: [String: @Sendable (any Sendable, any ActivityContext) async throws -> any Sendable] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    public var calls: [MockCall] { state.withLock { $0.calls } }

    /// The inputs `activity` was called with, in order.
    public func inputs<Input, Output>(of activity: ActivityDefinition<Input, Output>) -> [Input] {
        calls.filter { $0.name == activity.name }.compactMap { $0.input as? Input }
    }

    public func stub<Input, Output>(
        _ activity: ActivityDefinition<Input, Output>,
        _ body: @escaping @Sendable (Input, any ActivityContext) async throws -> Output
    ) {
        state.withLock { state in
            state.stubs[activity.name] = { input, context in try await body(input as! Input, context) }
        }
    }

    /// Records the call and answers it from the stub.
    public func call<Input, Output>(
        _ activity: ActivityDefinition<Input, Output>,
        _ input: Input,
        context: any ActivityContext
    ) async throws -> Output {
        let stub = state.withLock { state in
            state.calls.append(MockCall(kind: .activity, name: activity.name, workflowID: context.info.workflowID, input: input))
            return state.stubs[activity.name]
        }
        guard let stub else {
            throw UnstubbedCallError(
                call: "activity '\(activity.name)'",
                hint: "set a stub for it on the mock activities before the call"
            )
        }
        guard let output = try await stub(input, context) as? Output else {
            throw UnstubbedCallError(call: "activity '\(activity.name)'", hint: "its stub returned another type than \(Output.self)")
        }
        return output
    }
}

/// An activity context for unit tests of activity implementations: records heartbeats and lets
/// the test request cancellation.
public final class MockActivityContext: ActivityContext {
    private struct State {
        var heartbeats: [[Payload]] = []
        var cancellationRequested = false
    }

    public let info: ActivityInfo
    public let dataConverter: DataConverter
    /// Writes into `logLines`.
    public let logger: Logger
    private let logCapture = LogCapture()
    private let state = Mutex(State())

    public init(
        info: ActivityInfo = ActivityInfo(activityID: "mock-1", activityType: "mock", taskQueue: "mock"),
        dataConverter: DataConverter = .default
    ) {
        self.info = info
        self.dataConverter = dataConverter
        self.logger = logCapture.logger(label: "temporal.activity.mock")
    }

    public func heartbeat(details: [Payload]) async {
        state.withLock { $0.heartbeats.append(details) }
    }

    /// What the activity logged, as `level: message`.
    public var logLines: [String] { logCapture.lines }

    /// Every heartbeat's details, in order.
    public var heartbeats: [[Payload]] { state.withLock { $0.heartbeats } }

    public var isCancellationRequested: Bool { state.withLock { $0.cancellationRequested } }

    public func requestCancellation() {
        state.withLock { $0.cancellationRequested = true }
    }
}
