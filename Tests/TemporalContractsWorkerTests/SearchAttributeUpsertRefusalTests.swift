import GRPCCore
import TemporalAPI
import TemporalContracts
import TemporalContractsConversion
import Testing

@testable import TemporalContractsWorker

/// The server refuses a workflow task's completion when workflow code writes a search attribute
/// the namespace has not registered, or registered with another type; the worker's error (logged
/// as the task failure) names the attribute and the fix instead of repeating the server's message.
@Suite("Search attribute refusals of a workflow task")
struct SearchAttributeUpsertRefusalTests {
    static func completion(
        upserting attributes: [String: SearchAttributeValue]
    ) -> Temporal_Api_Workflowservice_V1_RespondWorkflowTaskCompletedRequest {
        var command = Temporal_Api_Command_V1_Command()
        command.commandType = .upsertWorkflowSearchAttributes
        command.upsertWorkflowSearchAttributesCommandAttributes.searchAttributes = attributes.apiSearchAttributes
        var request = Temporal_Api_Workflowservice_V1_RespondWorkflowTaskCompletedRequest()
        request.commands = [command]
        return request
    }

    @Test("an unregistered attribute: named, with the command that registers it")
    func unregistered() throws {
        let refusal = RPCError(
            code: .invalidArgument,
            message: "BadSearchAttributes: Namespace default has no mapping defined for search attribute OrderStage"
        )
        let completion = Self.completion(upserting: ["OrderStage": .keyword("packed"), "Amount": .int(3)])
        let error = try #require(WorkflowTaskProcessor.searchAttributeError(refusal, in: completion))
        #expect(error == SearchAttributeRegistrationError(name: "OrderStage", contractType: .keyword, serverType: nil))
        #expect(error.description.contains("temporal operator search-attribute create --name OrderStage --type Keyword"))
    }

    @Test("an attribute registered with another type: both types named")
    func mistyped() throws {
        let refusal = RPCError(
            code: .invalidArgument,
            message: "BadSearchAttributes: invalid value for search attribute Amount of type Keyword: 3"
        )
        let error = try #require(WorkflowTaskProcessor.searchAttributeError(refusal, in: Self.completion(upserting: ["Amount": .int(3)])))
        #expect(error == SearchAttributeRegistrationError(name: "Amount", contractType: .int, serverType: .keyword))
    }

    @Test("other refusals, and completions that write no search attribute, keep the server's error")
    func others() {
        let race = RPCError(code: .invalidArgument, message: "UnhandledCommand")
        #expect(WorkflowTaskProcessor.searchAttributeError(race, in: Self.completion(upserting: ["Amount": .int(3)])) == nil)
        let refusal = RPCError(code: .invalidArgument, message: "no mapping defined for search attribute Amount")
        #expect(WorkflowTaskProcessor.searchAttributeError(refusal, in: Self.completion(upserting: [:])) == nil)
    }
}
