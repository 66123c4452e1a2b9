import Foundation
import InteropWorkflows
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsGRPC
import TemporalContractsWorker
import Testing

/// The Swift worker across restarts: new code finishing runs of older code (patches), an
/// incompatible change caught by the replayer and by the worker without harming the run, and a
/// crash (SIGKILL) mid-run recovered by a new process.
@Suite(.tripsWorkers, .timeLimit(.minutes(6)))
struct WorkflowWorkerRecoveryTests {
    private func startTrip(_ environment: TripsEnvironment, queue: String, taskTimeout: Int? = nil) async throws -> String {
        let id = "trip-\(UUID().uuidString)"
        var arguments = [
            "start", "--workflow-id", id, "--workflow-type", "BookTrip", "--task-queue", queue,
            "--args-json", #"[{"traveler":"ann","city":"Rome","nights":2,"nap_seconds":0.1}]"#,
        ]
        if let taskTimeout { arguments += ["--task-timeout-seconds", "\(taskTimeout)"] }
        _ = try await environment.python(arguments)
        try await environment.eventually("the trip awaits approval") {
            try await environment.python(["status", "--workflow-id", id])["stage"] as? String == "awaiting approval"
        }
        return id
    }

    @Test func patchedCodeFinishesRunsTheOldCodeStarted() async throws {
        let environment = try TripsEnvironment.require()
        let queue = "trips-patch-\(UUID().uuidString)"
        let old = try await environment.startSwiftWorker(taskQueue: queue, version: "unpatched")
        let oldRun = try await startTrip(environment, queue: queue)
        await old.stop()

        let new = try await environment.startSwiftWorker(taskQueue: queue, version: "current")
        // The new worker has no cache: the query replays the old history on the patched code.
        #expect(try await environment.python(["status", "--workflow-id", oldRun])["stage"] as? String == "awaiting approval")
        _ = try await environment.python(["approve", "--workflow-id", oldRun, "--approver", "bob"])
        let oldResult = try await environment.python(["result", "--workflow-id", oldRun])
        #expect((oldResult["result"] as? [String: Any])?["loyalty"] as? Bool == false, "\(oldResult)")

        let newRun = try await startTrip(environment, queue: queue)
        _ = try await environment.python(["approve", "--workflow-id", newRun, "--approver", "bob"])
        let newResult = try await environment.python(["result", "--workflow-id", newRun])
        #expect((newResult["result"] as? [String: Any])?["loyalty"] as? Bool == true, "\(newResult)")
        for run in [oldRun, newRun] {
            #expect(!(try await environment.eventTypes(run)).contains("EVENT_TYPE_WORKFLOW_TASK_FAILED"))
        }
        await new.stop()
    }

    @Test func runsEvictedFromAFullCacheAreReplayedOnTheirNextTask() async throws {
        let environment = try TripsEnvironment.require()
        let queue = "trips-cache-\(UUID().uuidString)"
        let worker = try await environment.startSwiftWorker(taskQueue: queue, maxCachedWorkflows: 1)
        var runs: [String] = []
        for _ in 0..<3 { runs.append(try await startTrip(environment, queue: queue)) }
        for (index, run) in runs.enumerated() {
            _ = try await environment.python(["add-stop", "--workflow-id", run, "--stop", "stop-\(index)"])
            _ = try await environment.python(["approve", "--workflow-id", run, "--approver", "dee"])
        }
        for (index, run) in runs.enumerated() {
            let result = try await environment.python(["result", "--workflow-id", run])
            let itinerary = try #require(result["result"] as? [String: Any], "\(result)")
            #expect(itinerary["stops"] as? [String] == ["stop-\(index)"])
            #expect(!(try await environment.eventTypes(run)).contains("EVENT_TYPE_WORKFLOW_TASK_FAILED"))
        }
        await worker.stop()
        #expect(!worker.log().contains("workflow task failed"), "\(worker.log())")
    }

    @Test func longHistoryIsReplayedByANewWorker() async throws {
        let environment = try TripsEnvironment.require()
        let queue = "trips-long-\(UUID().uuidString)"
        let id = "ticker-\(UUID().uuidString)"
        let first = try await environment.startSwiftWorker(taskQueue: queue)
        _ = try await environment.python([
            "start", "--workflow-id", id, "--workflow-type", "Ticker", "--task-queue", queue, "--args-json", "[300]",
        ])
        try await environment.eventually("the ticks are done", timeout: .seconds(60)) {
            try await environment.python(["status", "--workflow-id", id])["stage"] as? String == "ticked 300"
        }
        await first.stop()
        #expect(try await environment.eventTypes(id).count > 600)

        // A worker without the run in its cache: the query and the next task replay all 600+ events.
        let second = try await environment.startSwiftWorker(taskQueue: queue)
        #expect(try await environment.python(["status", "--workflow-id", id])["stage"] as? String == "ticked 300")
        _ = try await environment.python(["approve", "--workflow-id", id, "--approver", "ed"])
        #expect(try await environment.python(["result", "--workflow-id", id])["result"] as? Int == 300)
        #expect(!(try await environment.eventTypes(id)).contains("EVENT_TYPE_WORKFLOW_TASK_FAILED"))
        await second.stop()
    }

    @Test func incompatibleChangeIsReportedWithTheEventAndLeavesTheRunIntact() async throws {
        let environment = try TripsEnvironment.require()
        let queue = "trips-change-\(UUID().uuidString)"
        let original = try await environment.startSwiftWorker(taskQueue: queue)
        let id = try await startTrip(environment, queue: queue, taskTimeout: 2)
        await original.stop()

        // The replayer, in CI: the server's history and the CLI's JSON export both replay on the
        // current code and fail on the changed code at the activity's event.
        let current = WorkflowReplayer(workflows: TripWorkflows.registrations(.current))
        let changed = WorkflowReplayer(workflows: TripWorkflows.registrations(.reordered))
        try await current.replayHistory(workflowID: id, connection: environment.connection).tearDown()
        let fromServer = await #expect(throws: NondeterminismError.self) {
            try await changed.replayHistory(workflowID: id, connection: environment.connection)
        }
        #expect(fromServer?.eventID == 5)
        #expect("\(fromServer.map(String.init(describing:)) ?? "")".contains("ActivityTaskScheduled"))
        let exported = FileManager.default.temporaryDirectory.appending(path: "\(id).json")
        defer { try? FileManager.default.removeItem(at: exported) }
        try await environment.exportHistory(id, to: exported)
        try await current.replayHistory(jsonFile: exported, workflowID: id).tearDown()
        let fromFile = await #expect(throws: NondeterminismError.self) {
            try await changed.replayHistory(jsonFile: exported, workflowID: id)
        }
        #expect(fromFile?.eventID == 5)

        // The worker with the changed code fails the task (once) naming the same event.
        let broken = try await environment.startSwiftWorker(taskQueue: queue, version: "reordered")
        _ = try await environment.python(["add-stop", "--workflow-id", id, "--stop", "Pisa"])
        var causes: [[String: Any]] = []
        try await environment.eventually("the changed worker reported the workflow task failure") {
            causes = try #require(try await environment.python(["failure-causes", "--workflow-id", id])["causes"] as? [[String: Any]])
            return !causes.isEmpty
        }
        #expect(causes.first?["cause"] as? String == "WORKFLOW_TASK_FAILED_CAUSE_NON_DETERMINISTIC_ERROR")
        let message = causes.first?["message"] as? String ?? ""
        #expect(message.contains("event 5") && message.contains("ActivityTaskScheduled"), "\(message)")
        await broken.stop()

        // Back on the right code the run goes on from where it was, nothing lost.
        let fixed = try await environment.startSwiftWorker(taskQueue: queue)
        _ = try await environment.python(["approve", "--workflow-id", id, "--approver", "carol"])
        let result = try await environment.python(["result", "--workflow-id", id])
        let itinerary = try #require(result["result"] as? [String: Any], "\(result)")
        #expect(itinerary["stops"] as? [String] == ["Pisa"])
        #expect(itinerary["approved_by"] as? String == "carol")
        let failures = try #require(try await environment.python(["failure-causes", "--workflow-id", id])["causes"] as? [[String: Any]])
        #expect(failures.count == 1, "failures are reported on the first attempt only: \(failures)")
        await fixed.stop()
    }

    @Test func killedWorkerIsReplacedWithoutRunningAnyStepTooOften() async throws {
        let environment = try TripsEnvironment.require()
        let queue = "trips-crash-\(UUID().uuidString)"
        let directory = FileManager.default.temporaryDirectory.appending(path: "marathon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let steps = 6
        let first = try await environment.startSwiftWorker(taskQueue: queue)
        var handles: [Trips.MarathonHandle] = []
        for index in 0..<4 {
            let log = directory.appending(path: "run-\(index).log").path
            handles.append(
                try await environment.client.startMarathon(
                    steps: steps,
                    pauseMs: 400,
                    log: log,
                    options: WorkflowStartOptions(id: "marathon-\(index)-\(UUID().uuidString)", taskQueue: queue)
                )
            )
        }
        // Kill it once every run is under way: some steps ran, others (and timers) are pending.
        try await environment.eventually("each run has completed a step") {
            (0..<4).allSatisfy { index in
                let text = (try? String(contentsOf: directory.appending(path: "run-\(index).log"), encoding: .utf8)) ?? ""
                return text.split(separator: "\n").count >= 2
            }
        }
        await first.kill()

        let second = try await environment.startSwiftWorker(taskQueue: queue)
        for (index, handle) in handles.enumerated() {
            #expect(try await handle.result() == (0..<steps).reduce(0, +))
            let lines = try String(contentsOf: directory.appending(path: "run-\(index).log"), encoding: .utf8).split(separator: "\n")
            let runs = Dictionary(grouping: lines.map { Int($0.split(separator: " ")[0])! }, by: { $0 }).mapValues(\.count)
            #expect(Set(runs.keys) == Set(0..<steps), "run \(index): \(lines)")
            // The retry policy allows 3 attempts; a step cut short by the crash runs again once.
            #expect(runs.values.allSatisfy { $0 <= 3 }, "run \(index): \(lines)")
            #expect(runs.values.reduce(0, +) <= steps + 1, "run \(index) repeated more than the interrupted step: \(lines)")
        }
        await second.stop()
    }
}
