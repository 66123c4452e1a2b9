import Foundation
import SwiftProtobuf
import TemporalAPI
@_spi(Generated) import TemporalContracts
import TemporalContractsEngine
import Testing

/// Workflow interceptors on the engine, driven by canned histories: headers read from history
/// events reach the inbound calls, headers the outbound calls set reach the commands, and a
/// replay runs the interceptors again with the same results.
@Suite("Workflow interceptors on the engine")
struct WorkflowInterceptorEngineTests {
    static let lookup = QueryDefinition<Void, String>(name: "Lookup", input: .void, output: .single())

    /// The scripted workflow, with a `Lookup` query answering what it received.
    static func registration(
        _ body: @escaping @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String
    ) -> WorkflowRegistration {
        WorkflowRegistration(
            ScriptedWorkflow.definition,
            implementation: ScriptedWorkflow.self,
            run: { workflow, _, context in
                try await body(workflow, context)
            }
        ) { table in
            table.signal(ScriptedWorkflow.poke) { workflow, input, _ in workflow.received.append(input) }
            table.update(ScriptedWorkflow.touch, validator: { _, input, _ in if input.isEmpty { throw ApplicationError("empty") } }) {
                workflow,
                input,
                _ in
                workflow.received.append(input)
                return input.uppercased()
            }
            table.query(lookup) { workflow, _, _ in workflow.received.joined(separator: ",") }
        }
    }

    static func engine(
        _ interceptor: HeaderStampingInterceptor,
        _ body: @escaping @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String
    ) -> WorkflowEngine {
        WorkflowEngine(
            registration: registration(body),
            namespace: "default",
            workflowID: "scripted",
            runID: "run-1",
            interceptors: [interceptor]
        )
    }

    static func header(_ fields: [String: String]) -> Temporal_Api_Common_V1_Header {
        var header = Temporal_Api_Common_V1_Header()
        header.fields = fields.mapValues { text in
            let payload = CallLog.payload(text)
            var api = Temporal_Api_Common_V1_Payload()
            api.metadata = payload.metadata
            api.data = payload.data
            return api
        }
        return header
    }

    /// The history's events, its start event carrying `fields` as headers.
    static func events(_ history: HistoryBuilder, startHeaders fields: [String: String]) -> [Temporal_Api_History_V1_HistoryEvent] {
        var events = history.events
        events[0].workflowExecutionStartedEventAttributes.header = header(fields)
        return events
    }

    static func stamp(_ header: Temporal_Api_Common_V1_Header) -> String {
        CallLog.text(header.fields["stamp"].map { Payload(metadata: $0.metadata, data: $0.data) })
    }

    @Test("the started event's headers reach executeWorkflow")
    func startHeaders() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        let interceptor = HeaderStampingInterceptor()
        let engine = Self.engine(interceptor) { _, _ in "done" }
        defer { engine.tearDown() }
        let result = try engine.activate(WorkflowActivation(events: Self.events(history, startHeaders: ["caller": "alice"])))
        #expect(result.commands.map(\.line) == ["CompleteWorkflowExecution \"done\""])
        #expect(interceptor.seen == ["executeWorkflow caller=alice"])
    }

    @Test("a signaled event's headers reach handleSignal; a query's headers reach handleQuery")
    func signalAndQueryHeaders() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        history.add(.workflowExecutionSignaled) { event in
            event.workflowExecutionSignaledEventAttributes.signalName = "Poke"
            event.workflowExecutionSignaledEventAttributes.input = HistoryBuilder.apiPayloads([CallLog.payload("hi")])
            event.workflowExecutionSignaledEventAttributes.header = Self.header(["trace": "t-1"])
        }
        history.workflowTask()
        let interceptor = HeaderStampingInterceptor()
        let engine = Self.engine(interceptor) { workflow, context in
            try await context.condition { !workflow.received.isEmpty }
            return workflow.received.joined()
        }
        defer { engine.tearDown() }
        let first = try engine.activate(WorkflowActivation(events: Array(history.events[0..<history.taskEnds[0]])))
        #expect(first.commands.isEmpty)
        let second = try engine.activate(WorkflowActivation(events: Array(history.events[history.taskEnds[0]...])))
        #expect(second.commands.map(\.line) == ["CompleteWorkflowExecution \"hi\""])
        let answer = try engine.query("Lookup", input: [], headers: ["asker": CallLog.payload("bob")])
        #expect(answer.map { CallLog.text($0) } == ["hi"])
        #expect(interceptor.seen == ["executeWorkflow", "handleSignal Poke trace=t-1", "handleQuery Lookup asker=bob"])
    }

    @Test("an update request's headers reach validateUpdate and handleUpdate")
    func updateHeaders() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        let interceptor = HeaderStampingInterceptor()
        let engine = Self.engine(interceptor) { workflow, context in
            try await context.condition { !workflow.received.isEmpty }
            return workflow.received.joined()
        }
        defer { engine.tearDown() }
        var request = HistoryBuilder.updateRequest(id: "u-1", name: "Touch", input: [CallLog.payload("x")])
        request.input.header = Self.header(["tenant": "acme"])
        let update = WorkflowUpdateRequest(protocolInstanceID: "u-1", messageID: "u-1/request", sequencingEventID: 2, request: request)
        let result = try engine.activate(WorkflowActivation(events: history.events, updates: [update]))
        #expect(result.commands.map(\.line).contains("ProtocolMessage u-1/accept"))
        // The validator runs as the update is delivered, before the run's code takes its first step.
        #expect(
            interceptor.seen == [
                "validateUpdate Touch tenant=acme", "executeWorkflow", "handleUpdate Touch tenant=acme",
            ]
        )
    }

    @Test("commands carry the headers the outbound interceptor set")
    func outboundHeaders() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        let interceptor = HeaderStampingInterceptor()
        let engine = Self.engine(interceptor) { _, context in
            async let echoed = context.executeActivity(ScriptedWorkflow.echo, input: "a", options: ActivityOptions())
            async let local = context.executeLocalActivity(ScriptedWorkflow.echo, input: "b", options: ActivityOptions())
            async let child = context.startChildWorkflow(ScriptedWorkflow.child, input: (), options: ChildWorkflowOptions(id: "kid-1"))
            async let signal: Void = context.signalExternalWorkflow(
                ScriptedWorkflow.poke,
                input: "p",
                execution: WorkflowExecution(workflowID: "other")
            )
            async let nap: Void = context.sleep(for: .seconds(30))
            _ = try await (echoed, local, child, signal, nap)
            return "unreachable"
        }
        defer { engine.tearDown() }
        let result = try engine.activate(WorkflowActivation(events: history.events))
        var stamps: [String: String] = [:]
        for command in result.commands {
            switch command.attributes {
            case .scheduleActivityTaskCommandAttributes(let a): stamps["activity"] = Self.stamp(a.header)
            case .startChildWorkflowExecutionCommandAttributes(let a): stamps["child"] = Self.stamp(a.header)
            case .signalExternalWorkflowExecutionCommandAttributes(let a): stamps["signal"] = Self.stamp(a.header)
            case .startTimerCommandAttributes(let a): stamps["timer"] = "\(a.startToFireTimeout.seconds)s"
            default: break
            }
        }
        #expect(stamps["activity"] == interceptor.activityStamps.first)
        #expect(stamps["child"] == "child Kid")
        #expect(stamps["signal"] == "signal Poke")
        #expect(stamps["timer"] == "30s")
        #expect(interceptor.seen.contains("startTimer 30.0 seconds"))
        #expect(result.localActivities.map { CallLog.text($0.headers["stamp"]) } == ["local Echo"])
    }

    @Test("continue-as-new carries the headers the interceptor set")
    func continueAsNewHeaders() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        let interceptor = HeaderStampingInterceptor()
        let engine = Self.engine(interceptor) { _, context in
            try context.continueAsNew(ScriptedWorkflow.definition, input: ())
        }
        defer { engine.tearDown() }
        let result = try engine.activate(WorkflowActivation(events: history.events))
        guard case .continueAsNewWorkflowExecutionCommandAttributes(let attributes)? = result.commands.first?.attributes else {
            Issue.record("expected continue-as-new, got \(result.commands.map(\.line))")
            return
        }
        #expect(Self.stamp(attributes.header) == "continue Scripted")
    }

    @Test("a full replay runs the interceptors again: same stamp, one live run, same commands")
    func replayIsDeterministic() throws {
        let body: @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String = { _, context in
            let echoed = try await context.executeActivity(ScriptedWorkflow.echo, input: "a", options: ActivityOptions())
            return "\(echoed) \(context.uuid().uuidString)"
        }
        var history = HistoryBuilder()
        history.workflowTask()
        let interceptor = HeaderStampingInterceptor()
        let cached = Self.engine(interceptor, body)
        defer { cached.tearDown() }
        let first = try cached.activate(WorkflowActivation(events: history.events))
        guard case .scheduleActivityTaskCommandAttributes(let scheduled)? = first.commands.first?.attributes else {
            Issue.record("expected an activity, got \(first.commands.map(\.line))")
            return
        }
        let liveStamp = Self.stamp(scheduled.header)
        #expect(liveStamp == interceptor.activityStamps.first)

        // The history as the server records it: the scheduled event keeps no header the replay
        // must match (headers are not part of the determinism check).
        history.taskCompleted()
        let activity = history.activityScheduled("Echo", id: "1")
        history.activityStarted(activity)
        history.activityCompleted(activity, result: [CallLog.payload("A")])
        history.workflowTask()
        let answerOfCached = try cached.activate(WorkflowActivation(events: Array(history.events[history.taskEnds[0]...])))

        // As after a cache eviction: a fresh engine gets the whole history and replays task 1.
        let replayed = Self.engine(interceptor, body)
        defer { replayed.tearDown() }
        let answerOfReplay = try replayed.activate(WorkflowActivation(events: history.events))
        #expect(interceptor.activityStamps == [liveStamp, liveStamp])
        #expect(interceptor.liveRuns == 1)
        #expect(answerOfReplay.commands.map(\.line) == answerOfCached.commands.map(\.line))
        #expect(answerOfCached.commands.first?.line.hasPrefix("CompleteWorkflowExecution \"A ") == true)
    }

    @Test("the replayer runs the interceptors it is given")
    func replayerRunsInterceptors() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        history.workflowCompleted(result: [CallLog.payload("done")])
        var recorded = Temporal_Api_History_V1_History()
        recorded.events = Self.events(history, startHeaders: ["caller": "carol"])
        let interceptor = HeaderStampingInterceptor()
        let replayer = WorkflowReplayer(workflows: [Self.registration { _, _ in "done" }], interceptors: [interceptor])
        try replayer.replay(recorded, workflowID: "scripted").tearDown()
        #expect(interceptor.seen == ["executeWorkflow caller=carol"])
        #expect(interceptor.liveRuns == 0)
    }
}
