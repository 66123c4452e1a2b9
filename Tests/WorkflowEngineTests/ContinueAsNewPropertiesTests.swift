import Foundation
import TemporalAPI
@_spi(Generated) import TemporalContracts
import TemporalContractsTesting
import Testing

/// Continue-as-new keeps the run's memo and search attributes, its own upserts included: the
/// command carries the current values, as sdk-core fills them in for the Python SDK.
@Suite("Continue-as-new keeps memo and search attributes", .timeLimit(.minutes(1)))
struct ContinueAsNewPropertiesTests {
    static let stage = SearchAttributeKey<String>.keyword("RelayStage")
    static let customer = SearchAttributeKey<String>.keyword("RelayCustomer")

    final class Relay: WorkflowImplementation {
        static let definition = WorkflowDefinition<Int, String>(name: "Relay", input: .single(), output: .single())
        static var registration: WorkflowRegistration {
            WorkflowRegistration(definition, implementation: Relay.self) { (_: Relay, leg: Int, context) in
                if leg == 1 {
                    var attributes = SearchAttributes()
                    attributes[ContinueAsNewPropertiesTests.stage] = "first leg done"
                    context.upsertSearchAttributes(attributes)
                    try context.upsertMemo(["progress": "half way"])
                    try context.continueAsNew(definition, input: 2)
                }
                let stage = context.searchAttributes[ContinueAsNewPropertiesTests.stage] ?? "-"
                let customer = context.searchAttributes[ContinueAsNewPropertiesTests.customer] ?? "-"
                let origin = try context.memoValue("origin", as: String.self) ?? "-"
                let progress = try context.memoValue("progress", as: String.self) ?? "-"
                return "\(customer) \(stage); \(origin) \(progress)"
            }
        }

        init() {}
    }

    @Test func theNextRunStartsWithTheStartsValuesAndTheUpserts() async throws {
        try await withWorkflowTestEnvironment(workflows: [Relay.registration]) { environment in
            var attributes = SearchAttributes()
            attributes[Self.customer] = "c-7"
            let run = try await environment.client.start(
                Relay.definition,
                input: 1,
                options: WorkflowStartOptions(
                    id: "relay",
                    taskQueue: "engine-tests",
                    memo: ["origin": "cron"],
                    searchAttributes: attributes
                )
            )
            let result = try await environment.client.result(of: Relay.definition, execution: WorkflowExecution(workflowID: "relay"))
            #expect(result == "c-7 first leg done; cron half way")

            let first = try await environment.history(of: run).events
            #expect(first.last?.eventType == .workflowExecutionContinuedAsNew)
            let described = try await environment.client.describe(WorkflowExecution(workflowID: "relay"))
            #expect(try described.memoValue("progress", as: String.self) == "half way")
            #expect(described.typedSearchAttributes[Self.stage] == "first leg done")
        }
    }
}
