import Foundation

/// Completes, fails or heartbeats an activity from outside the worker, after the activity threw
/// `CompleteAsynchronously` and handed out its task token (`context.info.taskToken`).
public struct AsyncActivityHandle: Sendable {
    public let taskToken: Data
    let transport: any TemporalTransport
    let dataConverter: DataConverter

    /// Completes the activity with its result, encoded as the activity's definition says.
    public func complete<Input, Output>(_ activity: ActivityDefinition<Input, Output>, result: Output) async throws {
        try await transport.completeActivity(taskToken: taskToken, result: dataConverter.encode(result, with: activity.output))
    }

    /// Fails the activity; an `ApplicationError` keeps its type, details and retryability.
    public func fail(_ error: any Error) async throws {
        try await transport.failActivity(taskToken: taskToken, failure: dataConverter.encodeFailure(error), lastHeartbeatDetails: [])
    }

    /// Reports the activity canceled, after a heartbeat said cancellation was requested.
    public func reportCancellation() async throws {
        try await transport.reportActivityCanceled(taskToken: taskToken, details: [])
    }

    /// Records progress; returns whether cancellation was requested.
    public func heartbeat<Detail>(_ detail: Detail) async throws -> Bool {
        let payloads = try await dataConverter.encodeCodecs([dataConverter.payloadConverter.toPayload(detail)])
        return try await transport.heartbeatActivity(taskToken: taskToken, details: payloads)
    }
}

extension TemporalClient {
    /// A handle to complete the activity with this task token from outside its worker.
    public func asyncActivity(taskToken: Data) -> AsyncActivityHandle {
        AsyncActivityHandle(taskToken: taskToken, transport: transport, dataConverter: dataConverter)
    }
}
