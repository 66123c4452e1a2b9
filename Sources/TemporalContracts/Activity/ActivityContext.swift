import Foundation
import Logging

/// What an activity implementation can see and do while it runs: its info, heartbeats, and
/// cancellation. Cancellation reaches an activity through heartbeats (the server answers a
/// heartbeat with "cancel requested"), so long activities should heartbeat; the worker then
/// cancels the activity's Swift task as well, so `Task.isCancelled` and `CancellationError` work.
public protocol ActivityContext: Sendable {
    var info: ActivityInfo { get }
    var dataConverter: DataConverter { get }
    /// The attempt's logger (swift-log), with the activity, workflow and attempt as metadata on a worker.
    var logger: Logger { get }
    /// Records progress; the worker throttles calls to the server and always sends the latest details.
    func heartbeat(details: [Payload]) async
    /// Whether cancellation was requested (through a heartbeat response, a timeout, or shutdown).
    var isCancellationRequested: Bool { get }
}

extension ActivityContext {
    /// Records progress with typed details, which a retry reads back with `lastHeartbeatDetail(as:)`.
    public func heartbeat<Detail>(_ detail: Detail) async throws {
        await heartbeat(details: [try dataConverter.payloadConverter.toPayload(detail)])
    }

    /// The details of the last heartbeat of the previous attempt, if any.
    public func lastHeartbeatDetail<Detail>(as type: Detail.Type) throws -> Detail? {
        guard let first = info.heartbeatDetails.first else { return nil }
        return try dataConverter.payloadConverter.fromPayload(first, as: Detail.self)
    }

    /// Throws `CanceledError` when cancellation was requested; call it at safe points.
    public func checkCancellation() throws {
        if isCancellationRequested { throw CanceledError("activity '\(info.activityType)' was canceled") }
    }
}

/// Facts about the running activity attempt.
public struct ActivityInfo: Sendable {
    public var activityID: String
    public var activityType: String
    public var taskQueue: String
    /// 1 for the first attempt.
    public var attempt: Int
    public var workflowNamespace: String
    public var workflowID: String
    public var workflowRunID: String
    public var workflowType: String
    public var scheduledTime: Date
    public var startedTime: Date
    /// When this attempt times out (start-to-close or schedule-to-close, whichever is first).
    public var deadline: Date?
    public var heartbeatTimeout: Duration?
    /// Details of the last heartbeat recorded before this attempt.
    public var heartbeatDetails: [Payload]
    public var isLocal: Bool
    /// Identifies the task for asynchronous completion by a client.
    public var taskToken: Data

    public init(
        activityID: String,
        activityType: String,
        taskQueue: String,
        attempt: Int = 1,
        workflowNamespace: String = "default",
        workflowID: String = "",
        workflowRunID: String = "",
        workflowType: String = "",
        scheduledTime: Date = Date(),
        startedTime: Date = Date(),
        deadline: Date? = nil,
        heartbeatTimeout: Duration? = nil,
        heartbeatDetails: [Payload] = [],
        isLocal: Bool = false,
        taskToken: Data = Data()
    ) {
        self.activityID = activityID
        self.activityType = activityType
        self.taskQueue = taskQueue
        self.attempt = attempt
        self.workflowNamespace = workflowNamespace
        self.workflowID = workflowID
        self.workflowRunID = workflowRunID
        self.workflowType = workflowType
        self.scheduledTime = scheduledTime
        self.startedTime = startedTime
        self.deadline = deadline
        self.heartbeatTimeout = heartbeatTimeout
        self.heartbeatDetails = heartbeatDetails
        self.isLocal = isLocal
        self.taskToken = taskToken
    }
}

/// Thrown by an activity that will be completed later by a client, with its task token.
public struct CompleteAsynchronously: Error, Sendable {
    public init() {}
}
