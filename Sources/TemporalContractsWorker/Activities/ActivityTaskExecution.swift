import Foundation
import Logging
import Metrics
import SwiftProtobuf
import Synchronization
import TemporalAPI
import TemporalContractsConversion
import TemporalContracts
import TemporalContractsGRPC

/// Runs one activity task: builds its context, runs the registered implementation in its own
/// task, cancels that task on a cancellation request, a timeout or shutdown, and reports the
/// outcome to the server.
struct ActivityTaskExecution: Sendable {
    let task: Temporal_Api_Workflowservice_V1_PollActivityTaskQueueResponse
    let registration: ActivityRegistration?
    let transport: GRPCTemporalTransport
    let options: ActivityWorkerOptions
    let context: WorkerActivityContext
    /// The worker's watch over the timeouts of its running attempts.
    let timeouts: ActivityTimeoutWatch

    init(
        task: Temporal_Api_Workflowservice_V1_PollActivityTaskQueueResponse,
        registration: ActivityRegistration?,
        transport: GRPCTemporalTransport,
        options: ActivityWorkerOptions,
        timeouts: ActivityTimeoutWatch
    ) {
        self.task = task
        self.timeouts = timeouts
        self.registration = registration
        self.transport = transport
        self.options = options
        let info = ActivityInfo(task, taskQueue: options.taskQueue)
        let logger = info.attemptLogger(options.logger)
        // The heartbeat sender needs the context (to cancel it) and the context needs the sender.
        let target = CancellationTarget()
        let throttle = HeartbeatThrottle(interval: Self.throttleInterval(info.heartbeatTimeout, options: options)) {
            [transport, taskToken = info.taskToken] details in
            await Self.sendHeartbeat(details, taskToken: taskToken, transport: transport, target: target)
        }
        let context = WorkerActivityContext(info: info, dataConverter: options.dataConverter, logger: logger, throttle: throttle)
        target.context.withLock { $0 = context }
        self.context = context
        self.throttle = throttle
        metrics = ActivityWorkerMetrics(
            factory: options.metricsFactory ?? transport.connection.options.metricsFactory,
            latencyUnit: options.latencyMetricsUnit,
            namespace: transport.connection.options.namespace,
            taskQueue: options.taskQueue
        )
    }

    private let throttle: HeartbeatThrottle
    private let metrics: ActivityWorkerMetrics

    func run() async {
        let started = ContinuousClock.now
        metrics.taskStarted(task)
        let context = self.context
        guard let registration else {
            context.logger.error("activity type is not registered on this worker")
            await report(
                .failure(
                    ApplicationError(
                        "activity type '\(context.info.activityType)' is not registered on the worker of task queue '\(options.taskQueue)'",
                        type: "NotFoundError"
                    )
                ),
                started: started
            )
            return
        }
        let input = ExecuteActivityInput(
            activityType: context.info.activityType,
            arguments: task.input.payloads.map(Payload.init),
            headers: [String: Payload](task.header)
        )
        let interceptors = options.interceptors
        let work = Task { try await registration.execute(input, context: context, interceptors: interceptors) }
        context.onCancel { _ in work.cancel() }
        timeouts.watch(context)
        let result = await work.result
        timeouts.unwatch(context)
        await throttle.stop()
        await report(result, started: started)
    }

    private func report(_ result: Result<[Payload], any Error>, started: ContinuousClock.Instant) async {
        let logger = context.logger
        let activityType = context.info.activityType
        metrics.executed(activityType: activityType, in: ContinuousClock.now - started)
        let token = context.info.taskToken
        do {
            switch (result, context.cancellationReason) {
            case (.success(let payloads), _):
                try await transport.completeActivity(taskToken: token, result: payloads)
                metrics.succeeded(task)
            case (.failure(is CompleteAsynchronously), _):
                logger.debug("activity will be completed asynchronously")
            case (.failure(let error), .requested?) where error is CancellationError || error is CanceledError:
                metrics.cancelled(activityType: activityType)
                logger.info("activity canceled as requested")
                try await transport.reportActivityCanceled(taskToken: token, details: [])
            case (.failure, .timedOut(let type)?):
                metrics.failed(activityType: activityType)
                logger.warning("activity timed out", metadata: ["timeout_type": "\(type)"])
            case (.failure, .notFound?):
                logger.info("activity is no longer known to the server")
            case (.failure, .workerShutdown?):
                logger.warning("activity interrupted by worker shutdown; the server will retry it")
                let failure = try await options.dataConverter.encodeFailure(
                    ApplicationError("the worker shut down while the activity ran", type: "WorkerShutdown")
                )
                try await transport.failActivity(taskToken: token, failure: failure, lastHeartbeatDetails: context.latestHeartbeatDetails)
            case (.failure(let error), _):
                metrics.failed(activityType: activityType)
                logger.info("activity failed", metadata: ["error": "\(error)"])
                try await transport.failActivity(
                    taskToken: token,
                    failure: options.dataConverter.encodeFailure(error),
                    lastHeartbeatDetails: context.latestHeartbeatDetails
                )
            }
        } catch is ActivityNotFoundError {
            logger.info(
                "the server no longer knows this attempt: an earlier try of this report went through, it timed out, or its workflow closed"
            )
        } catch {
            logger.error("could not report the activity's outcome", metadata: ["error": "\(error)"])
        }
    }

    private static func sendHeartbeat(
        _ details: [Payload],
        taskToken: Data,
        transport: GRPCTemporalTransport,
        target: CancellationTarget
    ) async {
        do {
            if try await transport.heartbeatActivity(taskToken: taskToken, details: details) {
                target.cancel(.requested)
            }
        } catch is ActivityNotFoundError {
            target.cancel(.notFound)
        } catch {
            // A failed heartbeat is not fatal: the next one, or the heartbeat timeout, decides.
        }
    }

    static func throttleInterval(_ heartbeatTimeout: Duration?, options: ActivityWorkerOptions) -> Duration {
        guard let heartbeatTimeout, heartbeatTimeout > .zero else { return options.defaultHeartbeatThrottleInterval }
        return min(heartbeatTimeout * 0.8, options.maxHeartbeatThrottleInterval)
    }
}

/// The context a heartbeat response cancels, set once the context exists.
final class CancellationTarget: Sendable {
    let context = Mutex<WorkerActivityContext?>(nil)

    func cancel(_ reason: ActivityCancellationReason) {
        context.withLock { $0 }?.cancel(reason)
    }
}

extension ActivityInfo {
    init(_ task: Temporal_Api_Workflowservice_V1_PollActivityTaskQueueResponse, taskQueue: String) {
        let started = task.hasStartedTime ? task.startedTime.date : Date()
        var deadlines: [Date] = []
        if task.hasStartToCloseTimeout, task.startToCloseTimeout.timeInterval > 0 {
            deadlines.append(started.addingTimeInterval(task.startToCloseTimeout.timeInterval))
        }
        if task.hasScheduleToCloseTimeout, task.scheduleToCloseTimeout.timeInterval > 0, task.hasScheduledTime {
            deadlines.append(task.scheduledTime.date.addingTimeInterval(task.scheduleToCloseTimeout.timeInterval))
        }
        let heartbeatTimeout = task.hasHeartbeatTimeout ? Duration(task.heartbeatTimeout) : .zero
        self.init(
            activityID: task.activityID,
            activityType: task.activityType.name,
            taskQueue: taskQueue,
            attempt: Int(task.attempt),
            workflowNamespace: task.workflowNamespace,
            workflowID: task.workflowExecution.workflowID,
            workflowRunID: task.workflowExecution.runID,
            workflowType: task.workflowType.name,
            scheduledTime: task.hasCurrentAttemptScheduledTime ? task.currentAttemptScheduledTime.date : started,
            startedTime: started,
            deadline: deadlines.min(),
            heartbeatTimeout: heartbeatTimeout > .zero ? heartbeatTimeout : nil,
            heartbeatDetails: task.heartbeatDetails.payloads.map(Payload.init),
            isLocal: false,
            taskToken: task.taskToken
        )
    }
}
