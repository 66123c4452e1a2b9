import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import Testing

@testable import TemporalContractsConversion

/// The codecs reach every payload a workflow worker exchanges with the server.
struct PayloadCodecTraversalTests {
    /// Wraps each payload whole, as encryption codecs do: the result's only readable part is its
    /// encoding.
    struct WrappingCodec: PayloadCodec {
        static let encoding = Data("binary/test-wrapped".utf8)

        func encode(_ payloads: [Payload]) async throws -> [Payload] {
            try payloads.map { Payload(metadata: ["encoding": Self.encoding], data: try $0.apiPayload.serializedData()) }
        }

        func decode(_ payloads: [Payload]) async throws -> [Payload] {
            try payloads.map { payload in
                guard payload.metadata["encoding"] == Self.encoding else { throw ValidationError(reason: "not wrapped: \(payload)") }
                return Payload(try Temporal_Api_Common_V1_Payload(serializedBytes: payload.data))
            }
        }
    }

    struct FailingCodec: PayloadCodec {
        func encode(_ payloads: [Payload]) async throws -> [Payload] { throw ValidationError(reason: "no key") }
        func decode(_ payloads: [Payload]) async throws -> [Payload] { throw ValidationError(reason: "no key") }
    }

    struct ValidationError: Error { let reason: String }

    private let converter = DataConverter(codecs: [WrappingCodec()])
    private let plain = [Payload(metadata: ["encoding": Data("json/plain".utf8)], data: Data("\"hello\"".utf8))]

    private var applicationFailure: Temporal_Api_Failure_V1_Failure {
        Failure(
            message: "failed",
            info: .application(type: "Boom", nonRetryable: false, details: plain, nextRetryDelay: nil),
            cause: Failure(message: "timeout", info: .timeout(type: .heartbeat, lastHeartbeatDetails: plain))
        ).apiFailure
    }

    /// Every payload in a message, found through its text form (the encodings in metadata).
    private func encodings<M: SwiftProtobuf.Message>(_ message: M) throws -> [String] {
        let json = try message.jsonString()
        return ["json/plain", "binary/test-wrapped"].filter { encoding in
            json.contains(Data(encoding.utf8).base64EncodedString())
        }
    }

    private func events() -> [Temporal_Api_History_V1_HistoryEvent] {
        var started = Temporal_Api_History_V1_HistoryEvent()
        started.eventID = 1
        started.eventType = .workflowExecutionStarted
        started.workflowExecutionStartedEventAttributes.input = plain.apiPayloads
        var signaled = Temporal_Api_History_V1_HistoryEvent()
        signaled.eventID = 5
        signaled.workflowExecutionSignaledEventAttributes.input = plain.apiPayloads
        var completed = Temporal_Api_History_V1_HistoryEvent()
        completed.eventID = 7
        completed.activityTaskCompletedEventAttributes.result = plain.apiPayloads
        var failed = Temporal_Api_History_V1_HistoryEvent()
        failed.eventID = 8
        failed.activityTaskFailedEventAttributes.failure = applicationFailure
        var marker = Temporal_Api_History_V1_HistoryEvent()
        marker.eventID = 9
        marker.markerRecordedEventAttributes.details = ["data": plain.apiPayloads]
        var child = Temporal_Api_History_V1_HistoryEvent()
        child.eventID = 10
        child.childWorkflowExecutionCompletedEventAttributes.result = plain.apiPayloads
        var accepted = Temporal_Api_History_V1_HistoryEvent()
        accepted.eventID = 11
        accepted.workflowExecutionUpdateAcceptedEventAttributes.acceptedRequest.input.args = plain.apiPayloads
        return [started, signaled, completed, failed, marker, child, accepted]
    }

    @Test func decodingRestoresEveryPayloadOfTheEventsAndOfATask() async throws {
        let original = events()
        // What a server stores when clients and workers use the codec.
        var stored = original
        let encode = PayloadTransform(transform: WrappingCodec().encode)
        for index in stored.indices { try await encode.event(&stored[index]) }
        for event in stored { #expect(try encodings(event) == ["binary/test-wrapped"], "\(event.eventID) left a plain payload") }

        var decoded = stored
        try await converter.decodePayloads(in: &decoded)
        #expect(decoded == original)

        var request = Temporal_Api_Update_V1_Request()
        request.input.name = "SetBudget"
        request.input.args = try await WrappingCodec().encode(plain).apiPayloads
        var message = Temporal_Api_Protocol_V1_Message()
        message.id = "m1"
        message.body = try Google_Protobuf_Any(message: request)
        var task = Temporal_Api_Workflowservice_V1_PollWorkflowTaskQueueResponse()
        task.history.events = stored
        task.messages = [message]
        task.query.queryType = "Status"
        task.query.queryArgs = try await WrappingCodec().encode(plain).apiPayloads
        task.queries["q1"] = task.query
        try await converter.decodePayloads(in: &task)
        #expect(task.history.events == original)
        #expect(try encodings(task) == ["json/plain"])
        #expect(try Temporal_Api_Update_V1_Request(unpackingAny: task.messages[0].body).input.args == plain.apiPayloads)
    }

    @Test func encodingReachesCommandsMessagesAndQueryAnswers() async throws {
        var completion = Temporal_Api_Workflowservice_V1_RespondWorkflowTaskCompletedRequest()
        var schedule = Temporal_Api_Command_V1_Command()
        schedule.scheduleActivityTaskCommandAttributes.input = plain.apiPayloads
        var complete = Temporal_Api_Command_V1_Command()
        complete.completeWorkflowExecutionCommandAttributes.result = plain.apiPayloads
        var fail = Temporal_Api_Command_V1_Command()
        fail.failWorkflowExecutionCommandAttributes.failure = applicationFailure
        var marker = Temporal_Api_Command_V1_Command()
        marker.recordMarkerCommandAttributes.details = ["data": plain.apiPayloads]
        var child = Temporal_Api_Command_V1_Command()
        child.startChildWorkflowExecutionCommandAttributes.input = plain.apiPayloads
        var signal = Temporal_Api_Command_V1_Command()
        signal.signalExternalWorkflowExecutionCommandAttributes.input = plain.apiPayloads
        var continueAsNew = Temporal_Api_Command_V1_Command()
        continueAsNew.continueAsNewWorkflowExecutionCommandAttributes.input = plain.apiPayloads
        completion.commands = [schedule, complete, fail, marker, child, signal, continueAsNew]
        var response = Temporal_Api_Update_V1_Response()
        response.outcome.success = plain.apiPayloads
        var rejection = Temporal_Api_Update_V1_Rejection()
        rejection.failure = applicationFailure
        var responseMessage = Temporal_Api_Protocol_V1_Message()
        responseMessage.body = try Google_Protobuf_Any(message: response)
        var rejectionMessage = Temporal_Api_Protocol_V1_Message()
        rejectionMessage.body = try Google_Protobuf_Any(message: rejection)
        completion.messages = [responseMessage, rejectionMessage]
        var answer = Temporal_Api_Query_V1_WorkflowQueryResult()
        answer.answer = plain.apiPayloads
        completion.queryResults["q1"] = answer

        try await converter.encodePayloads(in: &completion)
        for command in completion.commands { #expect(try encodings(command) == ["binary/test-wrapped"], "\(command.commandType)") }
        let encodedResponse = try Temporal_Api_Update_V1_Response(unpackingAny: completion.messages[0].body)
        #expect(try encodings(encodedResponse) == ["binary/test-wrapped"])
        let encodedRejection = try Temporal_Api_Update_V1_Rejection(unpackingAny: completion.messages[1].body)
        #expect(try encodings(encodedRejection) == ["binary/test-wrapped"])
        #expect(try encodings(try #require(completion.queryResults["q1"])) == ["binary/test-wrapped"])
        #expect(try await WrappingCodec().decode([Payload](completion.commands[0].scheduleActivityTaskCommandAttributes.input)) == plain)
    }

    @Test func withoutCodecsNothingChanges() async throws {
        var events = events()
        try await DataConverter.default.decodePayloads(in: &events)
        #expect(events == self.events())
    }

    @Test func aFailingCodecNamesTheEventAndTheField() async throws {
        var events = events()
        let error = await #expect(throws: PayloadCodecError.self) {
            try await DataConverter(codecs: [FailingCodec()]).decodePayloads(in: &events)
        }
        #expect(error?.location == "event 1 (WorkflowExecutionStarted) input")
        #expect("\(error.map(String.init(describing:)) ?? "")".contains("no key"))
    }
}
