import SwiftProtobuf
import TemporalAPI
import TemporalContracts
@testable import TemporalContractsEngine
import Testing

/// The machines of an update's acceptance and completion from canned histories.
@Suite("Update message machines")
struct UpdateMessageMachineTests {
    static let body: @Sendable (ScriptedWorkflow, any WorkflowContext) async throws -> String = { workflow, context in
        try await context.condition { !workflow.received.isEmpty }
        return workflow.received.joined(separator: ",")
    }

    static let request = HistoryBuilder.updateRequest(id: "u1", name: "Touch", input: HistoryBuilder.payloads("hi"))

    @Test("an update is accepted and completed with protocol messages and their commands")
    func acceptsAndCompletes() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        let run = ScriptedRun(Self.body)
        let update = WorkflowUpdateRequest(protocolInstanceID: "u1", messageID: "u1/request", sequencingEventID: 2, request: Self.request)
        let result = try run.nextTask(of: history, updates: [update])
        #expect(
            result.commands.map(\.line) == ["ProtocolMessage u1/accept", "ProtocolMessage u1/complete", #"CompleteWorkflowExecution "hi""#]
        )
        #expect(result.messages.map(\.id) == ["u1/accept", "u1/complete"])
        let response = try Temporal_Api_Update_V1_Response(unpackingAny: result.messages[1].body)
        #expect(response.outcome.success.payloads.map { String(decoding: $0.data, as: UTF8.self) } == [#""HI""#])
    }

    @Test("a replay runs the accepted update again and matches its acceptance and completion")
    func replays() throws {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        history.updateAccepted(Self.request, messageID: "u1/request")
        history.updateCompleted("u1", result: HistoryBuilder.payloads("HI"))
        history.workflowCompleted(result: HistoryBuilder.payloads("hi"))
        #expect(try ScriptedRun.replay(history, Self.body).isFinished)
    }

    // MARK: The machine alone

    @Test("alone: the acceptance matches the accepted event of its update, the completion the completed one")
    func transitions() throws {
        var history = MachineTesting.history()
        history.updateAccepted(Self.request, messageID: "u1/request")
        let accepted = history.lastEventID
        history.updateCompleted("u1", result: HistoryBuilder.payloads("HI"))
        let completed = history.lastEventID
        var message = Temporal_Api_Protocol_V1_Message()
        message.id = "u1/accept"
        let acceptance = UpdateMessageMachine(message: message, updateID: "u1", isCompletion: false)
        let other = UpdateMessageMachine(message: message, updateID: "u2", isCompletion: false)
        message.id = "u1/complete"
        let completion = UpdateMessageMachine(message: message, updateID: "u1", isCompletion: true)
        #expect(acceptance.mismatch(with: history[completed]) == "it is WorkflowExecutionUpdateCompleted event \(completed)")
        #expect(other.mismatch(with: history[accepted]) == "it accepts update u1")
        #expect(completion.mismatch(with: history[completed]) == nil)
        try acceptance.record(history[accepted])
        #expect(acceptance.state == .recorded && acceptance.command.line == "ProtocolMessage u1/accept")
        #expect(
            MachineTesting.failure { try acceptance.record(history[accepted]) }
                == "invalid record of acceptance of update u1 in state recorded"
        )
    }
}
