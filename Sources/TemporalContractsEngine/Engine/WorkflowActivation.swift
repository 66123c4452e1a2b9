import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts

/// One workflow task's input to the engine: the history events since the previous task (all
/// of them, from the start event, for a full replay), ending with the task's
/// `WorkflowTaskStarted`, and the update requests the server delivered as protocol messages.
public struct WorkflowActivation: Sendable {
    public var events: [Temporal_Api_History_V1_HistoryEvent]
    public var updates: [WorkflowUpdateRequest]

    public init(events: [Temporal_Api_History_V1_HistoryEvent], updates: [WorkflowUpdateRequest] = []) {
        self.events = events
        self.updates = updates
    }
}

/// An update request as the server delivers it in a workflow task.
public struct WorkflowUpdateRequest: Sendable {
    /// The protocol instance, which is the update ID.
    public var protocolInstanceID: String
    /// The ID of the message that carried the request, acknowledged by the acceptance.
    public var messageID: String
    /// The event after which the update is sequenced.
    public var sequencingEventID: Int64
    public var request: Temporal_Api_Update_V1_Request

    public init(protocolInstanceID: String, messageID: String, sequencingEventID: Int64, request: Temporal_Api_Update_V1_Request) {
        self.protocolInstanceID = protocolInstanceID
        self.messageID = messageID
        self.sequencingEventID = sequencingEventID
        self.request = request
    }

    /// Reads the request from the message the server sent.
    public init(message: Temporal_Api_Protocol_V1_Message) throws {
        self.init(
            protocolInstanceID: message.protocolInstanceID,
            messageID: message.id,
            sequencingEventID: message.eventID,
            request: try Temporal_Api_Update_V1_Request(unpackingAny: message.body)
        )
    }
}

/// What the workflow asks for at the end of a workflow task: the commands and protocol messages
/// for `RespondWorkflowTaskCompleted`, and local activities the driver must run first.
public struct WorkflowActivationResult: Sendable {
    /// Every command of the current workflow task so far, in order.
    public var commands: [Temporal_Api_Command_V1_Command]
    /// Protocol messages (update acceptances, rejections and completions), in order.
    public var messages: [Temporal_Api_Protocol_V1_Message]
    /// Local activities to start now; report each with `resolveLocalActivity`.
    public var localActivities: [LocalActivityRequest]
    /// Whether local activities requested earlier still run; complete the task once none does.
    public var hasPendingLocalActivities: Bool
    /// Whether the run has ended (completed, failed, cancelled or continued as new).
    public var isFinished: Bool
}

/// A local activity the workflow waits for, to run in the worker's process.
public struct LocalActivityRequest: Sendable {
    public var sequence: Int
    public var activityType: String
    public var activityID: String
    public var input: [Payload]
    public var options: ActivityOptions
    /// The headers the workflow's outbound interceptors set; the activity's inbound interceptors read them.
    public var headers: [String: Payload] = [:]

    public init(sequence: Int, activityType: String, activityID: String, input: [Payload], options: ActivityOptions) {
        self.sequence = sequence
        self.activityType = activityType
        self.activityID = activityID
        self.input = input
        self.options = options
    }
}

/// How a local activity ended.
public enum LocalActivityOutcome: Sendable {
    case completed([Payload])
    case failed(Failure)
}
