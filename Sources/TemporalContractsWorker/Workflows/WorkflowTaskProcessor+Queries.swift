import Foundation
import Logging
import TemporalAPI
import TemporalContractsConversion
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsGRPC

extension WorkflowTaskProcessor {
    /// Answers a query the server sent on its own (no workflow task was running): from the
    /// cached run when there is one, else from a replay of the history the task carries.
    func answerLegacyQuery(_ task: PollResponse, cached: WorkflowCache.Entry?, logger: Logger) async throws {
        let engine: WorkflowEngine
        var replayed: WorkflowEngine?
        if let cached {
            engine = cached.engine
        } else {
            var events = task.history.events
            if events.first?.eventID != 1 || !task.nextPageToken.isEmpty {
                events = try await history.events(of: task.workflowExecution)
            }
            let entry = try makeEntry(for: task, startEvent: events.first)
            // The commands of a task that is still open are not sent: a query changes nothing.
            _ = try entry.engine.activate(WorkflowActivation(events: events))
            engine = entry.engine
            replayed = engine
        }
        defer { replayed?.tearDown() }
        let answer = answer(task.query, on: engine)
        var request = Temporal_Api_Workflowservice_V1_RespondQueryTaskCompletedRequest()
        request.taskToken = task.taskToken
        request.namespace = connection.options.namespace
        request.completedType = answer.resultType
        request.queryResult = answer.answer
        request.errorMessage = answer.errorMessage
        if answer.hasFailure { request.failure = answer.failure }
        try await options.dataConverter.encodePayloads(in: &request)
        let sent = request
        do {
            _ = try await connection.call("RespondQueryTaskCompleted", retry: .idempotent) { service, metadata, options in
                try await service.respondQueryTaskCompleted(sent, metadata: metadata, options: options)
            }
        } catch let error where WorkflowTaskRace(error)?.kind == .taskNotFound {
            // The server stopped waiting (its client gave up or the query timed out): a late
            // answer has no one to go to, and the run itself is fine.
            logger.info("query answered after its task expired", metadata: ["query": "\(task.query.queryType)"])
        }
    }

    /// Runs a query handler on the run's current state; a handler error answers the query as
    /// failed with the error's message and failure.
    func answer(_ query: Temporal_Api_Query_V1_WorkflowQuery, on engine: WorkflowEngine) -> Temporal_Api_Query_V1_WorkflowQueryResult {
        var result = Temporal_Api_Query_V1_WorkflowQueryResult()
        do {
            let payloads = try engine.query(query.queryType, input: [Payload](query.queryArgs), headers: [String: Payload](query.header))
            result.resultType = .answered
            result.answer = payloads.apiPayloads
        } catch {
            let failure = options.dataConverter.failureConverter.failure(from: error)
            result.resultType = .failed
            result.errorMessage = failure.message
            result.failure = failure.apiFailure
        }
        return result
    }
}
