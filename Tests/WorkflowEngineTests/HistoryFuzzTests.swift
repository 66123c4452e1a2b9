import Foundation
import Logging
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import TemporalContractsEngine
import Testing

/// Real histories of the fixture workflows, randomly mutated (events dropped, duplicated,
/// swapped, retyped to unknown values, stripped of attributes, bytes flipped, payloads
/// corrupted, truncated), driven through the engine as the replayer and as a worker would: no
/// crash, no hang, only the engine's typed errors or success. `HISTORY_FUZZ_SEED` picks another
/// seed; the seed in use is printed.
@Suite("History fuzzing", .timeLimit(.minutes(2)))
struct HistoryFuzzTests {
    static let mutations = 2_000
    /// What a corrupt history may end in: the engine's own errors, and the protobuf decoder's for
    /// bytes that no longer parse.
    static let typedErrors: Set<String> = ["NondeterminismError", "WorkflowTaskError", "BinaryDecodingError"]

    static let silent = Logger(label: "fuzz") { _ in SwiftLogNoOpLogHandler() }

    /// One history per fixture scenario, recorded by the test environment.
    static func realHistories() async throws -> [Temporal_Api_History_V1_History] {
        var histories: [Temporal_Api_History_V1_History] = []
        for (_, scenario) in DeterminismTests.scenarios {
            histories.append(try await EngineFixture.use { fixture in try await scenario(fixture) })
        }
        return histories
    }

    @Test("2,000 mutated real histories end in success or a typed error")
    func mutatedHistories() async throws {
        let seed = ProcessInfo.processInfo.environment["HISTORY_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x7E57_0F_F00D
        print("history fuzz seed: \(seed) (set HISTORY_FUZZ_SEED to reproduce another)")
        var random = SplitMix64(seed: seed)
        let histories = try await Self.realHistories()
        #expect(histories.allSatisfy { $0.events.count > 5 })
        let replayer = WorkflowReplayer(workflows: EngineFixture.allWorkflows, logger: Self.silent)
        var outcomes: [String: Int] = [:]
        var untyped: [String] = []
        for index in 0..<Self.mutations {
            var events = histories[index % histories.count].events
            var outcome = "success"
            do {
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    try HistoryMutator.mutate(&events, using: &random)
                }
                var history = Temporal_Api_History_V1_History()
                history.events = events
                if index.isMultiple(of: 2) {
                    try replayer.replay(history).tearDown()
                } else {
                    try Self.runAsWorker(history, replayer: replayer)
                }
            } catch {
                outcome = String(describing: type(of: error))
                if !Self.typedErrors.contains(outcome) { untyped.append("case \(index): \(outcome): \(error)") }
            }
            outcomes[outcome, default: 0] += 1
        }
        print("history fuzz outcomes: \(outcomes.sorted { $0.key < $1.key })")
        #expect(untyped.isEmpty, "\(untyped.prefix(5))")
        // The mutations reach the engine's checks, and some leave a history that still runs.
        #expect(outcomes["NondeterminismError", default: 0] + outcomes["WorkflowTaskError", default: 0] > Self.mutations / 10)
        #expect(outcomes["success", default: 0] > 0)
    }

    /// Feeds the history one workflow task at a time, as a worker's cached run receives it.
    static func runAsWorker(_ history: Temporal_Api_History_V1_History, replayer: WorkflowReplayer) throws {
        guard case .workflowExecutionStartedEventAttributes(let start)? = history.events.first?.attributes,
            let registration = replayer.workflows[start.workflowType.name]
        else {
            // What the replayer says about a history without a usable start.
            try replayer.replay(history).tearDown()
            return
        }
        let engine = WorkflowEngine(
            registration: registration,
            namespace: "fuzz",
            workflowID: "w",
            runID: "r",
            logger: silent
        )
        defer { engine.tearDown() }
        var pending: [Temporal_Api_History_V1_HistoryEvent] = []
        for event in history.events {
            pending.append(event)
            if event.eventType == .workflowTaskStarted {
                _ = try engine.activate(WorkflowActivation(events: pending))
                pending = []
            }
        }
        if !pending.isEmpty { _ = try engine.activate(WorkflowActivation(events: pending)) }
    }

    // A newer server may add event types and fields. Decoded from JSON (unknown names ignored, as
    // `temporal workflow show` output is read) and from protobuf (unknown numbers kept as unknown
    // fields), they must not change the replay: an event the worker may ignore is ignored.
    @Test("unknown fields and an ignorable unknown event type decode and replay, from JSON and protobuf")
    func unknownEventsAndFields() async throws {
        let histories = try await Self.realHistories()
        let replayer = WorkflowReplayer(workflows: EngineFixture.allWorkflows)
        for history in histories {
            var json = try #require(try JSONSerialization.jsonObject(with: history.jsonUTF8Data()) as? [String: Any])
            var events = try #require(json["events"] as? [[String: Any]])
            for index in events.indices {
                events[index]["fieldFromTheFuture"] = ["nested": [1, 2, 3]]
            }
            // An unknown event in the middle of the run, flagged as ignorable (`worker_may_ignore`).
            let future: [String: Any] = [
                "eventId": "\(history.events.count + 1)", "eventTime": "2027-01-01T00:00:00Z",
                "eventType": "EVENT_TYPE_FROM_THE_FUTURE", "workerMayIgnore": true, "futureEventAttributes": ["x": 1],
            ]
            events.insert(future, at: 1)
            json["events"] = events
            let data = try JSONSerialization.data(withJSONObject: json)
            let engine = try replayer.replay(json: String(decoding: data, as: UTF8.self))
            #expect(engine.isFinished)
            engine.tearDown()

            // The same from protobuf: an unknown enum value and unknown field numbers.
            var event = Temporal_Api_History_V1_HistoryEvent()
            event.eventID = history.events[0].eventID
            event.eventType = .UNRECOGNIZED(999)
            event.workerMayIgnore = true
            var withUnknowns = history
            withUnknowns.events.insert(event, at: 1)
            var bytes: Data = try withUnknowns.serializedBytes()
            // Field 9999, varint 1: unknown to every message version that decodes it.
            bytes.append(contentsOf: [0xF8, 0xF0, 0x04, 0x01])
            let decoded = try Temporal_Api_History_V1_History(serializedBytes: bytes)
            let fromProtobuf = try replayer.replay(decoded)
            #expect(fromProtobuf.isFinished)
            fromProtobuf.tearDown()
        }
    }

    @Test("an unknown event type the worker may not ignore fails with a typed error naming it")
    func unknownEventNotIgnorable() async throws {
        let history = try #require(try await Self.realHistories().first)
        var event = Temporal_Api_History_V1_HistoryEvent()
        event.eventID = 2
        event.eventType = .UNRECOGNIZED(999)
        var mutated = history
        mutated.events.insert(event, at: 1)
        let error = try #require(throws: WorkflowTaskError.self) {
            try WorkflowReplayer(workflows: EngineFixture.allWorkflows).replay(mutated)
        }
        #expect(error.eventID == 2)
        #expect(error.message.contains("event of type 999"), "\(error)")
    }
}
