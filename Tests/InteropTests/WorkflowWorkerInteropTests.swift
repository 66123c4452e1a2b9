import Foundation
import InteropWorkflows
import MetricsTestKit
import TemporalAPI
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsGRPC
import TemporalContractsWorker
import TemporalDevServer
import Testing

/// Swift workflows on the Swift workflow worker (a separate process), with Python as the other
/// side: a Python client drives them; they call Python activities and a Python child; a Python
/// workflow calls a Swift child; and Swift and Python run the same Fulfillment workflows, whose
/// histories must match event for event.
@Suite(.tripsWorkers, .timeLimit(.minutes(5)))
struct WorkflowWorkerInteropTests {
    private func tripsArguments(_ id: String, queue: String = TripsEnvironment.swiftQueue, napSeconds: Double = 0.2) -> [String] {
        [
            "start-trip", "--workflow-id", id, "--task-queue", queue, "--traveler", "ann", "--city", "Oslo", "--nights", "3",
            "--nap-seconds", "\(napSeconds)",
        ]
    }

    @Test func pythonClientDrivesASwiftWorkflowThroughSignalsQueriesAndUpdates() async throws {
        let environment = try TripsEnvironment.require()
        let id = "trip-\(UUID().uuidString)"
        _ = try await environment.python(tripsArguments(id))
        _ = try await environment.python(["add-stop", "--workflow-id", id, "--stop", "Bergen"])
        // Waits for the Python activity, the timer and the Python child first.
        try await environment.eventually("the trip awaits approval") {
            try await environment.python(["status", "--workflow-id", id])["stage"] as? String == "awaiting approval"
        }
        // The CLI's "stack trace" of a Swift workflow (what it waits for), and its handlers.
        #expect(try await environment.workflowCommand("stack", id).contains("waiting for 1 condition to hold"))
        let metadata = try await environment.workflowCommand("metadata", id)
        #expect(["GetStatus", "Approve", "AddStop", "SetBudget"].allSatisfy(metadata.contains), "\(metadata)")
        let accepted = try await environment.python(["set-budget", "--workflow-id", id, "--budget", "1200"])
        #expect(accepted["result"] as? Int == 0)
        let rejected = try await environment.python(["set-budget", "--workflow-id", id, "--budget", "-5"])
        let rejection = try #require(rejected["error"] as? [String: Any], "the negative budget was accepted: \(rejected)")
        #expect(rejection["type"] as? String == "InvalidBudget")
        #expect((rejection["message"] as? String)?.contains("must not be negative") == true)
        let status = try await environment.python(["status", "--workflow-id", id])
        #expect(status["budget"] as? Int == 1200)
        #expect(status["stops"] as? [String] == ["Bergen"])

        _ = try await environment.python(["approve", "--workflow-id", id, "--approver", "bob"])
        let result = try await environment.python(["result", "--workflow-id", id])
        let itinerary = try #require(result["result"] as? [String: Any], "the workflow failed: \(result)")
        let hotel = try #require(itinerary["hotel"] as? [String: Any])
        #expect(hotel["hotel"] as? String == "Hotel Oslo")
        #expect(hotel["attempt"] as? Int == 1)
        #expect(itinerary["confirmation"] as? String == "CONF-ann-Hotel Oslo")
        #expect(itinerary["stops"] as? [String] == ["Bergen"])
        #expect(itinerary["budget"] as? Int == 1200)
        #expect(itinerary["approved_by"] as? String == "bob")
        #expect(itinerary["loyalty"] as? Bool == true)

        let types = try await environment.eventTypes(id)
        #expect(!types.contains("EVENT_TYPE_WORKFLOW_TASK_FAILED"), "\(types)")
        // The rejected update left no trace; the accepted one was recorded.
        #expect(types.filter { $0 == "EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED" }.count == 1)
        #expect(types.filter { $0 == "EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED" }.count == 1)
        #expect(types.contains("EVENT_TYPE_MARKER_RECORDED"))  // the loyalty-points patch
        #expect(types.contains("EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED"))
        #expect(types.last == "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED")
    }

    /// A renamed workflow and signal (`aliases` in the contract: Ticker was `Metronome`, Approve
    /// was `Accept`): a Python client that still uses the former names starts the workflow and
    /// signals it, and the Swift worker serves both.
    @Test func pythonClientUsingFormerNamesIsServedByTheSwiftWorker() async throws {
        let environment = try TripsEnvironment.require()
        let id = "metronome-\(UUID().uuidString)"
        _ = try await environment.python([
            "start", "--workflow-id", id, "--workflow-type", "Metronome", "--task-queue", TripsEnvironment.swiftQueue, "--args-json", "[3]",
        ])
        // Once its timers fired, the workflow waits for the signal.
        try await environment.eventually("the ticks fired") {
            try await environment.python(["status", "--workflow-id", id])["stage"] as? String == "ticked 3"
        }
        _ = try await environment.python(["signal", "--workflow-id", id, "--signal-name", "Accept", "--args-json", #"["bob"]"#])
        let result = try await environment.python(["result", "--workflow-id", id])
        #expect(result["result"] as? Int == 3, "the workflow failed: \(result)")
        let types = try await environment.eventTypes(id)
        #expect(!types.contains("EVENT_TYPE_WORKFLOW_TASK_FAILED"), "\(types)")
        #expect(types.contains("EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED"))
        #expect(types.last == "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED")
        // The server knows the run by the name it was started under.
        #expect(try await environment.workflowCommand("describe", id).contains("Metronome"))
    }

    /// An update that arrives while a workflow task runs (a three-second local activity) and that
    /// the validator rejects leaves no event, on the Swift worker as on the Python worker: each
    /// completion asks for the next task, as sdk-core does, so the update comes back at once as a
    /// speculative task that vanishes when rejected, instead of a persisted one.
    @Test func anUpdateRejectedWhileATaskRunsLeavesTheHistoryThePythonWorkerLeaves() async throws {
        let environment = try TripsEnvironment.require()
        var histories: [String: [String]] = [:]
        for queue in [TripsEnvironment.swiftQueue, TripsEnvironment.pythonQueue] {
            let id = "deliberate-\(UUID().uuidString)"
            _ = try await environment.python([
                "start", "--workflow-id", id, "--workflow-type", "Deliberate", "--task-queue", queue, "--args-json", "[3.0]",
            ])
            try await environment.eventually("the first workflow task started") {
                try await environment.eventTypes(id).contains("EVENT_TYPE_WORKFLOW_TASK_STARTED")
            }
            let rejected = try await environment.python(["set-budget", "--workflow-id", id, "--budget", "-5"])
            #expect((rejected["error"] as? [String: Any])?["type"] as? String == "InvalidBudget", "\(queue): \(rejected)")
            _ = try await environment.python(["approve", "--workflow-id", id, "--approver", "bob"])
            let result = try await environment.python(["result", "--workflow-id", id])
            #expect(result["result"] as? Int == 0, "\(queue): \(result)")
            histories[queue] = try await environment.eventTypes(id)
        }
        let swift = try #require(histories[TripsEnvironment.swiftQueue])
        #expect(swift == histories[TripsEnvironment.pythonQueue])
        // Started, the local activity's task (scheduled, started, completed, marker), the signal's
        // task, completion: no task for the rejected update.
        #expect(swift.filter { $0 == "EVENT_TYPE_WORKFLOW_TASK_COMPLETED" }.count == 2, "\(swift)")
    }

    @Test func pythonWorkflowRunsASwiftChildWorkflow() async throws {
        let environment = try TripsEnvironment.require()
        let id = "plan-\(UUID().uuidString)"
        _ = try await environment.python([
            "start", "--workflow-id", id, "--workflow-type", "PlanTrip", "--task-queue", "trips-python", "--args-json", #"["ann"]"#,
        ])
        let result = try await environment.python(["result", "--workflow-id", id])
        #expect(result["result"] as? String == "planned: Hello, ann!")
    }

    @Test func swiftClientResultOfASwiftWorkflowStartedByTheTypedClient() async throws {
        let environment = try TripsEnvironment.require()
        let greeting = try await environment.client.executeGreet("cy", options: WorkflowStartOptions(id: "greet-\(UUID().uuidString)"))
        #expect(greeting == "Hello, cy!")
    }

    @Test func badStartsFailTheirFirstTaskWithAClearMessage() async throws {
        let environment = try TripsEnvironment.require()
        let unknown = "unknown-\(UUID().uuidString)"
        let undecodable = "undecodable-\(UUID().uuidString)"
        _ = try await environment.python([
            "start", "--workflow-id", unknown, "--workflow-type", "NoSuchWorkflow", "--task-queue", TripsEnvironment.swiftQueue,
            "--args-json", "[]",
        ])
        _ = try await environment.python([
            "start", "--workflow-id", undecodable, "--workflow-type", "BookTrip", "--task-queue", TripsEnvironment.swiftQueue,
            "--args-json", #"[{"traveler":"ann","nights":"three"}]"#,
        ])
        var failures: [String: [String: Any]] = [:]
        try await environment.eventually("both tasks failed") {
            for id in [unknown, undecodable] where failures[id] == nil {
                let causes = try #require(
                    try await environment.python(["failure-causes", "--workflow-id", id])["causes"] as? [[String: Any]]
                )
                failures[id] = causes.first
            }
            return failures.count == 2
        }
        #expect(failures[unknown]?["cause"] as? String == "WORKFLOW_TASK_FAILED_CAUSE_WORKFLOW_WORKER_UNHANDLED_FAILURE")
        let unknownMessage = failures[unknown]?["message"] as? String ?? ""
        #expect(unknownMessage.contains("'NoSuchWorkflow' is not registered") && unknownMessage.contains("BookTrip"), "\(unknownMessage)")
        let undecodableMessage = failures[undecodable]?["message"] as? String ?? ""
        #expect(undecodableMessage.contains("input of workflow 'BookTrip' does not decode"), "\(undecodableMessage)")
        #expect(undecodableMessage.contains("nights") || undecodableMessage.contains("city"), "names the field: \(undecodableMessage)")
        for id in [unknown, undecodable] {
            _ = try? await environment.python(["cancel", "--workflow-id", id])
        }
    }

    @Test func cancellationRunsAShieldedPythonCleanupAndEndsCanceled() async throws {
        let environment = try TripsEnvironment.require()
        let id = "cancel-\(UUID().uuidString)"
        let token = UUID().uuidString
        _ = try await environment.python([
            "start", "--workflow-id", id, "--workflow-type", "AwaitCancel", "--task-queue", TripsEnvironment.swiftQueue,
            "--args-json", "[\"\(token)\"]",
        ])
        try await environment.eventually("the first workflow task completed") {
            try await environment.eventTypes(id).contains("EVENT_TYPE_WORKFLOW_TASK_COMPLETED")
        }
        _ = try await environment.python(["cancel", "--workflow-id", id])
        let result = try await environment.python(["result", "--workflow-id", id])
        let error = try #require(result["error"] as? [String: Any], "the workflow did not end canceled: \(result)")
        #expect(error["type"] as? String == "CancelledError")
        let cleaned = (try? String(contentsOf: environment.cleanupLog, encoding: .utf8)) ?? ""
        #expect(cleaned.contains(token), "Python's RecordCleanup did not run for \(token)")
        let types = try await environment.eventTypes(id)
        #expect(types.last == "EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED")
        #expect(types.contains("EVENT_TYPE_ACTIVITY_TASK_COMPLETED"))
    }

    @Test func localActivityLongerThanTheWorkflowTaskTimeoutHeartbeatsTheTask() async throws {
        let environment = try TripsEnvironment.require()
        let id = "local-\(UUID().uuidString)"
        _ = try await environment.python([
            "start", "--workflow-id", id, "--workflow-type", "LongLocal", "--task-queue", TripsEnvironment.swiftQueue,
            // A 10 s task timeout: the heartbeat at 80 % leaves the worker 2 s to be heard, which a
            // starved worker at the start of the full run needs (0.8 s of a 4 s timeout was too little).
            "--args-json", "[13.0]", "--task-timeout-seconds", "10",
        ])
        let result = try await environment.python(["result", "--workflow-id", id])
        #expect(result["result"] as? Double == 13.0)
        let types = try await environment.eventTypes(id)
        #expect(!types.contains("EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT"), "\(types)")
        #expect(!types.contains("EVENT_TYPE_WORKFLOW_TASK_FAILED"), "\(types)")
        // At 80 % of the 10 s timeout the worker completed the task and got a new one, at least once.
        let completedBeforeMarker = types.prefix { $0 != "EVENT_TYPE_MARKER_RECORDED" }.filter {
            $0 == "EVENT_TYPE_WORKFLOW_TASK_COMPLETED"
        }
        #expect(completedBeforeMarker.count >= 2, "\(types)")
        #expect(types.contains("EVENT_TYPE_MARKER_RECORDED"))
    }

    @Test func pythonClientDrivesTheSwiftFulfillmentWorkflow() async throws {
        let environment = try TripsEnvironment.require()
        let id = "order-\(UUID().uuidString)"
        let order =
            #"{"order_id":"o-1","customer_name":"Ann","items":[{"sku":"a","quantity":2,"unit_price":1.5}],"placed_at":"2026-11-22T10:00:00Z","tracking_id":"4F1D0A0C-6C1B-4D7E-9A51-0E4C9B1F2A3D","status":"pending","color":1,"tags":{},"express":false,"batches":[],"item_groups":{}}"#
        _ = try await environment.python(
            ["start-order", "--workflow-id", id, "--task-queue", TripsEnvironment.swiftFulfillmentQueue, "--order-json", order],
            script: "fulfillment_client.py"
        )
        let progress = try await environment.python(["progress", "--workflow-id", id], script: "fulfillment_client.py")
        #expect(progress["status"] as? String == "pending")
        #expect(progress["item_count"] as? Int == 1)
        _ = try await environment.python(["approve", "--workflow-id", id, "--approver", "eve"], script: "fulfillment_client.py")
        let result = try await environment.python(["result", "--workflow-id", id], script: "fulfillment_client.py")
        let receipt = try #require(result["result"] as? [String: Any], "\(result)")
        #expect(receipt["approvals"] as? [String] == ["eve"])
        #expect(receipt["status"] as? String == "approved")
        #expect((receipt["order"] as? [String: Any])?["customer_name"] as? String == "Ann")
    }

    /// A codec that flips every bit of a payload and marks it: stored payloads are unreadable
    /// without it.
    struct FlippingCodec: PayloadCodec {
        static let encoding = Data("binary/flipped".utf8)

        func encode(_ payloads: [Payload]) async throws -> [Payload] {
            payloads.map { payload in
                let inner = try? JSONSerialization.data(withJSONObject: payload.metadata.mapValues { $0.base64EncodedString() })
                return Payload(
                    metadata: ["encoding": Self.encoding, "inner": Data((inner ?? Data()).map { ~$0 })],
                    data: Data(payload.data.map { ~$0 })
                )
            }
        }

        func decode(_ payloads: [Payload]) async throws -> [Payload] {
            try payloads.map { payload in
                guard payload.metadata["encoding"] == Self.encoding, let inner = payload.metadata["inner"],
                    let metadata = try JSONSerialization.jsonObject(with: Data(inner.map { ~$0 })) as? [String: String]
                else { throw CodecError() }
                return Payload(metadata: metadata.compactMapValues { Data(base64Encoded: $0) }, data: Data(payload.data.map { ~$0 }))
            }
        }
    }

    struct CodecError: Error {}

    /// In-process this time: a `TemporalWorker` with a codec and metrics.
    @Test func codecsRunOverEveryPayloadTheWorkerExchanges() async throws {
        let environment = try TripsEnvironment.require()
        let converter = DataConverter(codecs: [FlippingCodec()])
        let queue = "codec-\(UUID().uuidString)"
        let metrics = TestMetrics()
        let worker = try TemporalWorker(
            connection: environment.connection,
            workflows: TripWorkflows.registrations(),
            activities: TripActivities().registrations,
            options: TemporalWorkerOptions(taskQueue: queue, dataConverter: converter, metricsFactory: metrics)
        )
        let running = Task { try await worker.run() }
        defer { worker.shutdown() }
        let client = Trips.Client(
            TemporalClient(connection: environment.connection, dataConverter: converter)
        )
        let log = FileManager.default.temporaryDirectory.appending(path: "codec-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let id = "codec-\(UUID().uuidString)"
        // Activity input and result, a timer, the workflow's input and result: all through the codec.
        let sum = try await client.executeMarathon(
            steps: 3,
            pauseMs: 10,
            log: log.path,
            options: WorkflowStartOptions(id: id, taskQueue: queue)
        )
        #expect(sum == 3)

        var request = Temporal_Api_Workflowservice_V1_GetWorkflowExecutionHistoryRequest()
        request.namespace = environment.server.namespace
        request.execution.workflowID = id
        let history = try await environment.connection.workflowService.getWorkflowExecutionHistory(request).history
        let stored = history.events.flatMap { event -> [Temporal_Api_Common_V1_Payload] in
            switch event.attributes {
            case .workflowExecutionStartedEventAttributes(let a): a.input.payloads
            case .activityTaskScheduledEventAttributes(let a): a.input.payloads
            case .activityTaskCompletedEventAttributes(let a): a.result.payloads
            case .workflowExecutionCompletedEventAttributes(let a): a.result.payloads
            default: []
            }
        }
        // The input's 3 arguments, 3 × (Step's 2 arguments and its result), the result.
        #expect(stored.count == 13)
        #expect(stored.allSatisfy { $0.metadata["encoding"] == FlippingCodec.encoding })

        // The replayer needs the codec too; without it the input does not decode.
        let registrations = TripWorkflows.registrations()
        try await WorkflowReplayer(workflows: registrations, dataConverter: converter)
            .replayHistory(workflowID: id, connection: environment.connection).tearDown()
        await #expect(throws: WorkflowTaskError.self) {
            try await WorkflowReplayer(workflows: registrations).replayHistory(workflowID: id, connection: environment.connection)
        }
        worker.shutdown()
        try await running.value

        // One task per step's result and timer, and the first: all but the first from the cache.
        let queueTags = [("namespace", environment.server.namespace), ("task_queue", queue)]
        let dimensions = queueTags + [("workflow_type", "Marathon")]
        let tasks = try metrics.expectRecorder("temporal_workflow_task_schedule_to_start_latency", dimensions).values.count
        #expect(tasks >= 7)
        #expect(metrics.counterTotal(label: "temporal_workflow_completed", dimensions: dimensions) == 1)
        #expect(metrics.counterTotal(label: "temporal_sticky_cache_hit", dimensions: queueTags) == Int64(tasks - 1))
        #expect(try metrics.expectRecorder("temporal_workflow_task_execution_latency", dimensions).values.count == tasks)
        let steps = try metrics.expectRecorder("temporal_activity_execution_latency", queueTags + [("activity_type", "Step")])
        // One per attempt: on a loaded machine a step's 3 s start-to-close timeout can retry it.
        #expect(steps.values.count >= 3)
    }

    /// Timers, continue-as-new and cancellation: the same workflow on the Swift worker and on the
    /// Python worker writes the same history events and gives the Python client the same result.
    @Test(arguments: [
        ("Sleep", "[0.3]", false),
        ("Countdown", #"[{"remaining":2,"runs":0}]"#, false),
        ("AwaitCancellation", "[false]", true),
        ("AwaitCancellation", "[true]", true),
        ("Combine", #"["x",2,1.5]"#, false),
    ])
    func swiftAndPythonWorkersWriteTheSameHistory(workflowType: String, arguments: String, cancel: Bool) async throws {
        let environment = try TripsEnvironment.require()
        var outcomes: [String: (result: String, firstRun: [String], lastRun: [String])] = [:]
        for queue in [TripsEnvironment.swiftFulfillmentQueue, TripsEnvironment.pythonFulfillmentQueue] {
            let id = "\(workflowType.lowercased())-\(UUID().uuidString)"
            let started = try await environment.python([
                "start", "--workflow-id", id, "--workflow-type", workflowType, "--task-queue", queue, "--args-json", arguments,
            ])
            if cancel {
                try await environment.eventually("the first workflow task completed") {
                    try await environment.eventTypes(id).contains("EVENT_TYPE_WORKFLOW_TASK_COMPLETED")
                }
                _ = try await environment.python(["cancel", "--workflow-id", id])
            }
            let result = try await environment.python(["result", "--workflow-id", id])
            let rendered = String(decoding: try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]), as: UTF8.self)
            outcomes[queue] = (
                rendered,
                try await environment.eventTypes(id, runID: started["run_id"] as? String),
                try await environment.eventTypes(id)
            )
        }
        let swift = try #require(outcomes[TripsEnvironment.swiftFulfillmentQueue])
        let python = try #require(outcomes[TripsEnvironment.pythonFulfillmentQueue])
        #expect(swift.result == python.result)
        #expect(Self.withoutTimedOutTasks(swift.firstRun) == Self.withoutTimedOutTasks(python.firstRun))
        #expect(Self.withoutTimedOutTasks(swift.lastRun) == Self.withoutTimedOutTasks(python.lastRun))
    }

    /// The event types without workflow tasks that timed out (scheduled, started, timed out): a
    /// task the server timed out because the machine was starved (every suite starting at once) is
    /// not something either worker wrote, and its retry follows as a normal task.
    static func withoutTimedOutTasks(_ events: [String]) -> [String] {
        var kept: [String] = []
        for event in events {
            if event == "EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT",
                kept.suffix(2) == ["EVENT_TYPE_WORKFLOW_TASK_SCHEDULED", "EVENT_TYPE_WORKFLOW_TASK_STARTED"]
            {
                kept.removeLast(2)
            } else {
                kept.append(event)
            }
        }
        return kept
    }
}
