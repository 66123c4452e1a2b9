import Foundation
import Logging
import SwiftProtobuf
import TemporalAPI
import TemporalContracts

/// Replays recorded histories against the current workflow code, to catch nondeterministic
/// changes before they reach running executions (in CI, with histories exported from a server).
public struct WorkflowReplayer: Sendable {
    /// The registrations by workflow type name, under their aliases too: histories of runs
    /// started under a former name replay on the workflow that took it over.
    public let workflows: [String: WorkflowRegistration]
    public let dataConverter: DataConverter
    public let logger: Logger
    /// The worker's interceptors: a replay runs them as the worker did, so the commands match.
    public let interceptors: [any WorkerInterceptor]

    public init(
        workflows: [WorkflowRegistration],
        dataConverter: DataConverter = .default,
        logger: Logger = Logger(label: "temporal.replayer"),
        interceptors: [any WorkerInterceptor] = []
    ) {
        self.workflows = Dictionary(registrations: workflows, keepingFirst: false) { ($0.name, $0.aliases) }
        self.dataConverter = dataConverter
        self.logger = logger
        self.interceptors = interceptors
    }

    /// Replays `history` from its first event. Throws `NondeterminismError` naming the event
    /// where the code and the history part, `WorkflowTaskError` when the history cannot be run
    /// (unknown workflow type, undecodable input). The returned engine holds the replayed state,
    /// for queries; tear it down when done.
    @discardableResult
    public func replay(_ history: Temporal_Api_History_V1_History, workflowID: String = "replay") throws -> WorkflowEngine {
        guard let start = history.events.first, case .workflowExecutionStartedEventAttributes(let attributes) = start.attributes else {
            throw WorkflowTaskError("the history does not begin with WorkflowExecutionStarted")
        }
        guard let registration = workflows.registration(forType: attributes.workflowType.name) else {
            throw WorkflowTaskError(
                "workflow type '\(attributes.workflowType.name)' is not registered with the replayer; registered: \(workflows.keys.sorted().joined(separator: ", "))",
                eventID: start.eventID
            )
        }
        let engine = WorkflowEngine(
            registration: registration,
            namespace: "replay",
            workflowID: workflowID,
            runID: attributes.originalExecutionRunID,
            dataConverter: dataConverter,
            logger: logger,
            interceptors: interceptors
        )
        do {
            _ = try engine.activate(WorkflowActivation(events: history.events))
        } catch {
            engine.tearDown()
            throw error
        }
        return engine
    }

    /// Replays a history in the JSON form `temporal workflow show --output json` writes.
    @discardableResult
    public func replay(json: String, workflowID: String = "replay") throws -> WorkflowEngine {
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = true
        let history = try Temporal_Api_History_V1_History(jsonString: json, options: options)
        return try replay(history, workflowID: workflowID)
    }
}
