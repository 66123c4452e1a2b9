import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import Testing

@testable import TemporalContractsConversion

/// The codecs reach user metadata (summary and details) and memo values wherever a worker or a
/// client sends or reads them, as the Python SDK encodes them; search attributes stay readable.
struct PayloadCodecMetadataAndMemoTests {
    typealias WrappingCodec = PayloadCodecTraversalTests.WrappingCodec

    private let converter = DataConverter(codecs: [WrappingCodec()])
    private let text = Payload(metadata: ["encoding": Data("json/plain".utf8)], data: Data("\"nightly run\"".utf8))

    private var metadata: Temporal_Api_Sdk_V1_UserMetadata {
        var metadata = Temporal_Api_Sdk_V1_UserMetadata()
        metadata.summary = text.apiPayload
        metadata.details = text.apiPayload
        return metadata
    }

    private var memo: Temporal_Api_Common_V1_Memo {
        var memo = Temporal_Api_Common_V1_Memo()
        memo.fields["origin"] = text.apiPayload
        return memo
    }

    private var searchAttributes: Temporal_Api_Common_V1_SearchAttributes {
        var attributes = Temporal_Api_Common_V1_SearchAttributes()
        attributes.indexedFields["CustomerId"] = text.apiPayload
        return attributes
    }

    private func isWrapped(_ payload: Temporal_Api_Common_V1_Payload) -> Bool {
        payload.metadata["encoding"] == WrappingCodec.encoding
    }

    @Test func commandsSendTheirSummariesAndMemosEncodedAndSearchAttributesPlain() async throws {
        var activity = Temporal_Api_Command_V1_Command()
        activity.scheduleActivityTaskCommandAttributes.activityType.name = "Charge"
        activity.userMetadata = metadata
        var timer = Temporal_Api_Command_V1_Command()
        timer.startTimerCommandAttributes.timerID = "1"
        timer.userMetadata = metadata
        var child = Temporal_Api_Command_V1_Command()
        child.startChildWorkflowExecutionCommandAttributes.memo = memo
        child.startChildWorkflowExecutionCommandAttributes.searchAttributes = searchAttributes
        child.userMetadata = metadata
        var properties = Temporal_Api_Command_V1_Command()
        properties.modifyWorkflowPropertiesCommandAttributes.upsertedMemo = memo
        var continueAsNew = Temporal_Api_Command_V1_Command()
        continueAsNew.continueAsNewWorkflowExecutionCommandAttributes.memo = memo
        continueAsNew.continueAsNewWorkflowExecutionCommandAttributes.searchAttributes = searchAttributes
        var upsert = Temporal_Api_Command_V1_Command()
        upsert.upsertWorkflowSearchAttributesCommandAttributes.searchAttributes = searchAttributes
        var completion = Temporal_Api_Workflowservice_V1_RespondWorkflowTaskCompletedRequest()
        completion.commands = [activity, timer, child, properties, continueAsNew, upsert]

        try await converter.encodePayloads(in: &completion)
        let commands = completion.commands
        for command in commands[0...2] {
            #expect(isWrapped(command.userMetadata.summary), "\(command.commandType) summary")
            #expect(isWrapped(command.userMetadata.details), "\(command.commandType) details")
        }
        #expect(isWrapped(try #require(commands[2].startChildWorkflowExecutionCommandAttributes.memo.fields["origin"])))
        #expect(isWrapped(try #require(commands[3].modifyWorkflowPropertiesCommandAttributes.upsertedMemo.fields["origin"])))
        #expect(isWrapped(try #require(commands[4].continueAsNewWorkflowExecutionCommandAttributes.memo.fields["origin"])))
        // The server indexes search attributes: they must reach it as they were.
        #expect(commands[2].startChildWorkflowExecutionCommandAttributes.searchAttributes == searchAttributes)
        #expect(commands[4].continueAsNewWorkflowExecutionCommandAttributes.searchAttributes == searchAttributes)
        #expect(commands[5].upsertWorkflowSearchAttributesCommandAttributes.searchAttributes == searchAttributes)
        let summary = try await WrappingCodec().decode([Payload(commands[1].userMetadata.summary)])
        #expect(summary == [text])
    }

    @Test func historyEventsReadTheirSummariesAndMemosDecoded() async throws {
        var started = Temporal_Api_History_V1_HistoryEvent()
        started.eventID = 1
        started.workflowExecutionStartedEventAttributes.memo = memo
        started.workflowExecutionStartedEventAttributes.searchAttributes = searchAttributes
        started.userMetadata = metadata
        var timer = Temporal_Api_History_V1_HistoryEvent()
        timer.eventID = 5
        timer.timerStartedEventAttributes.timerID = "1"
        timer.userMetadata = metadata
        var modified = Temporal_Api_History_V1_HistoryEvent()
        modified.eventID = 6
        modified.workflowPropertiesModifiedEventAttributes.upsertedMemo = memo
        let original = [started, timer, modified]

        var stored = original
        let encode = PayloadTransform(transform: WrappingCodec().encode)
        for index in stored.indices { try await encode.event(&stored[index]) }
        #expect(isWrapped(stored[1].userMetadata.summary))
        #expect(isWrapped(try #require(stored[2].workflowPropertiesModifiedEventAttributes.upsertedMemo.fields["origin"])))
        #expect(stored[0].workflowExecutionStartedEventAttributes.searchAttributes == searchAttributes)

        try await converter.decodePayloads(in: &stored)
        #expect(stored == original)
    }

    @Test func describeDecodesTheMemoAndTheStaticSummaryAndDetails() async throws {
        var response = Temporal_Api_Workflowservice_V1_DescribeWorkflowExecutionResponse()
        response.workflowExecutionInfo.execution.workflowID = "order-1"
        response.workflowExecutionInfo.memo.fields["origin"] = try await WrappingCodec().encode([text])[0].apiPayload
        response.workflowExecutionInfo.searchAttributes = searchAttributes
        response.workflowExecutionInfo.priority.priorityKey = 2
        response.workflowExecutionInfo.priority.fairnessKey = "tenant-a"
        var stored = Temporal_Api_Sdk_V1_UserMetadata()
        stored.summary = try await WrappingCodec().encode([text])[0].apiPayload
        stored.details = try await WrappingCodec().encode([DataConverter.default.payloadConverter.toPayload("Started by **cron**")])[0]
            .apiPayload
        response.executionConfig.userMetadata = stored

        let description = try await WorkflowExecutionDescription(response).decoded(with: converter)
        #expect(description.staticSummary == "nightly run")
        #expect(description.staticDetails == "Started by **cron**")
        #expect(try description.memoValue("origin", as: String.self) == "nightly run")
        #expect(description.searchAttributes == ["CustomerId": text])
        #expect(description.priority == Priority(priorityKey: 2, fairnessKey: "tenant-a"))

        // Without the codec the stored payloads cannot be read: decoding is what makes them usable.
        await #expect(throws: (any Error).self) {
            _ = try await WorkflowExecutionDescription(response).decoded(with: .default).memoValue("origin", as: String.self)
        }
    }
}
