import Foundation
import Logging
import TemporalContracts
import Testing

/// What a buggy or malicious Python peer can send the Swift workers, each case against a real dev
/// server: the exact outcome (a failed workflow task naming the field and type, an activity
/// failure, a rejected update, a failed query, a dropped signal) and, after each, a normal
/// workflow still served by the same worker. The table in the README lists the same cases.
@Suite(.hostileInputWorkers, .serialized, .timeLimit(.minutes(5)))
struct HostileInputTests {
    static let healthyResult = "ok:1:0.5"
    static let unhandledFailure = "WORKFLOW_TASK_FAILED_CAUSE_WORKFLOW_WORKER_UNHANDLED_FAILURE"

    /// Runs a case that must fail the workflow task, checks the failure's message, and that the
    /// worker logged it at error level once although the task failed again on later attempts.
    private func expectTaskFailure(_ hostileCase: String, containing fragments: [String]) async throws {
        let environment = try HostileInputEnvironment.require()
        let outcome = try await environment.peer(hostileCase)
        #expect(outcome["outcome"] as? String == "task_failed", "\(outcome)")
        #expect(outcome["cause"] as? String == Self.unhandledFailure, "\(outcome)")
        let message = try #require(outcome["message"] as? String, "\(outcome)")
        for fragment in fragments {
            #expect(message.contains(fragment), "'\(fragment)' is not in: \(message)")
        }
        #expect(outcome["healthy"] as? String == Self.healthyResult, "\(outcome)")

        let workflowID = try #require(outcome["workflow_id"] as? String)
        let failures = environment.logs.entries(where: "workflow_id", is: workflowID).filter { $0.message == "workflow task failed" }
        #expect(failures.filter { $0.level == .error }.count == 1, "\(failures.map(\.level))")
        // The retry failed too (not reported, so quieter): the single error line is not luck.
        #expect(failures.contains { $0.level == .debug && $0.metadata["attempt"] != "1" }, "\(failures.map(\.metadata))")
    }

    @Test func unknownEncodingFailsTheTask() async throws {
        try await expectTaskFailure(
            "unknown-encoding",
            containing: ["cannot decode Order", "no converter for payload encoding 'json/bogus'"]
        )
    }

    @Test func missingEncodingFailsTheTask() async throws {
        try await expectTaskFailure("missing-encoding", containing: ["cannot decode Order", "no 'encoding' metadata"])
    }

    @Test func invalidJSONFailsTheTask() async throws {
        try await expectTaskFailure("invalid-json", containing: ["cannot decode Order from 'json/plain'", "not valid JSON"])
    }

    @Test func missingRequiredFieldFailsTheTaskNamingIt() async throws {
        try await expectTaskFailure(
            "missing-field",
            containing: ["cannot decode Order", "at 'customer_name'", "the required field is missing"]
        )
    }

    @Test func wrongTypeFailsTheTaskNamingFieldAndType() async throws {
        try await expectTaskFailure("wrong-type", containing: ["cannot decode Order", "at 'items[0].quantity'", "expected Int32"])
    }

    @Test func deepNestingFailsTheTaskNamingTheLimit() async throws {
        try await expectTaskFailure(
            "deep-nesting",
            containing: ["cannot decode Order", "at 'batches[0][0][0][0][0]…'", "nests 10001 levels deep", "at most 512 levels"]
        )
    }

    @Test func tooManyArgumentsFailTheTask() async throws {
        try await expectTaskFailure("too-many-args", containing: ["expected 3 arguments but received 4"])
    }

    @Test func tooFewArgumentsFailTheTask() async throws {
        try await expectTaskFailure("too-few-args", containing: ["at 'scale'", "argument 3 is missing"])
    }

    @Test func unknownWorkflowTypeFailsTheTask() async throws {
        try await expectTaskFailure("unknown-workflow", containing: ["workflow type 'NoSuchWorkflow' is not registered", "Combine"])
    }

    // Go's encoding/json, Python's dataclass conversion and TypeScript all ignore unknown fields.
    @Test func extraFieldsAreIgnored() async throws {
        let environment = try HostileInputEnvironment.require()
        let outcome = try await environment.peer("extra-fields")
        let receipt = try #require(outcome["receipt"] as? [String: Any], "\(outcome)")
        #expect(receipt["approvals"] as? [String] == ["alice"])
        #expect((receipt["order"] as? [String: Any])?["surprise"] == nil)
        #expect((outcome["task_failures"] as? [Any])?.isEmpty == true, "\(outcome)")
        #expect(outcome["healthy"] as? String == Self.healthyResult)
    }

    // A 4 MiB string makes the request larger than the server's 4 MiB gRPC message limit: the
    // start is refused before any worker sees it.
    @Test func fourMebibyteStringIsRefusedByTheServer() async throws {
        let environment = try HostileInputEnvironment.require()
        let outcome = try await environment.peer("huge-string")
        #expect(outcome["outcome"] as? String == "start_rejected", "\(outcome)")
        #expect(outcome["status"] as? String == "RESOURCE_EXHAUSTED", "\(outcome)")
        #expect((outcome["message"] as? String)?.contains("larger than max 4194304") == true, "\(outcome)")
        #expect(outcome["healthy"] as? String == Self.healthyResult)
    }

    // Under gRPC's limit, over the dev server's blob size limit (2 MiB by default).
    @Test func threeMebibyteStringIsRefusedByTheServersBlobLimit() async throws {
        let environment = try HostileInputEnvironment.require()
        let outcome = try await environment.peer("large-string")
        #expect(outcome["outcome"] as? String == "start_rejected", "\(outcome)")
        #expect(outcome["status"] as? String == "INVALID_ARGUMENT", "\(outcome)")
        #expect(outcome["message"] as? String == "Blob data size exceeds limit.", "\(outcome)")
        #expect(outcome["healthy"] as? String == Self.healthyResult)
    }

    @Test func unknownSignalIsDroppedAndLoggedOnce() async throws {
        let environment = try HostileInputEnvironment.require()
        let outcome = try await environment.peer("unknown-signal")
        try expectDroppedSignal(outcome, logs: environment.logs, naming: "NoSuchSignal")
    }

    @Test func signalWithBadInputIsDroppedAndLoggedOnce() async throws {
        let environment = try HostileInputEnvironment.require()
        let outcome = try await environment.peer("bad-signal-input")
        try expectDroppedSignal(outcome, logs: environment.logs, naming: "AddLineItem")
    }

    private func expectDroppedSignal(_ outcome: [String: Any], logs: LogCapture, naming signal: String) throws {
        let receipt = try #require(outcome["receipt"] as? [String: Any], "\(outcome)")
        #expect(receipt["item_count"] as? Int == 1, "the dropped signal added nothing: \(receipt)")
        #expect((outcome["task_failures"] as? [Any])?.isEmpty == true, "\(outcome)")
        #expect(outcome["healthy"] as? String == Self.healthyResult)
        let workflowID = try #require(outcome["workflow_id"] as? String)
        let dropped = logs.entries(where: "workflow_id", is: workflowID).filter {
            $0.message.contains("'\(signal)'") && $0.message.contains("dropped")
        }
        #expect(dropped.count == 1, "\(dropped.map(\.message))")
        #expect(dropped.first?.level == .warning)
    }

    @Test func unknownQueryFails() async throws {
        let environment = try HostileInputEnvironment.require()
        let outcome = try await environment.peer("unknown-query")
        #expect(outcome["outcome"] as? String == "query_failed", "\(outcome)")
        #expect((outcome["message"] as? String)?.contains("NoSuchQuery") == true, "\(outcome)")
        #expect((outcome["receipt"] as? [String: Any])?["approvals"] as? [String] == ["alice"])
        #expect(outcome["healthy"] as? String == Self.healthyResult)
    }

    @Test func unknownUpdateIsRejected() async throws {
        let environment = try HostileInputEnvironment.require()
        let outcome = try await environment.peer("unknown-update")
        #expect(outcome["outcome"] as? String == "update_rejected", "\(outcome)")
        #expect((outcome["message"] as? String)?.contains("NoSuchUpdate") == true, "\(outcome)")
        #expect((outcome["task_failures"] as? [Any])?.isEmpty == true, "\(outcome)")
        #expect(outcome["healthy"] as? String == Self.healthyResult)
    }

    @Test func activityInputMissingAFieldFailsTheActivity() async throws {
        let environment = try HostileInputEnvironment.require()
        let outcome = try await environment.peer("activity-missing-field")
        #expect(outcome["outcome"] as? String == "activity_failed", "\(outcome)")
        let message = try #require(outcome["message"] as? String, "\(outcome)")
        #expect(message.contains("at 'quantity'") && message.contains("the required field is missing"), "\(message)")
        #expect(outcome["type"] as? String == "PayloadConversionError", "\(outcome)")
        #expect(outcome["healthy"] as? String == Self.healthyResult)
    }

    @Test func activityGivenTooManyArgumentsFails() async throws {
        let environment = try HostileInputEnvironment.require()
        let outcome = try await environment.peer("activity-too-many-args")
        #expect(outcome["outcome"] as? String == "activity_failed", "\(outcome)")
        #expect((outcome["message"] as? String)?.contains("expected 1 argument but received 2") == true, "\(outcome)")
        #expect(outcome["healthy"] as? String == Self.healthyResult)
    }

    // 10,000 signals to one run (the server's limit per run): all applied, in bounded time and memory, no error logged.
    @Test func signalFloodIsServedInBoundedTimeAndMemory() async throws {
        let environment = try HostileInputEnvironment.require()
        let before = try Self.residentMebibytes()
        let started = ContinuousClock.now
        let outcome = try await environment.peer("signal-flood", timeout: .seconds(150))
        let elapsed = ContinuousClock.now - started
        let after = try Self.residentMebibytes()
        let receipt = try #require(outcome["receipt"] as? [String: Any], "\(outcome)")
        #expect(outcome["rejected"] as? Int == 0, "\(outcome["rejections"] ?? "")")
        // The order's own item and the 9,999 the signals added.
        #expect(receipt["item_count"] as? Int == 10_000)
        #expect(outcome["healthy"] as? String == Self.healthyResult)
        let workflowID = try #require(outcome["workflow_id"] as? String)
        let errors = environment.logs.entries(where: "workflow_id", is: workflowID).filter { $0.level >= .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        #expect(after - before < 200, "RSS grew from \(before) MiB to \(after) MiB")
        print("signal flood: \(elapsed), sending \(outcome["send_seconds"] ?? "?") s, RSS \(before) → \(after) MiB")
    }

    /// This process's resident set (the workers run in it), from `/proc/self/status`.
    static func residentMebibytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        let kibibytes = try #require(line.split(separator: " ").dropFirst().first.flatMap { Int($0) })
        return kibibytes / 1024
    }
}
