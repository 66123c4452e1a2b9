import Foundation
import Synchronization
import TemporalContracts
import Testing

/// An update definition's `waitForStage` (the contract's default) is the stage `startUpdate`
/// sends unless the call's `UpdateOptions.waitFor` says otherwise.
struct UpdateWaitStageTests {
    static let completing = UpdateDefinition<String, String>(
        name: "Complete",
        input: .single(),
        output: .single(),
        waitForStage: .completed
    )
    static let plain = UpdateDefinition<String, String>(name: "Plain", input: .single(), output: .single())

    func sentStages(_ calls: (TemporalClient, WorkflowExecution) async throws -> Void) async throws -> [UpdateWaitStage] {
        let transport = GeneratedClientTests.ScriptedTransport()
        try await calls(TemporalClient(transport: transport), WorkflowExecution(workflowID: "w"))
        return transport.state.withLock { $0.updates.map(\.waitFor) }
    }

    @Test func theDefinitionsStageAppliesUnlessTheCallSetsOne() async throws {
        let stages = try await sentStages { client, execution in
            _ = try await client.startUpdate(Self.completing, input: "a", execution: execution, options: UpdateOptions())
            _ = try await client.startUpdate(Self.completing, input: "b", execution: execution, options: UpdateOptions(waitFor: .accepted))
            _ = try await client.startUpdate(Self.plain, input: "c", execution: execution, options: UpdateOptions())
        }
        #expect(stages == [.completed, .accepted, .accepted])
    }
}
