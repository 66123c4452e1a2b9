import Foundation
import Synchronization
import TemporalContracts
import TemporalContractsTesting
import Testing

/// The generated `makeID` closures of `idexpressions.temporal.yaml`: each `${! … }` form evaluated
/// with protoc-gen-go-temporal's semantics, random functions drawing from the ID source they get,
/// and `throw` failing the start before anything is sent.
struct GeneratedIDExpressionsTests {
    typealias Workflows = IDExpressions.Workflows

    static let greeting = IDExpressions.Greeting(name: "Hello, Wörld!", note: "", progress: 30, orderID: "o-7")

    /// A source counting up from 1, so random IDs are predictable; the clock is fixed.
    static func countingSource(at time: Date = Date(timeIntervalSince1970: 1_700_000_000)) -> WorkflowIDSource {
        let counter = Counter()
        return WorkflowIDSource(randomUInt64: { counter.next() }, now: { time })
    }

    final class Counter: @unchecked Sendable {
        private var value: UInt64 = 0
        func next() -> UInt64 {
            value += 1
            return value
        }
    }

    @Test func fieldsMethodsAndLiteralsEvaluateAsBloblang() throws {
        let source = Self.countingSource()
        #expect(try Workflows.slugged.makeID?(Self.greeting, source) == "create-foo/hello-world")
        #expect(try Workflows.defaulted.makeID?(Self.greeting, source) == "hello/World")
        var named = Self.greeting
        named.nickname = "Ada"
        #expect(try Workflows.defaulted.makeID?(named, source) == "hello/Ada")
        #expect(try Workflows.required.makeID?(named, source) == "with-input:Ada")
        #expect(try Workflows.caught.makeID?(Self.greeting, source) == "note/default")
        var noted = Self.greeting
        noted.note = "Fresh Start"
        #expect(try Workflows.caught.makeID?(noted, source) == "note/fresh-start")
        #expect(try Workflows.progress.makeID?(Self.greeting, source) == "progress/30/0")
        noted.attempt = 3
        #expect(try Workflows.progress.makeID?(noted, source) == "progress/30/3")
        #expect(try Workflows.mixed.makeID?(Self.greeting, source) == "order-o-7/{HELLO, WÖRLD!}")
    }

    @Test func randomFunctionsDrawFromTheIDSource() throws {
        let uuid = try #require(try Workflows.randomUUID.makeID?(Self.greeting, Self.countingSource()))
        #expect(uuid == (try Workflows.randomUUID.makeID?(Self.greeting, Self.countingSource())))
        #expect(uuid.wholeMatch(of: /uuid\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
        let nanoid = try #require(try Workflows.randomNanoid.makeID?(Self.greeting, .system))
        #expect(nanoid.wholeMatch(of: /nano\/[_\-0-9a-zA-Z]{21}/) != nil)
        let time = Date(timeIntervalSince1970: 1_700_000_000)
        let ksuid = try #require(try Workflows.randomKsuid.makeID?(Self.greeting, Self.countingSource(at: time)))
        #expect(ksuid.wholeMatch(of: /ks\/[0-9A-Za-z]{27}/) != nil)
        #expect(WorkflowIDSource.ksuidTime(String(ksuid.dropFirst(3))) == time)
        // `.or(uuid_v4())` draws only when the field is absent.
        var named = Self.greeting
        named.nickname = "Ada"
        #expect(try Workflows.defaultedRandom.makeID?(named, Self.countingSource()) == "timer/Ada")
        #expect(try Workflows.defaultedRandom.makeID?(Self.greeting, Self.countingSource()) == "timer/" + uuid.dropFirst(5))
    }

    @Test func throwFailsTheStartBeforeAnythingIsSent() async throws {
        let transport = GeneratedClientTests.ScriptedTransport()
        let client = IDExpressions.Client(TemporalClient(transport: transport))
        let error = await #expect(throws: IDExpressionError.self) {
            _ = try await client.startRequired(Self.greeting)
        }
        #expect(error == IDExpressionError(message: "nickname is required", expression: #"nickname.or(throw("nickname is required"))"#))
        #expect(transport.state.withLock { $0.starts.isEmpty })

        var named = Self.greeting
        named.nickname = "Ada"
        let handle = try await client.startRequired(named)
        #expect(handle.execution.workflowID == "with-input:Ada")
        // A caller's own ID wins and skips the expression.
        let own = try await client.startRequired(Self.greeting, options: WorkflowStartOptions(id: "mine"))
        #expect(own.execution.workflowID == "mine")
        #expect(transport.state.withLock { $0.starts.map(\.workflowID) } == ["with-input:Ada", "mine"])
    }

    /// The update's `id` template names the update when the caller passes no ID, on plain updates
    /// and update-with-start alike; `throw` fails the call before anything is sent.
    @Test func updatesDeriveTheirIDFromTheInput() async throws {
        let transport = GeneratedClientTests.ScriptedTransport()
        let client = IDExpressions.Client(TemporalClient(transport: transport))
        let handle = IDExpressions.ProgressHandle(execution: WorkflowExecution(workflowID: "progress/30/0"), backend: client.backend)
        var named = Self.greeting
        named.nickname = "Ada"

        let update = try await handle.startSetProgress(named)
        #expect(update.id == "update-progress/30/Ada")
        await #expect(throws: IDExpressionError.self) { _ = try await handle.startSetProgress(Self.greeting) }
        let own = try await handle.startSetProgress(Self.greeting, options: UpdateOptions(id: "mine"))
        #expect(own.id == "mine")
        #expect(transport.state.withLock { $0.updates.map(\.updateID) } == ["update-progress/30/Ada", "mine"])

        let (_, withStart) = try await client.startProgress(
            Self.greeting,
            withSetProgress: named,
            options: WorkflowStartOptions(),
            updateOptions: UpdateOptions()
        )
        #expect(withStart.id == "update-progress/30/Ada")
    }

    final class Slugged: IDExpressions.SluggedWorkflow {
        func run(_ input: IDExpressions.Greeting, context: any WorkflowContext) async throws {}
    }

    final class Required: IDExpressions.RequiredWorkflow {
        func run(_ input: IDExpressions.Greeting, context: any WorkflowContext) async throws {}
    }

    /// On the in-process test environment the generated client starts the run under the ID the
    /// expression derives, and `throw` leaves no run behind.
    @Test func theTestEnvironmentRunsUnderTheDerivedID() async throws {
        try await withWorkflowTestEnvironment(workflows: [Slugged.registration, Required.registration]) { environment in
            let client = IDExpressions.Client(environment.client)
            let handle = try await client.startSlugged(Self.greeting)
            #expect(handle.execution.workflowID == "create-foo/hello-world")
            try await handle.result()
            let description = try await environment.client.describe(handle.execution)
            #expect(description.execution.workflowID == "create-foo/hello-world")
            await #expect(throws: IDExpressionError.self) { _ = try await client.startRequired(Self.greeting) }
        }
    }

    @Test func zeroDurationsAreNotSet() {
        let defaults = Workflows.zeroTimeouts.defaults
        #expect(defaults.executionTimeout == nil)
        #expect(defaults.runTimeout == nil)
        #expect(defaults.taskTimeout == nil)
        #expect(Workflows.zeroTimeouts.makeID == nil)
    }
}
