import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsConversion

extension TestServer {
    /// How an activity's attempts ended.
    enum ActivityOutcome: Sendable {
        case completed([Payload])
        case failed(Failure, RetryState)
        case canceled([Payload])
        /// The activity will be completed by task token.
        case asynchronous
    }

    /// Runs an activity's attempts in a task of its own, as a worker would, and records the end.
    func startActivity(
        _ attributes: Temporal_Api_Command_V1_ScheduleActivityTaskCommandAttributes,
        scheduledEventID: Int64,
        of execution: TestExecution
    ) {
        let cancellation = CancellationFlag()
        let info = ActivityInfo(
            activityID: attributes.activityID,
            activityType: attributes.activityType.name,
            taskQueue: attributes.taskQueue.name,
            workflowNamespace: namespace,
            workflowID: execution.workflowID,
            workflowRunID: execution.runID,
            workflowType: execution.workflowType,
            scheduledTime: now,
            startedTime: now,
            heartbeatTimeout: attributes.hasHeartbeatTimeout ? Duration(attributes.heartbeatTimeout) : nil,
            taskToken: ActivityTaskToken(runID: execution.runID, scheduledEventID: scheduledEventID).data
        )
        let runner = runner(for: attributes.activityType.name, retryPolicy: attributes.hasRetryPolicy ? attributes.retryPolicy : nil)
        let input = [Payload](attributes.input)
        let headers = [String: Payload](attributes.header)
        let runID = execution.runID
        let slot = ActivityOutcomeSlot()
        let task = activityExecutor.runInline {
            Self.spawn(runner, input: input, headers: headers, info: info, cancellation: cancellation, on: activityExecutor) { outcome in
                if !slot.offer(outcome) {
                    await self.activityEnded(runID: runID, scheduledEventID: scheduledEventID, outcome: outcome)
                }
            }
        }
        if let outcome = slot.take() {
            if case .asynchronous = outcome {
                execution.activities[scheduledEventID] = TestExecution.ActivityAttempt(task: task, cancellation: cancellation)
            } else {
                record(outcome, scheduledEventID: scheduledEventID, of: execution)
            }
            return
        }
        runningActivities += 1
        execution.activities[scheduledEventID] = TestExecution.ActivityAttempt(task: task, cancellation: cancellation)
    }

    /// Starts the attempt's task outside the actor's isolation, so it runs on `executor` (inline
    /// while the server drains it) rather than waiting for the actor.
    nonisolated static func spawn(
        _ runner: ActivityRunner,
        input: [Payload],
        headers: [String: Payload],
        info: ActivityInfo,
        cancellation: CancellationFlag,
        on executor: InlineActivityExecutor,
        then report: @escaping @Sendable (ActivityOutcome) async -> Void
    ) -> Task<Void, Never> {
        Task(executorPreference: executor) {
            await report(await runner.run(input: input, headers: headers, info: info, cancellation: cancellation))
        }
    }

    private func activityEnded(runID: String, scheduledEventID: Int64, outcome: ActivityOutcome) async {
        runningActivities -= 1
        if case .asynchronous = outcome {
            await pump()
            return
        }
        if let execution = runs[runID], execution.activities.removeValue(forKey: scheduledEventID) != nil {
            record(outcome, scheduledEventID: scheduledEventID, of: execution)
        }
        await pump()
    }

    /// Writes an activity's started event and its outcome, as the server does once the last
    /// attempt ends.
    func record(_ outcome: ActivityOutcome, scheduledEventID: Int64, of execution: TestExecution) {
        appendOrBuffer(execution, .activityTaskStarted) { event in
            event.activityTaskStartedEventAttributes.scheduledEventID = scheduledEventID
            event.activityTaskStartedEventAttributes.identity = "swift-test-environment"
        }
        switch outcome {
        case .completed(let payloads):
            appendOrBuffer(execution, .activityTaskCompleted) { event in
                event.activityTaskCompletedEventAttributes.scheduledEventID = scheduledEventID
                event.activityTaskCompletedEventAttributes.startedEventID = event.eventID - 1
                event.activityTaskCompletedEventAttributes.result = payloads.apiPayloads
            }
        case .failed(let failure, let retryState):
            appendOrBuffer(execution, .activityTaskFailed) { event in
                event.activityTaskFailedEventAttributes.scheduledEventID = scheduledEventID
                event.activityTaskFailedEventAttributes.startedEventID = event.eventID - 1
                event.activityTaskFailedEventAttributes.failure = failure.apiFailure
                event.activityTaskFailedEventAttributes.retryState =
                    Temporal_Api_Enums_V1_RetryState(rawValue: retryState.rawValue) ?? .unspecified
            }
        case .canceled(let details):
            appendOrBuffer(execution, .activityTaskCanceled) { event in
                event.activityTaskCanceledEventAttributes.scheduledEventID = scheduledEventID
                event.activityTaskCanceledEventAttributes.startedEventID = event.eventID - 1
                event.activityTaskCanceledEventAttributes.details = details.apiPayloads
            }
        case .asynchronous:
            break
        }
    }

    private func runner(for activityType: String, retryPolicy: Temporal_Api_Common_V1_RetryPolicy?) -> ActivityRunner {
        ActivityRunner(
            registration: activities.registration(forType: activityType),
            registeredTypes: activities.keys.sorted(),
            dataConverter: dataConverter,
            logger: logger,
            retryPolicy: retryPolicy,
            maximumAttempts: maximumActivityAttempts,
            interceptors: workerInterceptors
        )
    }

    /// Runs a local activity for the engine, with the same retries as a normal one.
    func runLocalActivity(_ request: LocalActivityRequest, of execution: TestExecution) async -> LocalActivityOutcome {
        let runner = runner(for: request.activityType, retryPolicy: request.options.retryPolicy?.apiRetryPolicy)
        let info = ActivityInfo(
            activityID: request.activityID,
            activityType: request.activityType,
            taskQueue: execution.taskQueue,
            workflowNamespace: namespace,
            workflowID: execution.workflowID,
            workflowRunID: execution.runID,
            workflowType: execution.workflowType,
            scheduledTime: now,
            startedTime: now,
            isLocal: true
        )
        switch await runner.run(input: request.input, headers: request.headers, info: info, cancellation: CancellationFlag()) {
        case .completed(let payloads): return .completed(payloads)
        case .failed(let failure, _): return .failed(failure)
        case .canceled: return .failed(dataConverter.failureConverter.failure(from: CanceledError("local activity canceled")))
        case .asynchronous:
            return .failed(
                dataConverter.failureConverter.failure(
                    from: ApplicationError(
                        "local activity '\(request.activityType)' cannot complete asynchronously",
                        type: "InvalidLocalActivity",
                        isNonRetryable: true
                    )
                )
            )
        }
    }
}

/// Identifies an activity attempt for completion by task token inside the test environment:
/// `<run ID>/<scheduled event ID>` as bytes.
struct ActivityTaskToken {
    let runID: String
    let scheduledEventID: Int64

    var data: Data { Data("\(runID)/\(scheduledEventID)".utf8) }

    init(runID: String, scheduledEventID: Int64) {
        self.runID = runID
        self.scheduledEventID = scheduledEventID
    }

    init(_ data: Data) throws {
        let text = String(decoding: data, as: UTF8.self)
        guard let slash = text.lastIndex(of: "/"), let eventID = Int64(text[text.index(after: slash)...]) else {
            throw ActivityNotFoundError()
        }
        self.init(runID: String(text[..<slash]), scheduledEventID: eventID)
    }
}
